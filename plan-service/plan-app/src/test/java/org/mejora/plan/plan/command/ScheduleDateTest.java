package org.mejora.plan.plan.command;

import org.junit.jupiter.api.Test;
import org.mejora.plan.api.state.ActionStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mejora.contract.RuleViolation;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleDateTest {

    @ParameterizedTest
    @CsvSource({
            "2021-09-21, 2021-09-21, 2021-09-21, 2021-09-21",
            "21/09/2021, 2021-09-21, 2021-09-21, 2021-09-21",
            "21sept-21,  2021-09-21, 2021-09-21, 2021-09-21",
            "jun-21,     2021-06,    2021-06-01, 2021-06-30",
            "ene-22,     2022-01,    2022-01-01, 2022-01-31",
            "Dic-2023,   2023-12,    2023-12-01, 2023-12-31",
            "T1-2023,    2023-T1,    2023-01-01, 2023-03-31",
            "t3 2023,    2023-T3,    2023-07-01, 2023-09-30",
            "2023,       2023,       2023-01-01, 2023-12-31"})
    void readsTheWaysTheSeedsWriteDates(String typed, String text, LocalDate first, LocalDate last) {
        assertThat(ScheduleDate.parse(typed, "start")).isEqualTo(new ScheduleDate(first, last, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"004-21", "31/02/2021", "T5-2023", "mitad de año", "13-2021"})
    void rejectsWhatIsNoDate(String typed) {
        assertThatThrownBy(() -> ScheduleDate.parse(typed, "end"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.rule()).isEqualTo("schedule-date.unreadable");
                    assertThat(v.field()).isEqualTo("end");
                });
    }

    @Test
    void blankIsNoDate() {
        assertThat(ScheduleDate.parse("  ", "start")).isNull();
    }

    @Test
    void anActionIsOverdueOnlyAfterTheLastDayOfItsEndPeriod() {
        ScheduleDate end = ScheduleDate.parse("T1-2023", "end");
        assertThat(ActionStatus.IN_PROGRESS.overdue(end.last(), LocalDate.of(2023, 3, 31))).isFalse();
        assertThat(ActionStatus.IN_PROGRESS.overdue(end.last(), LocalDate.of(2023, 4, 1))).isTrue();
        assertThat(ActionStatus.IMPLEMENTED.overdue(end.last(), LocalDate.of(2023, 4, 1))).isFalse();
    }
}
