package dev.seatkeeper.sandbox.org;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Person names for generated users, with the characters that break naive clients: apostrophes (O'Brien),
 * accents (Zoë), Polish (Łukasz) and Chinese (李). Usernames are ASCII e-mail addresses but keep apostrophes, as
 * Salesforce allows.
 */
final class Names {

	private static final List<String> FIRST = List.of("Ana", "Zoë", "Łukasz", "Siobhán", "José", "Priya", "Liam",
			"Chloé", "Mateusz", "Sofía", "Noah", "Amélie", "Björn", "Yuki", "Olivia", "Ethan", "Mia", "Lucas",
			"Aoife", "Ren", "伟", "芳", "Grace", "Omar");

	private static final List<String> LAST = List.of("O'Brien", "Nowak", "Müller", "D'Angelo", "Smith", "García",
			"Kowalski", "Nguyen", "Dubois", "Ó Súilleabháin", "Johansson", "Tanaka", "李", "王", "Brown", "Wójcik",
			"O'Neill", "Rossi", "Patel", "Schröder", "Jones", "Lefèvre");

	/** Few distinct names, many users: transliterate each name once. */
	private static final Map<String, String> ASCII = new ConcurrentHashMap<>();

	private Names() {
	}

	record Person(String first, String last) {

		String full() {
			return this.first + " " + this.last;
		}

		String username(int position) {
			return ascii(this.first) + "." + ascii(this.last) + "." + position + "@acme.example";
		}

		String alias() {
			String alias = ascii(this.first).substring(0, 1) + ascii(this.last);
			return alias.length() > 8 ? alias.substring(0, 8) : alias;
		}

	}

	static Person pick(SplittableRandom random) {
		return new Person(FIRST.get(random.nextInt(FIRST.size())), LAST.get(random.nextInt(LAST.size())));
	}

	/** Drops accents, maps Ł and spaces, and names a non-Latin name by a fixed word so it stays readable. */
	static String ascii(String name) {
		return ASCII.computeIfAbsent(name, Names::transliterate);
	}

	private static String transliterate(String name) {
		String stripped = Normalizer.normalize(name.replace("Ł", "L").replace("ł", "l"), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace(" ", "")
			.toLowerCase(Locale.ROOT);
		return stripped.matches("[a-z']+") ? stripped : "user";
	}

}
