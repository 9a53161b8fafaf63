package dev.seatkeeper.reclamation;

import java.io.PrintWriter;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/** Where candidate commands print: picocli's writer when it injected the spec, so tests can read it. */
final class CandidateOutput {

	private CandidateOutput() {
	}

	static PrintWriter out(@Nullable CommandSpec spec) {
		return (spec != null) ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
	}

}
