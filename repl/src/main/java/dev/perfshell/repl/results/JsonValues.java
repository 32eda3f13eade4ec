package dev.perfshell.repl.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.List;

/**
 * The export's value rules, for {@link ResultsJson} and for each magic's {@link ResultRecord.Details}: a figure that
 * does not exist (NaN, infinity, an unknown size) is {@code null}, and decimals are written in plain notation with the
 * fewest digits that read back to the same double, so files diff well and read back exactly.
 */
public final class JsonValues {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonValues() {}

    /**
     * A double in plain notation with the shortest digits that read back to it ({@link Double#toString}'s),
     * at least one decimal ({@code 5.0}, {@code 12345678.9}, {@code 0.00001}); {@code null} for NaN or infinity.
     */
    public static JsonNode number(double value) {
        if (!Double.isFinite(value)) return NODES.nullNode();
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (decimal.scale() < 1) decimal = decimal.setScale(1);
        return NODES.numberNode(decimal);
    }

    /** Each value as {@link #number(double)} writes it. */
    public static ArrayNode numbers(double[] values) {
        ArrayNode array = NODES.arrayNode();
        for (double value : values) array.add(number(value));
        return array;
    }

    /** A count or size, {@code null} when unknown. */
    public static JsonNode countOrNull(Long value) {
        return value == null ? NODES.nullNode() : NODES.numberNode(value);
    }

    /** The strings in order; {@code null} for none. */
    public static ArrayNode strings(List<String> values) {
        if (values == null) return null;
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** A param or fact: a number ({@link #number(double)} for decimals), a boolean, else its text. */
    public static JsonNode value(Object value) {
        if (value == null) return NODES.nullNode();
        if (value instanceof Double || value instanceof Float) return number(((Number) value).doubleValue());
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Boolean b) return NODES.booleanNode(b);
        return NODES.textNode(value.toString());
    }
}
