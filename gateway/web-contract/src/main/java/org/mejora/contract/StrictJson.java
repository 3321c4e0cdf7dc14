package org.mejora.contract;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * How request bodies are read: exactly the declared fields, with exactly the declared JSON types. No unknown fields,
 * no coercion between strings, numbers and booleans, no enum indexes, no fractions for integers, no null elements
 * in lists, no duplicate keys, no control characters in texts, and dates as {@code yyyy-MM-dd} between
 * {@link #FIRST_YEAR} and {@link #LAST_YEAR}. Only the reading of requests is strict: a service's own stored JSON
 * keeps its usual mapper.
 */
public final class StrictJson {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2999;

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private StrictJson() {
    }

    public static JsonMapper strict(JsonMapper base) {
        return base.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                        EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .changeDefaultNullHandling(nulls -> JsonSetter.Value.construct(Nulls.DEFAULT, Nulls.FAIL))
                .addModule(new SimpleModule("mejora-strict-input")
                        .addDeserializer(String.class, new Text())
                        .addDeserializer(LocalDate.class, new Day()))
                .build();
    }

    /** A day as clients send it; null when it is not one (wrong form, impossible day, year out of range). */
    public static LocalDate day(String text) {
        if (text == null || !DAY.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            return day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR ? null : day;
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The first control character (other than tab, line feed and carriage return) in a text, or -1. */
    public static int controlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    /** Texts only from JSON strings, and without control characters (PostgreSQL cannot store NUL in text). */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            if (controlCharacter(text) >= 0) {
                throw context.weirdStringException(text, String.class, "control character");
            }
            return text;
        }
    }

    static final class Day extends StdScalarDeserializer<LocalDate> {

        Day() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            LocalDate day = day(text);
            if (day == null) {
                throw context.weirdStringException(text, LocalDate.class, "not a day between "
                        + FIRST_YEAR + " and " + LAST_YEAR);
            }
            return day;
        }
    }
}
