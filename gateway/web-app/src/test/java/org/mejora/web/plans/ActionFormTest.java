package org.mejora.web.plans;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ActionFormTest {

    @Test
    void tasksAreOnePerLineNumberedInOrderWithTypedNumbersDropped() {
        ActionForm form = withTasks(
                "1. Reunión con las áreas claves\r\n\n  2) Definir lineamientos \n3 - Documentar\nDivulgar");
        assertThat(form.taskList()).containsExactly(
                Map.of("number", 1, "description", "Reunión con las áreas claves"),
                Map.of("number", 2, "description", "Definir lineamientos"),
                Map.of("number", 3, "description", "Documentar"),
                Map.of("number", 4, "description", "Divulgar"));
    }

    @Test
    void aNewActionTakesItsFindingsNumberOrTheNextFreeOne() {
        Map<String, Object> empty = Map.of("findingId", "f1", "number", "1", "actions", List.of());
        Map<String, Object> plan = Map.of("findings", List.of(empty));
        assertThat(ActionForm.first(plan, empty, "\"3\"").number()).isEqualTo("1");

        Map<String, Object> withOne = Map.of("findingId", "f1", "number", "1",
                "actions", List.of(Map.of("number", "1")));
        assertThat(ActionForm.first(Map.of("findings", List.of(withOne)), withOne, "\"3\"").number())
                .isEqualTo("1.2");
    }

    @Test
    void anEditedActionShowsItsTasksOnePerLine() {
        ActionForm form = ActionForm.of(Map.of("number", "1", "name", "Diseñar una política",
                "tasks", List.of(Map.of("number", 1, "description", "Reunión"),
                        Map.of("number", 2, "description", "Definir")),
                "scheduledMonths", 4), "\"7\"");
        assertThat(form.tasks()).isEqualTo("Reunión\nDefinir");
        assertThat(form.scheduledMonths()).isEqualTo(4);
        assertThat(form.body()).containsEntry("tasks", form.taskList()).containsEntry("start", null);
    }

    private static ActionForm withTasks(String tasks) {
        return new ActionForm("1", "Acción", null, null, tasks, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    @Test
    void responsiblesAreUserIdsOnePerLineOrCommaSeparated() {
        ActionForm form = new ActionForm("1", "Acción", null, null, null, null, null, null, null, null, null, null,
                null, null, null, "lhernandez, jgomez\n\nlhernandez\r\nccruz");
        assertThat(form.responsibleIds()).containsExactly("lhernandez", "jgomez", "ccruz");
        ActionForm edited = ActionForm.of(Map.of("number", "1", "responsibles", List.of("lhernandez", "jgomez")),
                "\"7\"");
        assertThat(edited.responsibles()).isEqualTo("lhernandez\njgomez");
        assertThat(edited.body()).doesNotContainKey("responsibles");
    }
}
