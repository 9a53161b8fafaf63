package dev.seatkeeper.table;

import java.util.ArrayList;
import java.util.List;

/** Breaks a cell into lines of at most a width, after a separator where one is near enough, else anywhere. */
final class Wrap {

	private static final String BREAK_AFTER = " :.,/-_";

	private Wrap() {
	}

	static List<String> of(String text, int width) {
		List<String> lines = new ArrayList<>();
		String rest = text;
		while (rest.length() > width) {
			int cut = breakPoint(rest, width);
			lines.add(rest.substring(0, cut).stripTrailing());
			rest = rest.substring(cut).stripLeading();
		}
		lines.add(rest);
		return lines;
	}

	/** After the last separator within the width, unless that leaves less than half a line; else at the width. */
	private static int breakPoint(String text, int width) {
		for (int i = width; i > width / 2; i--) {
			if (BREAK_AFTER.indexOf(text.charAt(i - 1)) >= 0) {
				return i;
			}
		}
		return width;
	}

}
