package dev.seatkeeper.reclamation.notice;

import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

/**
 * Sends a notice as one plain-text e-mail through the SMTP server Spring Boot configured from {@code spring.mail.*}.
 * Thread-safe as the {@link MailSender} is.
 */
public class NoticeSender {

	private final @Nullable MailSender mail;

	private final @Nullable String from;

	private final NoticeTemplate template = new NoticeTemplate();

	/**
	 * @param mail the sender Boot creates when {@code spring.mail.host} is set, else null
	 * @param from the notices' sender address, or null when not configured
	 */
	public NoticeSender(@Nullable MailSender mail, @Nullable String from) {
		this.mail = mail;
		this.from = (from != null && !from.isBlank()) ? from : null;
	}

	/** What configuration is missing for sending, or null when notices can be sent. */
	public @Nullable String missingConfiguration() {
		if (this.mail == null) {
			return "SMTP is not configured (spring.mail.host)";
		}
		return (this.from == null) ? "no sender is configured (seatkeeper.reclamation.mail.from)" : null;
	}

	/** Sends the notice to the recipient's e-mail address; throws when the server refuses it or cannot be reached. */
	public void send(Notice notice) throws MailException {
		if (this.mail == null || this.from == null || !notice.recipient().hasEmail()) {
			throw new IllegalStateException("Notice to " + notice.recipient().userId() + " cannot be sent: "
					+ missingConfiguration());
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(notice.recipient().email());
		message.setSubject(this.template.subject(notice));
		message.setText(this.template.body(notice));
		this.mail.send(message);
	}

}
