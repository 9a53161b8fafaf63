package dev.seatkeeper.sandbox.query;

import java.util.Comparator;

import dev.seatkeeper.sandbox.org.LoginHistoryTable;
import dev.seatkeeper.sandbox.org.RecordSource;
import dev.seatkeeper.sandbox.soql.SoqlRecord;

/**
 * Decides whether an ORDER BY agrees with a source's own order (Id order, which for login history is also
 * (LoginTime, UserId) order), so a query with a LIMIT can stop scanning after LIMIT matches instead of sorting
 * millions of rows: that is what makes key-based paging over login history cheap. The check probes evenly spread
 * adjacent pairs and far-apart pairs of the scanned range; an ordering on any other field disagrees on some probe
 * in all but degenerate data.
 */
final class NaturalOrder {

	private static final int PROBES = 256;

	private NaturalOrder() {
	}

	static boolean holds(Comparator<SoqlRecord> ordering, RecordSource source, int from, int to) {
		int span = to - from;
		if (span < 2) {
			return true;
		}
		// Late logins break Id order at a few positions only, which spread probes would miss: check every row.
		int step = (source instanceof LoginHistoryTable history && history.hasLateEvents()) ? 1
				: Math.max(1, span / PROBES);
		for (int i = from; i + 1 < to; i += step) {
			if (ordering.compare(source.record(i), source.record(i + 1)) > 0) {
				return false;
			}
			int far = from + (int) ((i - from + (long) span / 2) % span);
			int low = Math.min(i, far);
			int high = Math.max(i, far);
			if (low != high && ordering.compare(source.record(low), source.record(high)) > 0) {
				return false;
			}
		}
		return ordering.compare(source.record(from), source.record(to - 1)) <= 0;
	}

}
