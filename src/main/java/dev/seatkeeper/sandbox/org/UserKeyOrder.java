package dev.seatkeeper.sandbox.org;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The records of a table in the order of a user lookup (creator or last editor), as the index on that lookup gives
 * Salesforce: an aggregate grouped and ordered by the user, paged by {@code CreatedById > 'last'}, reads only its
 * page's users. Built once from the table's columns; immutable, so safe from any thread.
 */
final class UserKeyOrder implements RecordSource.KeyOrder {

	private final int[] positions;

	private final int[] users;

	private final String[] userIds;

	/**
	 * @param users the user position of each record
	 * @param userIds the Id of each user position
	 */
	UserKeyOrder(int[] users, String[] userIds) {
		int[] rank = new int[userIds.length];
		int[] byId = IntStream.range(0, userIds.length)
			.boxed()
			.sorted(Comparator.comparing((Integer user) -> userIds[user]))
			.mapToInt(Integer::intValue)
			.toArray();
		for (int i = 0; i < byId.length; i++) {
			rank[byId[i]] = i;
		}
		long[] order = new long[users.length];
		for (int i = 0; i < users.length; i++) {
			order[i] = ((long) rank[users[i]] << 32) | i;
		}
		Arrays.sort(order);
		this.positions = new int[order.length];
		for (int i = 0; i < order.length; i++) {
			this.positions[i] = (int) order[i];
		}
		this.users = users;
		this.userIds = userIds;
	}

	@Override
	public int size() {
		return this.positions.length;
	}

	@Override
	public int position(int rank) {
		return this.positions[rank];
	}

	@Override
	public int from(Object value, boolean inclusive) {
		String id = String.valueOf(value);
		int low = 0;
		int high = size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			int cmp = this.userIds[this.users[this.positions[mid]]].compareTo(id);
			if (cmp < 0 || (!inclusive && cmp == 0)) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

}
