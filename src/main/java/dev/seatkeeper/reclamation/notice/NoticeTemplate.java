package dev.seatkeeper.reclamation.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

import dev.seatkeeper.profile.ReclamationSettings.Action;
import org.jspecify.annotations.Nullable;

/**
 * The text of a notice: a subject with the first reclaim date and a plain-text body with one line per license, naming
 * the license, the user's last activity and the date from which it may be reclaimed. Dates are UTC days, the days the
 * nightly runs count in. A license two rules cover is listed once, with the earlier date. A downgrade says the license
 * is moved to a cheaper one, and that use of records keeps it, not a login. Stateless; thread-safe.
 */
public final class NoticeTemplate {

	public String subject(Notice notice) {
		return "Your Salesforce licenses in " + notice.org() + " may be reclaimed from " + notice.firstReclaimDate();
	}

	public String body(Notice notice) {
		StringBuilder body = new StringBuilder();
		body.append("Hello ").append(greeting(notice.recipient())).append(",\n\n")
			.append("You have not used the following Salesforce licenses in ").append(notice.org())
			.append(" for a while.\nUnless you use them again, they may be reclaimed from the date shown:\n\n");
		for (Notice.Line line : licenses(notice)) {
			body.append("  - ").append(line.license()).append(" (").append(line.model()).append("): ")
				.append(activity(line.lastActivity()))
				.append(isDowngrade(line) ? ", moved to a cheaper license from " : ", reclaimed from ")
				.append(line.reclaimOn())
				.append('\n');
		}
		if (licenses(notice).stream().anyMatch(NoticeTemplate::isDowngrade)) {
			body.append("\nA license to be moved to a cheaper one is for records you have not created or edited lately;"
					+ " logging in does not keep it, working on those records does.");
		}
		return body.append("\nTo keep a license, log in to Salesforce before that date.\n")
			.append("If you no longer need it, there is nothing to do. Questions go to your Salesforce administrator.\n\n")
			.append("Dates are in UTC. This notice is sent once.\n")
			.toString();
	}

	private static Collection<Notice.Line> licenses(Notice notice) {
		BinaryOperator<Notice.Line> earlier = (a, b) -> a.reclaimOn().isAfter(b.reclaimOn()) ? b : a;
		Map<String, Notice.Line> byModel = notice.lines()
			.stream()
			.collect(Collectors.toMap(Notice.Line::model, line -> line, earlier, LinkedHashMap::new));
		return byModel.values();
	}

	/** A downgrade keeps the user and moves them to a cheaper license: what keeps it is use of records, not logins. */
	private static boolean isDowngrade(Notice.Line line) {
		return line.candidate().action() == Action.DOWNGRADE;
	}

	private static String greeting(Notice.Recipient recipient) {
		return (recipient.fullName() != null && !recipient.fullName().isBlank()) ? recipient.fullName()
				: recipient.username();
	}

	private static String activity(@Nullable Instant lastActivity) {
		return (lastActivity != null) ? "last activity " + LocalDate.ofInstant(lastActivity, ZoneOffset.UTC)
				: "never logged in";
	}

}
