package org.mejora.reporting.state;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** COPY's text format: what a history row's fields become on their way to PostgreSQL. */
class HistoryRowsTest {

    private static String field(Object value) {
        StringBuilder text = new StringBuilder();
        HistoryRows.field(text, value);
        return text.toString();
    }

    @Test
    void separatorsAndBackslashesAreEscapedAndTheRestKeptWhole() {
        assertThat(field("{\"reason\":\"línea 1\\nlínea 2\"}")).isEqualTo("{\"reason\":\"línea 1\\\\nlínea 2\"}");
        assertThat(field("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
        assertThat(field("\t")).isEqualTo("\\t");
        assertThat(field("sin separadores")).isEqualTo("sin separadores");
        assertThat(field("")).isEmpty();
    }

    @Test
    void nullsInstantsAndListsHaveTheirOwnForms() {
        assertThat(field(null)).isEqualTo("\\N");
        assertThat(field(Instant.parse("2026-12-02T10:15:30Z"))).isEqualTo("2026-12-02T10:15:30Z");
        assertThat(field(List.of("STATUS", "say \"hi\""))).isEqualTo("{\"STATUS\",\"say \\\\\"hi\\\\\"\"}");
    }
}
