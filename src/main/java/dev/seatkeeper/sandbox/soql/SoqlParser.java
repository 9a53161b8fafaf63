package dev.seatkeeper.sandbox.soql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.seatkeeper.sandbox.soql.SoqlSchema.FieldType;

/**
 * Parses the SOQL subset the sandbox serves into an immutable, thread-safe {@link SoqlQuery}:
 * <pre>
 * SELECT item (, item)* | COUNT() FROM Object [WHERE expr] [GROUP BY field (, field)*] [HAVING expr]
 *   [ORDER BY item (, item)*] [LIMIT n]
 * item := field | (MAX | MIN | COUNT) ( field ) [alias]
 * expr := unary (AND unary)* | unary (OR unary)*      unary := NOT unary | ( expr ) | predicate
 * </pre>
 * Everything the schema can check is checked here, not per record: the object and every field path exist, each
 * literal fits its field's type (a datetime literal against a date field, or a quoted value against a boolean, is
 * refused as Salesforce refuses it), and literals are converted once to the type the records hold. Errors carry
 * Salesforce's {@code errorCode} and point at the row and column of the offending token.
 * <p>
 * As Salesforce does, AND and OR mixed at one level without parentheses are refused (MALFORMED_QUERY, "unexpected
 * token: 'OR'"). Aggregate queries follow Salesforce's rules: every selected field that is not aggregated must be
 * grouped ("Field must be grouped or aggregated"), ORDER BY names grouped fields or aggregates only, and unaliased
 * aggregates are named {@code expr0}, {@code expr1}, ... in select order. Not supported: SUM, AVG, COUNT_DISTINCT,
 * GROUP BY ROLLUP/CUBE, OFFSET, sub-queries, date literals such as {@code TODAY}, INCLUDES/EXCLUDES, and semi-joins.
 */
public final class SoqlParser {

	/** Words that end a field list or start a clause, so they can never be read as a field or object name. */
	private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "ORDER", "BY", "LIMIT", "AND", "OR",
			"NOT", "IN", "LIKE", "ASC", "DESC", "NULLS", "NULL", "TRUE", "FALSE", "GROUP", "HAVING");

	private final String soql;

	private final SoqlSchema schema;

	private final SoqlLexer lexer;

	/** Tokens read so far; the parser looks at most two ahead. */
	private final List<Token> tokens = new ArrayList<>();

	private int next;

	private String objectName = "";

	/** Whether this is an aggregate query: HAVING and ORDER BY may then name aggregates, and only them or groups. */
	private boolean aggregateMode;

	/** The aggregates computed: selected ones in select order, then those only HAVING or ORDER BY use. */
	private final List<Aggregate> aggregates = new ArrayList<>();

	private List<String> groupBy = List.of();

	/** A selected item: a field, or an aggregate function of a field with an optional alias. */
	private record SelectItem(Token field, @Nullable Token function, @Nullable Token alias) {
	}

	private SoqlParser(String soql, SoqlSchema schema) {
		this.soql = soql;
		this.schema = schema;
		this.lexer = SoqlLexer.of(soql);
	}

	/**
	 * Parses and validates a query against the schema.
	 * @throws SoqlException with {@code MALFORMED_QUERY}, {@code INVALID_FIELD} or {@code INVALID_TYPE}
	 */
	public static SoqlQuery parse(String soql, SoqlSchema schema) {
		Objects.requireNonNull(soql, "'soql' must not be null");
		Objects.requireNonNull(schema, "'schema' must not be null");
		return new SoqlParser(soql, schema).query();
	}

	private SoqlQuery query() {
		expectKeyword("SELECT");
		boolean count = countFunction();
		List<SelectItem> selected = count ? List.of() : selectItems();
		expectKeyword("FROM");
		Token object = expectName();
		if (!this.schema.hasObject(object.text())) {
			throw SoqlErrors.unsupportedObject(this.soql, object);
		}
		this.objectName = object.text();
		List<String> fields = selectedFields(selected);
		Condition where = acceptKeyword("WHERE") ? expression() : null;
		if (acceptKeyword("GROUP")) {
			this.groupBy = groupBy();
		}
		this.aggregateMode = !this.aggregates.isEmpty() || !this.groupBy.isEmpty();
		if (this.aggregateMode) {
			requireGrouped(selected);
		}
		Condition having = null;
		if (peek().isKeyword("HAVING")) {
			if (!this.aggregateMode) {
				throw SoqlErrors.unexpected(this.soql, peek());
			}
			next();
			having = expression();
		}
		Comparator<SoqlRecord> ordering = acceptKeyword("ORDER") ? orderBy() : null;
		int limit = acceptKeyword("LIMIT") ? limit() : -1;
		if (peek().type() != TokenType.END) {
			throw SoqlErrors.unexpected(this.soql, peek());
		}
		return new ParsedQuery(this.soql, this.objectName, fields, count, where, topLevelComparisons(where), ordering,
				limit, this.aggregates, this.groupBy, having);
	}

	/** {@code COUNT()} alone, the record-count query; {@code COUNT(field)} is an aggregate item instead. */
	private boolean countFunction() {
		if (!peek().isKeyword("COUNT") || peek(1).type() != TokenType.LEFT_PAREN
				|| peek(2).type() != TokenType.RIGHT_PAREN) {
			return false;
		}
		this.next += 3;
		return true;
	}

	private List<SelectItem> selectItems() {
		List<SelectItem> items = new ArrayList<>();
		do {
			if (isAggregateCall()) {
				Token function = next();
				next();
				Token field = expectName();
				expect(TokenType.RIGHT_PAREN);
				Token alias = (peek().type() == TokenType.IDENTIFIER && !RESERVED.contains(peek().upperText()))
						? next() : null;
				items.add(new SelectItem(field, function, alias));
			}
			else {
				items.add(new SelectItem(expectName(), null, null));
			}
		}
		while (accept(TokenType.COMMA));
		return items;
	}

	private boolean isAggregateCall() {
		return peek().type() == TokenType.IDENTIFIER && Aggregate.FUNCTIONS.contains(peek().upperText())
				&& peek(1).type() == TokenType.LEFT_PAREN && peek(2).type() != TokenType.RIGHT_PAREN;
	}

	/** The result's column names: fields as written and, for aggregates, their alias or {@code exprN}. */
	private List<String> selectedFields(List<SelectItem> selected) {
		List<String> fields = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int unaliased = 0;
		for (SelectItem item : selected) {
			FieldType type = resolve(item.field());
			String name;
			if (item.function() != null) {
				name = (item.alias() != null) ? item.alias().text() : "expr" + unaliased++;
				this.aggregates.add(new Aggregate(item.function().upperText(), item.field().text(), type,
						Aggregate.keyOf(item.function().text(), item.field().text()), name));
			}
			else {
				name = item.field().text();
			}
			Token at = (item.alias() != null) ? item.alias() : item.field();
			if (!seen.add(name.toUpperCase(java.util.Locale.ROOT))) {
				throw SoqlErrors.malformed(this.soql, at, "duplicate field selected: " + name);
			}
			fields.add(name);
		}
		return fields;
	}

	private List<String> groupBy() {
		expectKeyword("BY");
		List<String> fields = new ArrayList<>();
		do {
			Token field = expectName();
			resolve(field);
			fields.add(field.text());
		}
		while (accept(TokenType.COMMA));
		return fields;
	}

	/** Salesforce: "Field must be grouped or aggregated" for a plain selected field GROUP BY does not name. */
	private void requireGrouped(List<SelectItem> selected) {
		for (SelectItem item : selected) {
			if (item.function() == null && !isGrouped(item.field().text())) {
				throw SoqlErrors.malformed(this.soql, item.field(),
						"Field must be grouped or aggregated: " + item.field().text());
			}
		}
	}

	private boolean isGrouped(String field) {
		return this.groupBy.stream().anyMatch(field::equalsIgnoreCase);
	}

	/**
	 * An aggregate named in HAVING or ORDER BY: the selected one with the same function and field, else a hidden
	 * one computed only for the clause. Returns the key the group rows answer it by.
	 */
	private Aggregate aggregateReference() {
		Token function = next();
		next();
		Token field = expectName();
		FieldType type = resolve(field);
		expect(TokenType.RIGHT_PAREN);
		String key = Aggregate.keyOf(function.text(), field.text());
		for (Aggregate aggregate : this.aggregates) {
			if (aggregate.key().equals(key)) {
				return aggregate;
			}
		}
		Aggregate hidden = new Aggregate(function.upperText(), field.text(), type, key, null);
		this.aggregates.add(hidden);
		return hidden;
	}

	/**
	 * One level of a condition: operands joined by AND only, or by OR only. Salesforce has no precedence between the
	 * two ("Parentheses are required whenever you mix the operators"): the first operator of the other kind at the
	 * same level is a MALFORMED_QUERY "unexpected token".
	 */
	private Condition expression() {
		List<Condition> operands = new ArrayList<>(List.of(unaryExpression()));
		String joiner = null;
		while (peek().isKeyword("AND") || peek().isKeyword("OR")) {
			String operator = peek().isKeyword("AND") ? "AND" : "OR";
			if (joiner != null && !joiner.equals(operator)) {
				throw SoqlErrors.unexpected(this.soql, peek());
			}
			joiner = operator;
			next();
			operands.add(unaryExpression());
		}
		if (operands.size() == 1) {
			return operands.get(0);
		}
		return "AND".equals(joiner) ? new AndCondition(operands) : new OrCondition(operands);
	}

	private Condition unaryExpression() {
		if (acceptKeyword("NOT")) {
			return new NotCondition(unaryExpression());
		}
		if (accept(TokenType.LEFT_PAREN)) {
			Condition inner = expression();
			expect(TokenType.RIGHT_PAREN);
			return inner;
		}
		return predicate();
	}

	private Condition predicate() {
		if (this.aggregateMode && isAggregateCall()) {
			Token at = peek();
			Aggregate aggregate = aggregateReference();
			Token operator = expect(TokenType.OPERATOR);
			Token fieldToken = new Token(TokenType.IDENTIFIER, aggregate.key(), null, at.row(), at.column());
			Object literal = literal(fieldToken, aggregate.resultType());
			return new FieldComparison(aggregate.key(), ComparisonOperator.of(operator.text()), literal,
					ValueOrder.of(aggregate.resultType()));
		}
		Token fieldToken = expectName();
		FieldType type = resolve(fieldToken);
		String path = fieldToken.text();
		if (this.aggregateMode && !isGrouped(path)) {
			throw SoqlErrors.malformed(this.soql, fieldToken, "Field must be grouped or aggregated: " + path);
		}
		if (acceptKeyword("IN")) {
			return inList(fieldToken, type, false);
		}
		if (peek().isKeyword("NOT") && peek(1).isKeyword("IN")) {
			this.next += 2;
			return inList(fieldToken, type, true);
		}
		if (acceptKeyword("LIKE")) {
			return like(fieldToken, type);
		}
		Token operator = expect(TokenType.OPERATOR);
		Object literal = literal(fieldToken, type);
		return new FieldComparison(path, ComparisonOperator.of(operator.text()), literal, ValueOrder.of(type));
	}

	private Condition inList(Token fieldToken, FieldType type, boolean negated) {
		expect(TokenType.LEFT_PAREN);
		List<Object> values = new ArrayList<>();
		boolean matchesNull = false;
		do {
			Object value = literal(fieldToken, type);
			if (value == null) {
				matchesNull = true;
			}
			else {
				values.add(value);
			}
		}
		while (accept(TokenType.COMMA));
		expect(TokenType.RIGHT_PAREN);
		return new InCondition(fieldToken.text(), values, matchesNull, ValueOrder.of(type), negated);
	}

	private Condition like(Token fieldToken, FieldType type) {
		if (type != FieldType.STRING) {
			throw SoqlErrors.invalidField(this.soql, fieldToken,
					"invalid operator on " + typeName(type) + " field: LIKE (field '" + fieldToken.text() + "')");
		}
		Token pattern = next();
		if (pattern.type() != TokenType.STRING) {
			throw literalMismatch(fieldToken, pattern, type);
		}
		return new LikeCondition(fieldToken.text(), ((QuotedString) pattern.literalValue()).like());
	}

	/**
	 * The next token as a literal for a field of the given type, converted to what such records hold; {@code null}
	 * for the {@code null} literal.
	 */
	private @Nullable Object literal(Token fieldToken, FieldType type) {
		Token token = next();
		if (token.isKeyword("NULL")) {
			return null;
		}
		TokenType expected = literalTokenType(type);
		boolean isBoolean = token.isKeyword("TRUE") || token.isKeyword("FALSE");
		if (expected == TokenType.IDENTIFIER ? !isBoolean : token.type() != expected) {
			throw isLiteral(token, isBoolean) ? literalMismatch(fieldToken, token, type)
					: SoqlErrors.unexpected(this.soql, token);
		}
		return switch (token.type()) {
			case STRING -> ((QuotedString) token.literalValue()).text();
			case NUMBER -> exactLong((BigDecimal) token.literalValue());
			case IDENTIFIER -> Boolean.valueOf(token.isKeyword("TRUE"));
			default -> token.value();
		};
	}

	/** Which token type a literal for a field must be; {@code IDENTIFIER} stands for {@code true}/{@code false}. */
	private static TokenType literalTokenType(FieldType type) {
		return switch (type) {
			case ID, STRING -> TokenType.STRING;
			case BOOLEAN -> TokenType.IDENTIFIER;
			case INTEGER, DOUBLE -> TokenType.NUMBER;
			case DATETIME -> TokenType.DATETIME;
			case DATE -> TokenType.DATE;
		};
	}

	private static boolean isLiteral(Token token, boolean isBoolean) {
		return isBoolean || switch (token.type()) {
			case STRING, NUMBER, DATE, DATETIME -> true;
			default -> false;
		};
	}

	private SoqlException literalMismatch(Token fieldToken, Token literal, FieldType type) {
		boolean quoted = type == FieldType.ID || type == FieldType.STRING;
		return SoqlErrors.invalidField(this.soql, literal, "value of filter criterion for field '" + fieldToken.text()
				+ "' must be of type " + typeName(type) + " and should " + (quoted ? "" : "not ")
				+ "be enclosed in quotes");
	}

	private static String typeName(FieldType type) {
		return switch (type) {
			case ID -> "id";
			case STRING -> "string";
			case BOOLEAN -> "boolean";
			case INTEGER -> "int";
			case DOUBLE -> "double";
			case DATETIME -> "dateTime";
			case DATE -> "date";
		};
	}

	/** Integral literals become {@code Long} so the common integer comparison needs no decimal arithmetic. */
	private static Object exactLong(BigDecimal number) {
		try {
			return number.longValueExact();
		}
		catch (ArithmeticException ex) {
			return number;
		}
	}

	private Comparator<SoqlRecord> orderBy() {
		expectKeyword("BY");
		Comparator<SoqlRecord> ordering = orderItem();
		while (accept(TokenType.COMMA)) {
			ordering = ordering.thenComparing(orderItem());
		}
		return ordering;
	}

	private OrderItem orderItem() {
		String path;
		FieldType type;
		if (this.aggregateMode && isAggregateCall()) {
			Aggregate aggregate = aggregateReference();
			path = aggregate.key();
			type = aggregate.resultType();
		}
		else {
			Token field = expectName();
			type = resolve(field);
			path = field.text();
			if (this.aggregateMode && !isGrouped(path)) {
				throw SoqlErrors.malformed(this.soql, field, "Ordered field must be grouped or aggregated: " + path);
			}
		}
		boolean descending = acceptKeyword("DESC");
		if (!descending) {
			acceptKeyword("ASC");
		}
		boolean nullsFirst = !descending;
		if (acceptKeyword("NULLS")) {
			nullsFirst = acceptKeyword("FIRST");
			if (!nullsFirst) {
				expectKeyword("LAST");
			}
		}
		return new OrderItem(path, ValueOrder.of(type), descending, nullsFirst);
	}

	private int limit() {
		Token token = next();
		if (token.type() != TokenType.NUMBER || token.text().contains(".") || token.text().startsWith("-")) {
			throw SoqlErrors.malformed(this.soql, token,
					"LIMIT must be a non-negative integer, found: '" + token.display() + "'");
		}
		BigDecimal value = (BigDecimal) token.literalValue();
		if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
			throw SoqlErrors.malformed(this.soql, token, "LIMIT is too large: " + token.text());
		}
		return value.intValue();
	}

	/** The comparisons the whole WHERE clause requires: the root and nested ANDs, never under OR or NOT. */
	private static List<FieldComparison> topLevelComparisons(@Nullable Condition where) {
		List<FieldComparison> comparisons = new ArrayList<>();
		collectConjuncts(where, comparisons);
		return comparisons;
	}

	private static void collectConjuncts(@Nullable Condition condition, List<FieldComparison> comparisons) {
		if (condition instanceof FieldComparison comparison) {
			comparisons.add(comparison);
		}
		else if (condition instanceof AndCondition and) {
			and.operands().forEach((operand) -> collectConjuncts(operand, comparisons));
		}
	}

	private FieldType resolve(Token field) {
		FieldType type = this.schema.typeOf(this.objectName, field.text());
		if (type == null) {
			throw SoqlErrors.noSuchColumn(this.soql, field, this.objectName);
		}
		return type;
	}

	/** An identifier that is not a reserved word: an object name or a field path. */
	private Token expectName() {
		Token token = next();
		if (token.type() != TokenType.IDENTIFIER || RESERVED.contains(token.upperText())) {
			throw SoqlErrors.unexpected(this.soql, token);
		}
		return token;
	}

	private void expectKeyword(String keyword) {
		if (!acceptKeyword(keyword)) {
			throw SoqlErrors.unexpected(this.soql, peek());
		}
	}

	private boolean acceptKeyword(String keyword) {
		if (peek().isKeyword(keyword)) {
			this.next++;
			return true;
		}
		return false;
	}

	private Token expect(TokenType type) {
		Token token = next();
		if (token.type() != type) {
			throw SoqlErrors.unexpected(this.soql, token);
		}
		return token;
	}

	private boolean accept(TokenType type) {
		if (peek().type() == type) {
			this.next++;
			return true;
		}
		return false;
	}

	private Token next() {
		Token token = peek();
		if (token.type() != TokenType.END) {
			this.next++;
		}
		return token;
	}

	private Token peek() {
		return peek(0);
	}

	private Token peek(int ahead) {
		while (this.tokens.size() <= this.next + ahead
				&& (this.tokens.isEmpty() || this.tokens.get(this.tokens.size() - 1).type() != TokenType.END)) {
			this.tokens.add(this.lexer.nextToken());
		}
		return this.tokens.get(Math.min(this.next + ahead, this.tokens.size() - 1));
	}

}
