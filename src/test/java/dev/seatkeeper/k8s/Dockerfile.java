package dev.seatkeeper.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** k8s/Dockerfile read as instructions, so tests can run what the image would run. */
record Dockerfile(List<Instruction> instructions) {

	static final Path PATH = Manifests.K8S.resolve("Dockerfile");

	private static final Pattern LAYER_COPY = Pattern.compile("--from=\\S+ /layers/([^/\\s]+)/ \\./");

	record Instruction(String keyword, String arguments) {
	}

	static Dockerfile read() {
		try {
			String text = Files.readString(PATH).replaceAll("\\\\\\n", " ");
			List<Instruction> instructions = new ArrayList<>();
			for (String line : text.split("\n")) {
				String trimmed = line.strip();
				if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
					String[] parts = trimmed.split("\\s+", 2);
					instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
				}
			}
			return new Dockerfile(instructions);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<String> all(String keyword) {
		return this.instructions.stream().filter((instruction) -> instruction.keyword().equals(keyword)).map(Instruction::arguments).toList();
	}

	String last(String keyword) {
		List<String> all = all(keyword);
		return all.get(all.size() - 1);
	}

	/** The ENTRYPOINT in exec form; an exception when it is in shell form. */
	List<String> entrypoint() {
		String entrypoint = last("ENTRYPOINT");
		if (!entrypoint.startsWith("[")) {
			throw new IllegalStateException("ENTRYPOINT is in shell form: " + entrypoint);
		}
		return JsonMapper.shared().readValue(entrypoint, new TypeReference<List<String>>() {
		});
	}

	/** The layers the runtime stage copies from the extraction, in order. */
	List<String> copiedLayers() {
		List<String> layers = new ArrayList<>();
		for (String copy : all("COPY")) {
			Matcher matcher = LAYER_COPY.matcher(copy);
			if (matcher.find()) {
				layers.add(matcher.group(1));
			}
		}
		return layers;
	}

	/** The extraction command of the build stage, word by word. */
	List<String> extractCommand() {
		return command(this.instructions, "-Djarmode=tools", "no layer extraction");
	}

	/**
	 * The Class Data Sharing training run, word by word, leading {@code NAME=value} environment settings included; from
	 * the runtime stage only, as the archive is valid for the JVM that wrote it.
	 */
	List<String> trainingCommand() {
		return command(runtimeStage(), "-XX:ArchiveClassesAtExit=", "no CDS training run in the runtime stage");
	}

	/** The instructions after the last FROM: what the image that runs is built of. */
	List<Instruction> runtimeStage() {
		int lastFrom = 0;
		for (int i = 0; i < this.instructions.size(); i++) {
			if (this.instructions.get(i).keyword().equals("FROM")) {
				lastFrom = i;
			}
		}
		return this.instructions.subList(lastFrom + 1, this.instructions.size());
	}

	private static List<String> command(List<Instruction> instructions, String containing, String otherwise) {
		for (Instruction instruction : instructions) {
			if (!instruction.keyword().equals("RUN")) {
				continue;
			}
			for (String command : instruction.arguments().split("&&")) {
				if (command.contains(containing)) {
					return Arrays.asList(command.strip().split("\\s+"));
				}
			}
		}
		throw new IllegalStateException(otherwise + " in " + PATH);
	}

}
