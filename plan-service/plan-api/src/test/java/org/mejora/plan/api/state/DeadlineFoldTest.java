package org.mejora.plan.api.state;

import org.junit.jupiter.api.Test;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionBecameOverdue;
import org.mejora.plan.api.ActionDeadlineNeared;
import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionEdited;
import org.mejora.plan.api.ActionResponsiblesAssigned;
import org.mejora.plan.api.FindingAdded;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanEvent;
import org.mejora.plan.api.PlanKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline facts and responsibles as the fold keeps them: what the aggregate decides on and reporting shows. */
class DeadlineFoldTest {

    private static final LocalDate DUE = LocalDate.of(2023, 6, 30);

    private final List<PlanEvent> events = new ArrayList<>(List.of(
            new PlanCreated("p", "i", PlanKind.AUDIT, "Plan", null, null, null, null, null, null, null, "2023", null),
            new FindingAdded("p", "f", "1", "Sin política", null, null),
            new ActionAdded("p", "f", "a", details("2023-06"))));

    private static ActionDetails details(String end) {
        return new ActionDetails("1", "Acción", null, null, List.of(), null, null, null, null, null, null, end, null,
                null);
    }

    private ActionState action() {
        return PlanFold.replay(events).actions().get("a");
    }

    @Test
    void theFactsDueFollowTheOnesAlreadyRaised() {
        assertThat(action().deadlineNoticeOn(DUE.minusDays(8))).isEmpty();
        assertThat(action().deadlineNoticeOn(DUE.minusDays(7))).hasValueSatisfying(n -> {
            assertThat(n.overdue()).isFalse();
            assertThat(n.daysLeft()).isEqualTo(7);
        });
        events.add(new ActionDeadlineNeared("p", "a", DUE, 7, DUE.minusDays(7)));
        assertThat(action().deadlineNoticeOn(DUE.minusDays(2))).isEmpty();
        assertThat(action().deadlineNoticeOn(DUE.minusDays(1))).hasValueSatisfying(n -> assertThat(n.daysLeft())
                .isEqualTo(1));
        events.add(new ActionDeadlineNeared("p", "a", DUE, 1, DUE.minusDays(1)));
        assertThat(action().deadlineNoticeOn(DUE)).isEmpty();
        assertThat(action().awaitsDeadlineFacts()).isTrue();
        assertThat(action().deadlineNoticeOn(DUE.plusDays(1))).hasValueSatisfying(n -> assertThat(n.overdue())
                .as("overdue by ActionStatus.overdue, the day after").isTrue());
        events.add(new ActionBecameOverdue("p", "a", DUE, DUE.plusDays(1)));
        assertThat(action().deadlineNoticeOn(DUE.plusDays(40))).isEmpty();
        assertThat(action().awaitsDeadlineFacts()).isFalse();
        assertThat(action().overdueOn(DUE.plusDays(1))).isTrue();
    }

    @Test
    void aNewDueDateStartsOver() {
        events.add(new ActionBecameOverdue("p", "a", DUE, DUE.plusDays(1)));
        events.add(new ActionEdited("p", "f", "a", details("2023-07")));
        LocalDate newDue = LocalDate.of(2023, 7, 31);
        assertThat(action().awaitsDeadlineFacts()).isTrue();
        assertThat(action().deadlineNoticeOn(newDue.minusDays(7))).hasValueSatisfying(n -> {
            assertThat(n.dueOn()).isEqualTo(newDue);
            assertThat(n.overdue()).isFalse();
        });
    }

    @Test
    void responsiblesReplaceTheOnesBefore() {
        events.add(new ActionResponsiblesAssigned("p", "a", List.of("lhernandez", "jgomez")));
        assertThat(action().responsibles()).containsExactly("lhernandez", "jgomez");
        events.add(new ActionResponsiblesAssigned("p", "a", List.of("ccruz")));
        assertThat(action().responsibles()).containsExactly("ccruz");
        assertThat(action().notices()).isEqualTo(DeadlineNotices.NONE);
    }
}
