package dev.seatkeeper.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU time of the processes a night shares the machine with, so a table can say where the time went even when
 * the wall clock is stretched by other work on the machine: the job, the sandbox, and a local database server.
 */
final class CpuTime {

	private CpuTime() {
	}

	static Duration of(ProcessHandle process) {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	/** The local MariaDB or MySQL server's process, when the benchmark's server runs on this machine. */
	static Optional<ProcessHandle> localDatabaseServer() {
		return ProcessHandle.allProcesses().filter(process -> process.info().command().map(command -> {
			String name = Path.of(command).getFileName().toString();
			return name.equals("mariadbd") || name.equals("mysqld");
		}).orElse(false)).findFirst();
	}

	/**
	 * Waits, at most {@code max}, until the process spends under a tenth of a core for a whole second: nights are a
	 * day apart, and a night started while the database server still wrote back the last one (or the dropped database
	 * of the previous size) measured that too.
	 * @return how long it waited
	 */
	static Duration awaitQuiet(ProcessHandle process, Duration max) {
		long start = System.nanoTime();
		Duration before = of(process);
		while (System.nanoTime() - start < max.toNanos()) {
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			Duration now = of(process);
			if (now.minus(before).toMillis() < 100) {
				break;
			}
			before = now;
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/** The machine's 1-minute load average, or -1 where /proc is missing. */
	static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** CPU seconds spent during one night, per process. */
	record Spent(double job, double sandbox, double server, double loadAtStart) {
	}

}
