package dev.seatkeeper.reclamation.candidate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.seatkeeper.profile.ReclamationSettings.Mode;
import dev.seatkeeper.profile.ReclamationSettings.Rule;
import dev.seatkeeper.profile.ReclamationSettings;
import dev.seatkeeper.reclamation.candidate.CandidateStore.Evaluation;
import dev.seatkeeper.reclamation.rules.Decision;
import dev.seatkeeper.reclamation.rules.Holding;
import dev.seatkeeper.reclamation.rules.InactivityRule;
import dev.seatkeeper.reclamation.rules.ReclamationRules;
import org.jspecify.annotations.Nullable;

/**
 * Records one run's decisions as candidates: new idle holdings become NEW, excluded ones SKIPPED, active ones cancel
 * their open candidate, and open candidates no decision covered are canceled because the license, the user or the
 * rule is gone. Decisions depend only on the stored rows and the as-of instant, so recording the same run again
 * changes nothing.
 */
public class CandidateRecorder {

	static final int BATCH = 1_000;

	private final CandidateStore store;

	private final CandidateLifecycle lifecycle = new CandidateLifecycle();

	public CandidateRecorder(CandidateStore store) {
		this.store = store;
	}

	public Tally record(String profile, ReclamationSettings settings, ReclamationRules rules, Iterable<Holding> holdings,
			Instant asOf) {
		Map<CandidateKey, Candidate> existing = this.store.byKey(profile);
		Set<CandidateKey> seen = new HashSet<>();
		Tally tally = new Tally();
		Writes writes = new Writes(this.store, asOf, settings.mode());
		for (Holding holding : holdings) {
			tally.holdings++;
			for (Decision decision : rules.decide(holding, asOf)) {
				CandidateKey key = new CandidateKey(profile, holding.userId(), holding.model(), decision.rule().name());
				seen.add(key);
				Candidate current = existing.get(key);
				boolean activityChanged = current == null
						|| !Objects.equals(current.lastActivityAt(), holding.lastActivity());
				Transition transition = this.lifecycle.next(state(current), decision, activityChanged);
				if (transition != null) {
					writes.add(new Evaluation(key, decision.rule().action(), transition, holding.lastActivity(),
							(current != null) ? current.stateChangedAt() : null, decision.evidence()));
					tally.count(transition);
				}
			}
		}
		Map<String, InactivityRule> rulesByName = settings.rules()
			.stream()
			.collect(Collectors.toMap(Rule::name, InactivityRule::new));
		for (Candidate candidate : existing.values()) {
			if (!seen.contains(candidate.key())) {
				Transition transition = this.lifecycle.gone(candidate.state(),
						rulesByName.get(candidate.key().rule()), candidate.key().model());
				if (transition != null) {
					writes.add(new Evaluation(candidate.key(), candidate.action(), transition,
							candidate.lastActivityAt(), candidate.stateChangedAt()));
					tally.count(transition);
				}
			}
		}
		writes.flush();
		return tally;
	}

	/** Candidate writes gathered into statements of {@link #BATCH}: one statement per candidate took seconds. */
	private static final class Writes {

		private final CandidateStore store;

		private final Instant asOf;

		private final Mode mode;

		private final List<Evaluation> pending = new ArrayList<>();

		Writes(CandidateStore store, Instant asOf, Mode mode) {
			this.store = store;
			this.asOf = asOf;
			this.mode = mode;
		}

		void add(Evaluation evaluation) {
			this.pending.add(evaluation);
			if (this.pending.size() >= BATCH) {
				flush();
			}
		}

		void flush() {
			this.store.recordAll(this.pending, this.asOf, this.mode);
			this.pending.clear();
		}

	}

	private static @Nullable CandidateState state(@Nullable Candidate candidate) {
		return (candidate != null) ? candidate.state() : null;
	}

	/** How many candidates a run moved into each state; candidates that stayed as they were are not counted. */
	public static final class Tally {

		private final Map<CandidateState, Integer> moved = new EnumMap<>(CandidateState.class);

		private long holdings;

		/** How many holdings the rules looked at. */
		public long holdings() {
			return this.holdings;
		}

		void count(Transition transition) {
			if (transition.changesState()) {
				this.moved.merge(transition.to(), 1, Integer::sum);
			}
		}

		public int moved() {
			return this.moved.values().stream().mapToInt(Integer::intValue).sum();
		}

		public int movedTo(CandidateState state) {
			return this.moved.getOrDefault(state, 0);
		}

		@Override
		public String toString() {
			return this.moved.toString();
		}

	}

}
