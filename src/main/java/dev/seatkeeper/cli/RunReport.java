package dev.seatkeeper.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

import dev.seatkeeper.launch.RunEpilogue;
import dev.seatkeeper.launch.RunResult;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The console summary of a run: one line per step with its counts and what {@link RunEpilogue}s add, then one line
 * per profile.
 */
public class RunReport {

	private final JobRepository jobRepository;

	private final List<RunEpilogue> epilogues;

	public RunReport(JobRepository jobRepository, List<RunEpilogue> epilogues) {
		this.jobRepository = jobRepository;
		this.epilogues = List.copyOf(epilogues);
	}

	public void printSteps(RunResult result, PrintWriter out) {
		if (result.executionId() == null) {
			return;
		}
		JobExecution execution = this.jobRepository.getJobExecution(result.executionId());
		if (execution == null) {
			return;
		}
		out.printf("%nProfile %s, run date %s, execution %d%n", result.profile(), result.runDate(), execution.getId());
		out.printf("  %-34s %-10s %10s %10s %8s %8s%n", "step", "status", "read", "written", "skipped", "seconds");
		List<StepExecution> steps = execution.getStepExecutions()
			.stream()
			.filter(step -> !step.getStepName().contains(":")) // partitions: their step carries the sum
			.sorted(Comparator.comparing(StepExecution::getId))
			.toList();
		for (StepExecution step : steps) {
			out.printf("  %-34s %-10s %10d %10d %8d %8s%n", step.getStepName(), step.getStatus(), step.getReadCount(),
					step.getWriteCount(), step.getSkipCount(), seconds(step.getStartTime(), step.getEndTime()));
		}
		this.epilogues.forEach(epilogue -> epilogue.print(result, out, TerminalWidth.detect()));
	}

	public void printResults(PrintWriter out, List<RunResult> results) {
		out.printf("%n%-24s %-10s %-16s %-10s %8s  %s%n", "profile", "run date", "result", "execution", "seconds",
				"message");
		for (RunResult result : results) {
			out.printf("%-24s %-10s %-16s %-10s %8s  %s%n", result.profile(), result.runDate(), result.status(),
					(result.executionId() != null) ? result.executionId() : "-",
					(result.duration() != null) ? String.format("%.1f", result.duration().toMillis() / 1000.0) : "-",
					result.message());
		}
	}

	private static String seconds(@Nullable LocalDateTime start, @Nullable LocalDateTime end) {
		if (start == null || end == null) {
			return "-";
		}
		return String.format("%.1f", Duration.between(start, end).toMillis() / 1000.0);
	}

}
