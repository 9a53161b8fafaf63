package dev.seatkeeper.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An aligned plain-text table. Columns take the width of their longest cell; when the table is wider than the width
 * it is rendered at, the columns marked {@link Column#wrapping()} give up width (the widest first) and their cells
 * continue on the next lines, broken after a space, colon, dot, comma, slash or dash where possible. Nothing is ever
 * cut: a table whose other columns alone are too wide is printed wider than asked. Not thread-safe; build, render,
 * throw away.
 */
public final class TextTable {

	/** No wrapping column gets narrower than this (or its header, if longer). */
	static final int MIN_WRAP_WIDTH = 12;

	private static final String GAP = "  ";

	private final List<Column> columns;

	private final List<String[]> rows = new ArrayList<>();

	private final String indent;

	private TextTable(String indent, List<Column> columns) {
		this.indent = indent;
		this.columns = columns;
	}

	public static TextTable of(Column... columns) {
		return new TextTable("", List.of(columns));
	}

	/** The same columns, every line starting with {@code indent}. */
	public TextTable indented(String indent) {
		return new TextTable(indent, this.columns);
	}

	/** Adds a row; {@code null} cells print as "-". */
	public TextTable row(@Nullable Object... cells) {
		if (cells.length != this.columns.size()) {
			throw new IllegalArgumentException(
					"A row of " + cells.length + " cells for " + this.columns.size() + " columns");
		}
		this.rows.add(Arrays.stream(cells).map(cell -> (cell != null) ? cell.toString() : "-").toArray(String[]::new));
		return this;
	}

	/** The header and every row, each line ending with a newline, fitted into {@code width} characters if it can be. */
	public String render(int width) {
		int[] widths = fit(naturalWidths(), width);
		StringBuilder text = new StringBuilder();
		append(text, this.columns.stream().map(Column::header).toArray(String[]::new), widths);
		for (String[] row : this.rows) {
			append(text, row, widths);
		}
		return text.toString();
	}

	private int[] naturalWidths() {
		int[] widths = new int[this.columns.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = this.columns.get(i).header().length();
			for (String[] row : this.rows) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		return widths;
	}

	private int[] fit(int[] widths, int width) {
		int excess = this.indent.length() + Arrays.stream(widths).sum() + GAP.length() * (widths.length - 1) - width;
		while (excess > 0) {
			int widest = widestShrinkable(widths);
			if (widest < 0) {
				break;
			}
			int next = secondWidestWrapping(widths, widest);
			int step = Math.max(1, Math.min(excess, widths[widest] - Math.max(next, floor(widest))));
			widths[widest] -= step;
			excess -= step;
		}
		return widths;
	}

	private int widestShrinkable(int[] widths) {
		int widest = -1;
		for (int i = 0; i < widths.length; i++) {
			if (this.columns.get(i).wrapping() && widths[i] > floor(i) && (widest < 0 || widths[i] > widths[widest])) {
				widest = i;
			}
		}
		return widest;
	}

	private int secondWidestWrapping(int[] widths, int widest) {
		int second = 0;
		for (int i = 0; i < widths.length; i++) {
			if (i != widest && this.columns.get(i).wrapping() && widths[i] < widths[widest]) {
				second = Math.max(second, widths[i]);
			}
		}
		return second;
	}

	private int floor(int column) {
		return Math.max(MIN_WRAP_WIDTH, this.columns.get(column).header().length());
	}

	private void append(StringBuilder text, String[] cells, int[] widths) {
		List<List<String>> pieces = new ArrayList<>();
		int lines = 1;
		for (int i = 0; i < cells.length; i++) {
			List<String> cellLines = this.columns.get(i).wrapping() ? Wrap.of(cells[i], widths[i]) : List.of(cells[i]);
			pieces.add(cellLines);
			lines = Math.max(lines, cellLines.size());
		}
		for (int line = 0; line < lines; line++) {
			StringBuilder row = new StringBuilder(this.indent);
			for (int i = 0; i < cells.length; i++) {
				List<String> cellLines = pieces.get(i);
				String piece = (line < cellLines.size()) ? cellLines.get(line) : "";
				if (i > 0) {
					row.append(GAP);
				}
				row.append(this.columns.get(i).rightAligned() ? pad(piece, widths[i], true) : pad(piece, widths[i], false));
			}
			text.append(row.toString().stripTrailing()).append(System.lineSeparator());
		}
	}

	private static String pad(String text, int width, boolean left) {
		String padding = " ".repeat(Math.max(0, width - text.length()));
		return left ? padding + text : text + padding;
	}

	/** A column: its header, whether numbers in it align right, whether its cells may wrap. */
	public record Column(String header, boolean rightAligned, boolean wrapping) {

		public static Column text(String header) {
			return new Column(header, false, false);
		}

		public static Column number(String header) {
			return new Column(header, true, false);
		}

		/** A text column whose cells continue on the next lines when the table is too wide. */
		public static Column wrapped(String header) {
			return new Column(header, false, true);
		}

	}

}
