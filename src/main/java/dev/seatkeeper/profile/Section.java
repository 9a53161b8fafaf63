package dev.seatkeeper.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One mapping of a profile file, read field by field. Each accessor records a problem naming the field's full path
 * instead of throwing, and returns a fallback, so validation reports every problem of a file at once.
 */
public final class Section {

	private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

	private final JsonNode node;

	private final String path;

	private final Problems problems;

	private final Function<String, @Nullable String> environment;

	Section(JsonNode node, String path, Problems problems, Function<String, @Nullable String> environment) {
		this.node = node;
		this.path = path;
		this.problems = problems;
		this.environment = environment;
	}

	boolean isPresent() {
		return !this.node.isMissingNode() && !this.node.isNull();
	}

	boolean has(String key) {
		JsonNode value = this.node.get(key);
		return value != null && !value.isNull();
	}

	/** The keys of a mapping, in file order; none when absent. */
	List<String> keys() {
		return this.node.isObject() ? List.copyOf(this.node.propertyNames()) : List.of();
	}

	/** Reports keys this section does not know, with the keys it does. */
	void allowOnly(String... keys) {
		if (!this.node.isObject()) {
			return;
		}
		Set<String> known = Set.of(keys);
		for (String key : this.node.propertyNames()) {
			if (!known.contains(key)) {
				this.problems.add(field(key), "unknown key (known: " + String.join(", ", new TreeSet<>(known)) + ")");
			}
		}
	}

	Section section(String key) {
		JsonNode value = value(key);
		if (value != null && !value.isObject()) {
			this.problems.add(field(key), "must be a mapping");
			value = null;
		}
		return new Section((value != null) ? value : MissingNode.getInstance(), field(key), this.problems,
				this.environment);
	}

	List<Section> sections(String key) {
		JsonNode value = value(key);
		List<Section> sections = new ArrayList<>();
		if (value == null) {
			return sections;
		}
		if (!value.isArray()) {
			this.problems.add(field(key), "must be a list");
			return sections;
		}
		int index = 0;
		for (JsonNode element : value.values()) {
			String elementPath = field(key) + "[" + index++ + "]";
			if (element.isObject()) {
				sections.add(new Section(element, elementPath, this.problems, this.environment));
			}
			else {
				this.problems.add(elementPath, "must be a mapping");
			}
		}
		return sections;
	}

	List<String> strings(String key) {
		JsonNode value = value(key);
		if (value == null) {
			return List.of();
		}
		List<JsonNode> elements = value.isArray() ? List.copyOf(value.values()) : List.of(value);
		List<String> strings = new ArrayList<>();
		for (JsonNode element : elements) {
			if (element.isString() || element.isNumber()) {
				strings.add(element.asString());
			}
			else {
				this.problems.add(field(key), "must be a list of strings");
			}
		}
		return List.copyOf(strings);
	}

	@Nullable String requiredString(String key) {
		String value = optionalString(key);
		if (value == null && isPresentOrRoot()) {
			this.problems.add(field(key), "is required");
		}
		return value;
	}

	@Nullable String optionalString(String key) {
		JsonNode value = value(key);
		if (value == null) {
			return null;
		}
		if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
			this.problems.add(field(key), "must be a string");
			return null;
		}
		String text = value.asString().trim();
		return text.isEmpty() ? null : text;
	}

	String string(String key, String fallback) {
		String value = optionalString(key);
		return (value != null) ? value : fallback;
	}

	/**
	 * A plain value that may be written as {@code ${ENV}}: the reference is kept as written (resolved when a
	 * connection is made), but a reference to an unset variable is reported now.
	 */
	@Nullable String stringOrReference(String key, boolean required) {
		String value = required ? requiredString(key) : optionalString(key);
		if (value != null) {
			Matcher matcher = ENV_REFERENCE.matcher(value);
			while (matcher.find()) {
				requireSet(key, matcher.group(1));
			}
		}
		return value;
	}

	/** A secret: it must be a {@code ${ENV}} reference (never a literal) to a variable that is set. */
	@Nullable SecretReference secret(String key, boolean required) {
		String value = required ? requiredString(key) : optionalString(key);
		if (value == null) {
			return null;
		}
		Matcher matcher = ENV_REFERENCE.matcher(value);
		if (!matcher.matches()) {
			this.problems.add(field(key), "must be an environment reference like ${SF_CLIENT_SECRET}, not a literal secret");
			return null;
		}
		requireSet(key, matcher.group(1));
		return new SecretReference(matcher.group(1));
	}

	int integer(String key, int fallback, int min, int max) {
		JsonNode value = value(key);
		if (value == null) {
			return fallback;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
			this.problems.add(field(key), "must be a whole number from " + min + " to " + max + ", got " + value.asString());
			return fallback;
		}
		return value.intValue();
	}

	@Nullable Integer optionalInteger(String key, int min) {
		return has(key) ? integer(key, min, min, Integer.MAX_VALUE) : null;
	}

	long longValue(String key, long fallback) {
		JsonNode value = value(key);
		if (value == null) {
			return fallback;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			this.problems.add(field(key), "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
					+ ", got " + value.asString());
			return fallback;
		}
		return value.longValue();
	}

	double share(String key, double fallback) {
		JsonNode value = value(key);
		if (value == null) {
			return fallback;
		}
		if (!value.isNumber() || value.asDouble() <= 0 || value.asDouble() > 1) {
			this.problems.add(field(key), "must be a number greater than 0 and at most 1, got " + value.asString());
			return fallback;
		}
		return value.asDouble();
	}

	/** A number from 0 to {@code max}; one too large for a double ({@code 1e400}) is a problem, not an exception. */
	BigDecimal decimal(String key, BigDecimal fallback, BigDecimal max) {
		JsonNode value = value(key);
		if (value == null) {
			return fallback;
		}
		boolean representable = value.isNumber() && !(value.isFloatingPointNumber() && !Double.isFinite(value.asDouble()));
		if (!representable || value.decimalValue().signum() < 0 || value.decimalValue().compareTo(max) > 0) {
			this.problems.add(field(key), "must be a number from 0 to " + max.toPlainString() + ", got "
					+ (representable || !value.isNumber() ? value.asString() : "a number too large to represent"));
			return fallback;
		}
		return value.decimalValue();
	}

	boolean bool(String key, boolean fallback) {
		JsonNode value = value(key);
		if (value == null) {
			return fallback;
		}
		if (!value.isBoolean()) {
			this.problems.add(field(key), "must be true or false, got " + value.asString());
			return fallback;
		}
		return value.booleanValue();
	}

	@Nullable LocalDate date(String key) {
		String value = optionalString(key);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			this.problems.add(field(key), "must be a date like 2026-01-31, got " + value);
			return null;
		}
	}

	/** An enum written in kebab case ({@code dry-run} for {@code DRY_RUN}). */
	<E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
		String value = optionalString(key);
		if (value == null) {
			return fallback;
		}
		String constant = value.toUpperCase(Locale.ROOT).replace('-', '_');
		for (E candidate : type.getEnumConstants()) {
			if (candidate.name().equals(constant)) {
				return candidate;
			}
		}
		this.problems.add(field(key), "must be one of " + Arrays.stream(type.getEnumConstants()).map(Section::kebab).toList()
				+ ", got '" + value + "'");
		return fallback;
	}

	/** Records a problem on a field of this section. */
	void problem(String key, String message) {
		this.problems.add(field(key), message);
	}

	public static String kebab(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private void requireSet(String key, String variable) {
		String value = this.environment.apply(variable);
		if (value == null || value.isEmpty()) {
			this.problems.add(field(key), "environment variable " + variable + " is not set");
		}
	}

	private boolean isPresentOrRoot() {
		return isPresent() || this.path.isEmpty();
	}

	private @Nullable JsonNode value(String key) {
		JsonNode value = this.node.get(key);
		return (value == null || value.isNull() || value.isMissingNode()) ? null : value;
	}

	private String field(String key) {
		if (key.isEmpty()) {
			return this.path;
		}
		return this.path.isEmpty() ? key : this.path + "." + key;
	}

}
