package dev.seatkeeper.profile;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds keys written twice in one mapping of a profile. A YAML tree keeps only the last of them, so a file reading
 * {@code mode: detect} near the top and {@code mode: enforce} further down would silently run in enforce mode; the
 * composed YAML nodes still know every key and its line.
 */
final class DuplicateKeys {

	private DuplicateKeys() {
	}

	/** Records each duplicate as a problem naming its line, its field path and the line it first appeared on. */
	static void report(String text, Problems problems) {
		Optional<Node> root;
		try {
			root = new Compose(LoadSettings.builder().build()).composeString(text);
		}
		catch (RuntimeException ex) {
			// Not valid YAML: the tree reader says so in its own words.
			return;
		}
		root.ifPresent(node -> walk(node, "", problems, Collections.newSetFromMap(new IdentityHashMap<>())));
	}

	private static void walk(Node node, String path, Problems problems, Set<Node> visited) {
		if (!visited.add(node)) {
			return;
		}
		if (node instanceof MappingNode mapping) {
			Map<String, Integer> firstLines = new HashMap<>();
			for (NodeTuple tuple : mapping.getValue()) {
				String key = (tuple.getKeyNode() instanceof ScalarNode scalar) ? scalar.getValue() : null;
				String field = (key == null) ? path : path.isEmpty() ? key : path + "." + key;
				if (key != null) {
					int line = line(tuple.getKeyNode());
					Integer first = firstLines.putIfAbsent(key, line);
					if (first != null) {
						problems.addAt(line, field, "duplicate key (first on line " + first
								+ "); YAML would keep only the last value, so remove one of them");
					}
				}
				walk(tuple.getValueNode(), field, problems, visited);
			}
		}
		else if (node instanceof SequenceNode sequence) {
			List<Node> elements = sequence.getValue();
			for (int i = 0; i < elements.size(); i++) {
				walk(elements.get(i), path + "[" + i + "]", problems, visited);
			}
		}
	}

	private static int line(Node node) {
		return node.getStartMark().map(Mark::getLine).orElse(-1) + 1;
	}

}
