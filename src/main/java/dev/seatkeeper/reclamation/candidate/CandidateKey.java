package dev.seatkeeper.reclamation.candidate;

/** What a candidate is about: one user's hold of one model under one rule, within a profile. */
public record CandidateKey(String profile, String userId, String model, String rule) {
}
