package dev.seatkeeper.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Set;

import dev.seatkeeper.profile.Profile;
import dev.seatkeeper.profile.ProfileCatalog;
import dev.seatkeeper.profile.Profiles;
import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.reclamation.candidate.CandidateState;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/**
 * {@code candidates approve}: lets new or notified candidates be reclaimed, by the next enforce run and within the
 * caps (approvals beyond them wait, oldest first). Warns when a profile's mode means nothing will be written.
 */
@Command(name = "approve", description = "Approve candidates by --id or --all matching the filters.")
public class ApproveCandidatesCommand extends DecideCandidatesCommand {

	public ApproveCandidatesCommand(CandidateStore store, Clock clock, @Nullable Profiles profiles) {
		super(store, clock, profiles);
	}

	@Override
	CandidateState decision() {
		return CandidateState.APPROVED;
	}

	@Override
	Set<CandidateState> decidableFrom() {
		return Set.of(CandidateState.NEW, CandidateState.NOTIFIED);
	}

	@Override
	void warn(Set<String> profileNames, @Nullable ProfileCatalog catalog, PrintWriter out) {
		for (String name : profileNames) {
			Profile profile = (catalog != null) ? catalog.find(name).orElse(null) : null;
			if (profile == null) {
				out.printf("Warning: profile %s has no profile file here; its mode is unknown.%n", name);
			}
			else if (profile.reclamation().mode() != Mode.ENFORCE) {
				out.printf("Warning: profile %s is in %s mode: nothing will be written to Salesforce until it runs in"
						+ " enforce mode.%n", name, profile.reclamation().mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
			}
			else {
				out.printf("Profile %s is in enforce mode: its next run reclaims these within the caps; approvals beyond"
						+ " them wait, oldest first.%n", name);
			}
		}
	}

}
