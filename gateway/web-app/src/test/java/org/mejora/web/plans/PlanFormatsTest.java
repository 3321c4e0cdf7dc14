package org.mejora.web.plans;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PlanFormatsTest {

    private final PlanFormats spanish = new PlanFormats(Locale.forLanguageTag("es"), ZoneId.of("America/Bogota"));
    private final PlanFormats english = new PlanFormats(Locale.ENGLISH, ZoneId.of("America/Bogota"));

    @Test
    void scheduleDatesReadAsPeopleWriteThem() {
        assertThat(spanish.schedule("2023-T1")).isEqualTo("T1\u00a02023");
        assertThat(english.schedule("2023-T1")).isEqualTo("Q1\u00a02023");
        assertThat(spanish.schedule("2021-06")).isEqualTo("jun\u00a02021");
        assertThat(spanish.schedule("2021-09-21")).isEqualTo("21\u00a0sept\u00a02021");
        assertThat(spanish.schedule("2023")).isEqualTo("2023");
        assertThat(spanish.schedule(null)).isNull();
    }

    @Test
    void anInstantIsTheInstitutionsDay() {
        assertThat(spanish.instant("2026-12-02T03:00:00Z")).isEqualTo("1 dic 2026");
    }
}
