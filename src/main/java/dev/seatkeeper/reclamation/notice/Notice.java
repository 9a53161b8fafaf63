package dev.seatkeeper.reclamation.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import dev.seatkeeper.reclamation.candidate.Candidate;
import org.jspecify.annotations.Nullable;

/** One e-mail to one user: the licenses of the user's candidates, in the org the profile names. */
public record Notice(Recipient recipient, String org, List<Line> lines) {

	public Notice {
		lines = List.copyOf(lines);
	}

	/** The same notice about only some of its licenses. */
	public Notice with(List<Line> only) {
		return new Notice(this.recipient, this.org, only);
	}

	public LocalDate firstReclaimDate() {
		return this.lines.stream().map(Line::reclaimOn).min(Comparator.naturalOrder()).orElseThrow();
	}

	/** Who gets the notice: {@code User.Email}, with the name to greet. */
	public record Recipient(String userId, String username, @Nullable String email, @Nullable String fullName) {

		public boolean hasEmail() {
			return this.email != null && !this.email.isBlank();
		}

	}

	/** One license the notice names: from the candidate, with the license's label and the date the rule allows. */
	public record Line(Candidate candidate, String license, @Nullable Instant lastActivity, LocalDate reclaimOn) {

		public String model() {
			return this.candidate.key().model();
		}

	}

}
