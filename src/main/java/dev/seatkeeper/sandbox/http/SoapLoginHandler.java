package dev.seatkeeper.sandbox.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import dev.seatkeeper.sandbox.auth.OAuthException;
import dev.seatkeeper.sandbox.auth.TokenService;
import dev.seatkeeper.sandbox.org.OrgTypes;
import dev.seatkeeper.sandbox.org.SandboxOrg;

/**
 * {@code POST /services/Soap/u/NN.N}: the partner API's {@code login} call, which clients such as jsforce use when
 * given only a username and password. Only {@code login} is served; the answer carries what those clients read
 * (serverUrl, whose origin becomes the instance URL, sessionId, userId, userInfo). A refused login is a SOAP fault
 * with INVALID_LOGIN, as Salesforce sends it.
 */
final class SoapLoginHandler {

	private static final Pattern USERNAME = Pattern.compile("<(?:\\w+:)?username>([^<]*)</");

	private static final Pattern PASSWORD = Pattern.compile("<(?:\\w+:)?password>([^<]*)</");

	private final TokenService tokens;

	private final SandboxOrg org;

	SoapLoginHandler(TokenService tokens, SandboxOrg org) {
		this.tokens = tokens;
		this.org = org;
	}

	void handle(HttpExchange exchange, String path, String baseUrl) throws IOException {
		if (!"POST".equals(exchange.getRequestMethod())) {
			HttpIo.methodNotAllowed(exchange, "POST");
			return;
		}
		String body = new String(HttpIo.body(exchange), StandardCharsets.UTF_8);
		String version = path.substring(path.lastIndexOf('/') + 1);
		try {
			TokenService.PasswordLogin login = this.tokens.passwordLogin(value(USERNAME, body), value(PASSWORD, body));
			send(exchange, 200, envelope(loginResponse(login, baseUrl, version)));
		}
		catch (OAuthException ex) {
			send(exchange, 500, envelope("<soapenv:Fault><faultcode>INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: "
					+ ex.getMessage() + "</faultstring></soapenv:Fault>"));
		}
	}

	private String loginResponse(TokenService.PasswordLogin login, String baseUrl, String version) {
		String orgId = this.org.orgId();
		return "<loginResponse><result>" + element("metadataServerUrl", baseUrl + "/services/Soap/m/" + version + "/" + orgId)
				+ element("passwordExpired", "false") + element("sandbox", "true")
				+ element("serverUrl", baseUrl + "/services/Soap/u/" + version + "/" + orgId)
				+ element("sessionId", login.sessionId()) + element("userId", login.user().id()) + "<userInfo>"
				+ element("organizationId", orgId)
				+ element("organizationName", (String) this.org.table(OrgTypes.ORGANIZATION).record(0).requiredValue("Name"))
				+ element("userEmail", (String) login.user().requiredValue("Email"))
				+ element("userFullName", (String) login.user().requiredValue("Name")) + element("userId", login.user().id())
				+ element("userName", (String) login.user().requiredValue("Username")) + "</userInfo></result></loginResponse>";
	}

	private static String envelope(String body) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope "
				+ "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\"urn:partner.soap.sforce.com\" "
				+ "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>" + body
				+ "</soapenv:Body></soapenv:Envelope>";
	}

	private static String element(String name, String value) {
		return "<" + name + ">" + escape(value) + "</" + name + ">";
	}

	private static String value(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		return matcher.find() ? unescape(matcher.group(1)) : "";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
			.replace("\"", "&quot;");
	}

	private static String unescape(String text) {
		return text.replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&quot;", "\"")
			.replace("&amp;", "&");
	}

	private static void send(HttpExchange exchange, int status, String xml) throws IOException {
		byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
