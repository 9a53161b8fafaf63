package dev.seatkeeper.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class SkippedTestsSummaryTests {

	@Test
	void theRunEndsWithTheSkippedTestsCountedByReasonMostFrequentFirst() {
		String summary = run(SomeSkipped.class);

		assertThat(summary.lines()).containsExactly("", "Skipped tests: 4", "  2 skipped: no server (set THE_URL)",
				"  1 skipped: System property [java.version] with value [" + System.getProperty("java.version")
						+ "] matches regular expression [.*] ==> a condition said so",
				"  1 skipped: jq is not on the PATH");
	}

	@Test
	void aRunWithoutSkipsPrintsNothing() {
		assertThat(run(NoneSkipped.class)).isEmpty();
	}

	private static String run(Class<?> tests) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		SkippedTestsSummary summary = new SkippedTestsSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		// Without the listeners registered through META-INF/services: this very class among them prints to the console.
		LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
			.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tests)).build(), summary);
		return bytes.toString(StandardCharsets.UTF_8);
	}

	// Nested, so Surefire (which leaves out classes named with a $) runs them only through this test's launcher.
	static class SomeSkipped {

		@Test
		void passes() {
		}

		@Test
		void serverOne() {
			Assumptions.abort("no server (set THE_URL)");
		}

		@Test
		void serverTwo() {
			Assumptions.abort("no server (set THE_URL)");
		}

		@Test
		void tool() {
			Assumptions.assumeTrue(false, "jq is not on the PATH");
		}

		@Test
		@DisabledIfSystemProperty(named = "java.version", matches = ".*", disabledReason = "a condition said so")
		void later() {
		}

	}

	static class NoneSkipped {

		@Test
		void passes() {
		}

	}

}
