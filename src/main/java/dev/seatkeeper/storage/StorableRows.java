package dev.seatkeeper.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;

/**
 * Writes the records of a chunk that can be stored and records the others in {@code skipped_record}: first those
 * whose values break Salesforce's limits ({@link FieldLimits}), then, should the database still refuse a value, each
 * record it refuses on its own (MySQL and H2 undo only the failed statement, so the chunk's transaction goes on). A
 * failure that is not a refused value (a lost connection, a lock) is thrown, for the step to fail or retry. One
 * instance per step execution; not thread-safe.
 */
public final class StorableRows<T> {

	private final Consumer<List<T>> write;

	private final Function<T, @Nullable String> salesforceId;

	private final Function<T, List<Unstorable>> problems;

	private final SkippedRecords skipped;

	/**
	 * @param write writes a list of records (several rows, or one when the database refused the list)
	 * @param salesforceId the record's Id, for the skipped record
	 * @param problems what keeps the record from being stored, as its mapping found it
	 */
	public StorableRows(Consumer<List<T>> write, Function<T, @Nullable String> salesforceId,
			Function<T, List<Unstorable>> problems, SkippedRecords skipped) {
		this.write = write;
		this.salesforceId = salesforceId;
		this.problems = problems;
		this.skipped = skipped;
	}

	/** Writes what can be stored; answers the records written. */
	public List<T> store(List<? extends T> items) {
		List<T> storable = new ArrayList<>();
		for (T item : items) {
			List<Unstorable> unstorable = this.problems.apply(item);
			if (unstorable.isEmpty()) {
				storable.add(item);
			}
			else {
				unstorable.forEach(problem -> this.skipped.record(this.salesforceId.apply(item), problem.field(),
						problem.reason()));
			}
		}
		try {
			this.write.accept(storable);
			return storable;
		}
		catch (DataAccessException ex) {
			if (!SkippedRecords.isRefusedValue(ex)) {
				throw ex;
			}
			return storeOneByOne(storable);
		}
	}

	private List<T> storeOneByOne(List<T> items) {
		List<T> stored = new ArrayList<>();
		for (T item : items) {
			try {
				this.write.accept(List.of(item));
				stored.add(item);
			}
			catch (DataAccessException ex) {
				if (!SkippedRecords.isRefusedValue(ex)) {
					throw ex;
				}
				this.skipped.record(this.salesforceId.apply(item), ex);
			}
		}
		return stored;
	}

}
