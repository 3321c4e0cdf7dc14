package org.mejora.web.evaluations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Reading the API's JSON maps, and writing what a form typed back into the API's types. */
final class Values {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Values() {
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A number as people write it: 60 rather than 60.0, 47.8 as is. */
    static String number(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal decimal = value instanceof BigDecimal exact ? exact : new BigDecimal(value.toString());
        return decimal.stripTrailingZeros().toPlainString();
    }

    static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    /**
     * What a number field held, for the API: blank is absent, and anything that is not a number is sent as absent
     * too, so the API names the field (the inputs are type=number, so browsers rarely let one through).
     */
    static BigDecimal typed(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** An instant of the API shown in the institution's time zone, to the minute. */
    static String moment(Object instant, ZoneId zone) {
        return instant == null ? null : MINUTES.format(Instant.parse(instant.toString()).atZone(zone));
    }
}
