package dev.seatkeeper.salesforce;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A stream of records fetched one page at a time, only when the reader gets to it: nothing is sent before the first
 * record is asked for, and at most one page is held. The page source answers {@code null} when there are no more pages.
 */
final class PagedRecords {

	private PagedRecords() {
	}

	static Stream<JsonNode> stream(Supplier<@Nullable List<JsonNode>> pages) {
		Iterator<JsonNode> records = new Iterator<>() {

			private Iterator<JsonNode> current = Collections.emptyIterator();

			private boolean finished;

			@Override
			public boolean hasNext() {
				while (!this.current.hasNext() && !this.finished) {
					List<JsonNode> page = pages.get();
					if (page == null) {
						this.finished = true;
					}
					else {
						this.current = page.iterator();
					}
				}
				return this.current.hasNext();
			}

			@Override
			public JsonNode next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.current.next();
			}

		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED | Spliterator.NONNULL),
				false);
	}

}
