package dev.seatkeeper.salesforce.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Reads Salesforce token responses, which carry no {@code expires_in}. Spring Security would then consider the token
 * expired one second after it was issued and fetch a new one for nearly every call; this converter gives such
 * tokens the configured lifetime instead. Salesforce's extra fields ({@code instance_url}, {@code id},
 * {@code issued_at}, {@code signature}) stay in the additional parameters. Stateless and thread-safe.
 */
public final class SalesforceTokenResponseConverter implements Converter<Map<String, Object>, OAuth2AccessTokenResponse> {

	/** The additional parameter naming the org's API host. */
	public static final String INSTANCE_URL = "instance_url";

	/** The additional parameter naming the org and the user the token runs as ({@code .../id/<orgId>/<userId>}). */
	public static final String ID = "id";

	private final DefaultMapOAuth2AccessTokenResponseConverter delegate = new DefaultMapOAuth2AccessTokenResponseConverter();

	private final Duration defaultLifetime;

	public SalesforceTokenResponseConverter(Duration defaultLifetime) {
		this.defaultLifetime = defaultLifetime;
	}

	@Override
	public OAuth2AccessTokenResponse convert(Map<String, Object> parameters) {
		Map<String, Object> completed = new LinkedHashMap<>(parameters);
		completed.putIfAbsent(OAuth2ParameterNames.EXPIRES_IN, this.defaultLifetime.toSeconds());
		completed.putIfAbsent(OAuth2ParameterNames.TOKEN_TYPE, "Bearer");
		return this.delegate.convert(completed);
	}

}
