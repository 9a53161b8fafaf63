package dev.seatkeeper.reclamation.action;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that must be committed on its own before the reclaim step goes on (a mark before a Salesforce call, the results
 * after it). The template must propagate REQUIRES_NEW. Thread-safe.
 */
public final class NewTransactions {

	private final TransactionTemplate template;

	NewTransactions(TransactionTemplate template) {
		this.template = template;
	}

	<T> T run(Supplier<T> work) {
		T result = this.template.execute(status -> work.get());
		if (result == null) {
			throw new IllegalStateException("A reclaim transaction returned nothing");
		}
		return result;
	}

}
