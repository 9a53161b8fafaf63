package dev.seatkeeper.reclamation.notice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.reclamation.candidate.Candidate;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.mail.MailException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code notifyUsers} step: one e-mail per user whose NEW candidates belong to rules with {@code notifyUser}, in
 * {@code enforce} mode. {@code detect} sends nothing and records nothing; {@code dry-run} logs "would notify" and
 * records on the candidates that no notice was sent, as it does when SMTP is not configured or the user has no
 * e-mail address: such candidates stay NEW, which auto-approval never approves for a notifying rule.
 *
 * <p>At most once: the candidates are moved to NOTIFIED without a sending time and committed before the message is
 * sent, and the time is committed after. A notice that fails is recorded and the candidates go back to NEW, to be
 * tried on the next run. A run that stops in between leaves NOTIFIED candidates without a time: they are never sent
 * again (the message may have gone) and never approved automatically (it may not have), so an operator decides.
 * The tasklet's reads and writes run in new transactions (the template must propagate REQUIRES_NEW).
 */
public class NoticeTasklet implements Tasklet {

	static final String SENDING = "sending the notice to ";

	private static final Logger logger = LoggerFactory.getLogger(NoticeTasklet.class);

	private final NoticeReader reader;

	private final CandidateStore store;

	private final NoticeSender sender;

	private final TransactionTemplate newTransaction;

	private final Profile profile;

	private final Instant asOf;

	/** Set when the server failed as a whole this run: the remaining notices are not tried. */
	private @Nullable String serverFailure;

	public NoticeTasklet(NoticeReader reader, CandidateStore store, NoticeSender sender, TransactionTemplate newTransaction,
			Profile profile, Instant asOf) {
		this.reader = reader;
		this.store = store;
		this.sender = sender;
		this.newTransaction = newTransaction;
		this.profile = profile;
		this.asOf = asOf;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		Mode mode = this.profile.reclamation().mode();
		Map<String, Rule> notifying = this.profile.reclamation()
			.rules()
			.stream()
			.filter(Rule::notifyUser)
			.collect(Collectors.toMap(Rule::name, rule -> rule));
		if (mode == Mode.DETECT || notifying.isEmpty()) {
			return RepeatStatus.FINISHED;
		}
		inNewTransaction(() -> this.reader.interrupted(this.profile.name())).forEach(this::markInterrupted);
		List<Notice> owed = inNewTransaction(
				() -> this.reader.owed(this.profile.name(), this.profile.displayName(), notifying, this.asOf));
		String missing = this.sender.missingConfiguration();
		if (mode == Mode.ENFORCE && missing != null && !owed.isEmpty()) {
			logger.warn("Profile {}: {}, so {} users are not notified and their candidates wait", this.profile.name(),
					missing, owed.size());
		}
		int sent = (int) owed.stream().filter(notice -> deliver(notice, mode)).count();
		contribution.incrementWriteCount(sent);
		logger.info("Profile {}: {} of {} owed notices sent in {} mode", this.profile.name(), sent, owed.size(), mode);
		return RepeatStatus.FINISHED;
	}

	/** Sends one notice, or records why none was sent; whether it was sent. */
	private boolean deliver(Notice notice, Mode mode) {
		String unsent = reasonNotToSend(notice, mode);
		if (unsent != null) {
			inNewTransaction(() -> notice.lines().stream()
				.filter(line -> this.store.noNotice(line.candidate(), unsent, this.asOf, mode))
				.count());
			return false;
		}
		String to = notice.recipient().email();
		String pending = SENDING + to + " (reclaim from " + notice.firstReclaimDate() + ")";
		List<Notice.Line> claimed = inNewTransaction(() -> notice.lines().stream()
			.filter(line -> this.store.notice(line.candidate(), CandidateState.NEW, CandidateState.NOTIFIED, null,
					pending, this.asOf, mode))
			.toList());
		if (claimed.isEmpty()) {
			return false;
		}
		try {
			this.sender.send(notice.with(claimed));
		}
		catch (MailException ex) {
			MailFailure failure = MailFailure.of(ex);
			logger.warn("Profile {}: the notice to user {} was not sent: {}", this.profile.name(),
					notice.recipient().userId(), failure.cause());
			if (failure.serverWide()) {
				this.serverFailure = failure.cause();
			}
			move(claimed, CandidateState.NEW, null,
					shorten("no notice sent to " + to + ": " + failure.cause()) + "; tried again on the next run", mode);
			return false;
		}
		move(claimed, CandidateState.NOTIFIED, this.asOf,
				"notice sent to " + to + ": reclaim from " + notice.with(claimed).firstReclaimDate(), mode);
		return true;
	}

	private @Nullable String reasonNotToSend(Notice notice, Mode mode) {
		if (!notice.recipient().hasEmail()) {
			return "no notice sent: the user has no e-mail address in Salesforce";
		}
		if (mode == Mode.DRY_RUN) {
			logger.info("Profile {}: would notify user {} at {} about {} licenses", this.profile.name(),
					notice.recipient().userId(), notice.recipient().email(), notice.lines().size());
			return "dry-run: no notice sent (would notify " + notice.recipient().email() + ")";
		}
		if (this.serverFailure != null) {
			return shorten("no notice sent: the SMTP server failed earlier in this run (" + this.serverFailure + ")")
					+ "; tried again on the next run";
		}
		String missing = this.sender.missingConfiguration();
		return (missing != null) ? "no notice sent: " + missing : null;
	}

	private void move(List<Notice.Line> lines, CandidateState to, @Nullable Instant notifiedAt, String notice, Mode mode) {
		inNewTransaction(() -> lines.stream()
			.filter(line -> this.store.notice(line.candidate(), CandidateState.NOTIFIED, to, notifiedAt, notice,
					this.asOf, mode))
			.count());
	}

	private void markInterrupted(Candidate candidate) {
		String notice = "interrupted while " + candidate.notice()
				+ ": it may not have arrived, so it is not sent again and an operator decides";
		logger.warn("Profile {}: candidate {} {}", this.profile.name(), candidate.id(), notice);
		inNewTransaction(() -> this.store.notice(candidate, CandidateState.NOTIFIED, CandidateState.NOTIFIED, null,
				shorten(notice), this.asOf, this.profile.reclamation().mode()));
	}

	private static String shorten(String text) {
		return (text.length() <= 900) ? text : text.substring(0, 897) + "...";
	}

	private <T> T inNewTransaction(Supplier<T> work) {
		T result = this.newTransaction.execute(status -> work.get());
		if (result == null) {
			throw new IllegalStateException("A transaction returned nothing");
		}
		return result;
	}

}
