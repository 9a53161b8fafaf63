package dev.seatkeeper.reconciliation.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/** Small helpers for writing inline SVG and HTML text safely: every text goes through {@link #escape}. */
public final class Svg {

	private Svg() {
	}

	/** Text for HTML or SVG: the five markup characters as references, everything else as it is (the page is UTF-8). */
	public static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	static String rect(double x, double y, double width, double height, String cssClass) {
		return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"%s\"/>", x, y,
				Math.max(0, width), height, cssClass);
	}

	static String text(double x, double y, String anchor, String cssClass, String content) {
		return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">%s</text>", x, y,
				anchor, cssClass, escape(content));
	}

	static String line(double x1, double y1, double x2, double y2, String cssClass) {
		return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>", x1, y1,
				x2, y2, cssClass);
	}

	static String open(double width, double height, String label) {
		return String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"%s\">",
				width, height, width, height, escape(label));
	}

}
