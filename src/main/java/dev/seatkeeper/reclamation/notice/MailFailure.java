package dev.seatkeeper.reclamation.notice;

import jakarta.mail.SendFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * Why a notice was not sent, on one line, and whether the server failed as a whole (it cannot be reached, or refused
 * the login) rather than refusing this one message or recipient. After a server failure a run stops sending: a
 * thousand more attempts would fail alike, and repeated failed logins can lock the SMTP account.
 */
record MailFailure(String cause, boolean serverWide) {

	static MailFailure of(MailException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (ex instanceof MailSendException send && send.getMessageExceptions().length > 0) {
			cause = send.getMessageExceptions()[0];
		}
		String text = String.valueOf(cause.getMessage()).replaceAll("\\s+", " ").trim();
		return new MailFailure(text, !(cause instanceof SendFailedException));
	}

}
