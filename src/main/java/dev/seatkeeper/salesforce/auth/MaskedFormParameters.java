package dev.seatkeeper.salesforce.auth;

import java.io.Serial;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Token request form parameters whose {@code toString()} masks every value but the grant type and client id. Spring's
 * RestClient logs request bodies at DEBUG through {@code toString()}; the form holds the client secret, refresh token,
 * assertion or authorization code, and none of them may reach a log.
 */
final class MaskedFormParameters extends LinkedMultiValueMap<String, String> {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final Set<String> SHOWN = Set.of("grant_type", "client_id");

	MaskedFormParameters(MultiValueMap<String, String> parameters) {
		super(parameters);
	}

	@Override
	public String toString() {
		return entrySet().stream()
			.map((entry) -> entry.getKey() + "=" + (SHOWN.contains(entry.getKey()) ? entry.getValue() : "[******]"))
			.collect(Collectors.joining(", ", "{", "}"));
	}

}
