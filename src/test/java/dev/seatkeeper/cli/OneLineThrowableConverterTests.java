package dev.seatkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A logged exception on the plain console: its innermost reason on one line, the stack trace only when verbose. */
class OneLineThrowableConverterTests {

	private final LoggingEvent event = new LoggingEvent("test", new LoggerContext().getLogger("step"), Level.ERROR,
			"Encountered an error executing step connect", new IllegalStateException("Unable to process chunk",
					new IllegalArgumentException("INVALID_FIELD: No such column 'Foo'\nsecond line")), null);

	@AfterEach
	void quiet() {
		System.clearProperty(Console.VERBOSE_PROPERTY);
	}

	@Test
	void showsTheInnermostReasonOnOneLine() {
		OneLineThrowableConverter converter = new OneLineThrowableConverter();
		converter.start();

		assertThat(converter.convert(this.event))
			.isEqualTo("  cause: INVALID_FIELD: No such column 'Foo' (--verbose for the stack trace)" + System.lineSeparator());
	}

	@Test
	void printsTheStackTraceWhenVerbose() {
		System.setProperty(Console.VERBOSE_PROPERTY, "true");
		OneLineThrowableConverter converter = new OneLineThrowableConverter();
		converter.start();

		assertThat(converter.convert(this.event)).contains("java.lang.IllegalStateException: Unable to process chunk")
			.contains("\tat ")
			.contains("Caused by: java.lang.IllegalArgumentException");
	}

}
