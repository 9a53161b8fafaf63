package dev.seatkeeper.cli;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * The exception part of a plain console log line: the innermost cause's message on one line, or the whole stack
 * trace with {@code --verbose}. Operators read the sentence; the JSON logs keep every trace.
 */
public class OneLineThrowableConverter extends ThrowableProxyConverter {

	@Override
	public String convert(ILoggingEvent event) {
		IThrowableProxy thrown = event.getThrowableProxy();
		if (thrown == null) {
			return "";
		}
		if (Console.isVerbose()) {
			return super.convert(event);
		}
		IThrowableProxy innermost = thrown;
		while (innermost.getCause() != null && innermost.getCause() != innermost) {
			innermost = innermost.getCause();
		}
		String message = (innermost.getMessage() != null) ? innermost.getMessage() : innermost.getClassName();
		int newline = message.indexOf('\n');
		return "  cause: " + ((newline < 0) ? message : message.substring(0, newline)).strip()
				+ " (--verbose for the stack trace)" + CoreConstants.LINE_SEPARATOR;
	}

}
