package dev.seatkeeper.reclamation.rules;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** Users listed by username or email in the profile; Salesforce usernames and emails compare without case. */
public final class ListedUserExclusion implements Exclusion {

	private final Set<String> listed;

	public ListedUserExclusion(List<String> usernamesOrEmails) {
		this.listed = usernamesOrEmails.stream().map(ListedUserExclusion::normalized).collect(Collectors.toSet());
	}

	@Override
	public @Nullable String reason(Holding holding, Instant asOf) {
		if (this.listed.contains(normalized(holding.username()))) {
			return "username " + holding.username() + " is excluded";
		}
		if (holding.email() != null && this.listed.contains(normalized(holding.email()))) {
			return "email " + holding.email() + " is excluded";
		}
		return null;
	}

	private static String normalized(String value) {
		return value.trim().toLowerCase(Locale.ROOT);
	}

}
