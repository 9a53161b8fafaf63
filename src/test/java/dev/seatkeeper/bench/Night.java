package dev.seatkeeper.bench;

import java.time.Duration;
import java.util.List;

import dev.seatkeeper.bench.BenchDatabase.StepFigures;
import dev.seatkeeper.bench.JobProcess.JobRun;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one night: the job process seen from outside, its steps from the job repository, the Salesforce
 * calls the sandbox answered and the fewest pages the queries needed, and the start-up: from the process's start to
 * the first request the sandbox received (its token request), both on this machine's clock.
 */
record Night(String label, JobRun run, String outcome, List<StepFigures> steps, long loginEventsRead, long apiCalls,
		long pagesNeeded, CpuTime.Spent cpu, long bytesReceived, @Nullable Duration toFirstCall,
		long[] recordActivityPages) {

	long rowsWritten() {
		return this.steps.stream().mapToLong(StepFigures::written).sum();
	}

	double stepSeconds() {
		return this.steps.stream().mapToLong(step -> step.elapsed().toMillis()).sum() / 1000.0;
	}

	StepFigures step(String name) {
		return this.steps.stream().filter(step -> step.name().equals(name)).findFirst().orElse(null);
	}

}
