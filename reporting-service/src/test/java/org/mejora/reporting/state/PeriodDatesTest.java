package org.mejora.reporting.state;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodDatesTest {

    @Test
    void anActionIsDueAtTheEndOfItsPeriodAsEventsWriteIt() {
        assertThat(PeriodDates.end("2021-09-21")).contains(LocalDate.of(2021, 9, 21));
        assertThat(PeriodDates.end("2022-02")).contains(LocalDate.of(2022, 2, 28));
        assertThat(PeriodDates.end("2023-T1")).contains(LocalDate.of(2023, 3, 31));
        assertThat(PeriodDates.end("2023")).contains(LocalDate.of(2023, 12, 31));
    }

    @Test
    void andAsTheSeedsWriteIt() {
        assertThat(PeriodDates.end("ene-22")).contains(LocalDate.of(2022, 1, 31));
        assertThat(PeriodDates.end("jun-21")).contains(LocalDate.of(2021, 6, 30));
        assertThat(PeriodDates.end("T3-2023")).contains(LocalDate.of(2023, 9, 30));
    }

    @Test
    void whatIsNoPeriodHasNoEnd() {
        assertThat(PeriodDates.end("004-21")).isEmpty();
        assertThat(PeriodDates.end("")).isEmpty();
        assertThat(PeriodDates.end(null)).isEmpty();
        assertThat(PeriodDates.end("2023-13")).isEmpty();
    }
}
