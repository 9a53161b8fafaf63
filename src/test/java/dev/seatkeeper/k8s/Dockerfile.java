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
		for (String run : all("RUN")) {
			for (String command : run.split("&&")) {
				if (command.contains("-Djarmode=tools")) {
					return Arrays.asList(command.strip().split("\\s+"));
				}
			}
		}
		throw new IllegalStateException("no layer extraction in " + PATH);
	}

}
