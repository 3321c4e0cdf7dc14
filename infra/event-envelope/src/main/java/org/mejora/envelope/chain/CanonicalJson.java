package org.mejora.envelope.chain;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one byte form of a JSON value that the chain hashes, so that the same event read from the event store or from
 * Kafka, written by different serializers, yields the same bytes:
 * <ul>
 *     <li>no whitespace; object members sorted by name (Java {@link String#compareTo}, i.e. UTF-16 code units);</li>
 *     <li>strings escaped as JSON requires and nothing more ({@code "}, {@code \}, control characters), other
 *     characters as themselves, the whole encoded in UTF-8;</li>
 *     <li>integers in decimal without sign for positives; other numbers as {@link java.math.BigDecimal} without
 *     trailing zeros in plain notation ({@code 2.50} and {@code 2.5} are {@code 2.5}, {@code 2.0} is {@code 2});</li>
 *     <li>{@code true}, {@code false}, {@code null} as themselves; members whose value is null are kept.</li>
 * </ul>
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static byte[] bytes(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String text(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> elements = node.elements();
            boolean first = true;
            while (elements.hasNext()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(elements.next(), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isBinary()) {
            // Jackson writes binary values as base64 text; the canonical form does the same.
            string(node.asText(), out);
        } else {
            throw new IllegalArgumentException("no canonical form for JSON node " + node.getNodeType());
        }
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        out.append(JsonStringEncoder.getInstance().quoteAsString(value));
        out.append('"');
    }
}
