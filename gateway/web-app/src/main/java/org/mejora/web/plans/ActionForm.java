package org.mejora.web.plans;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An action (acción de mejora) as typed, every column of seeds 001 and 003. Tasks are one per line, numbered in
 * order (a number the user typed in front is dropped); start and end as the user writes them: a day, a month
 * ({@code jun-21}) or a quarter ({@code T1-2023}), which plan-service reads.
 *
 * @param version      the plan's version the user is editing (If-Match)
 * @param responsibles who is responsible for the action, by user id: one per line or comma-separated
 */
public record ActionForm(
        @NotBlank @Size(max = 20) String number,
        @NotBlank @Size(max = 4000) String name,
        @Size(max = 8000) String description,
        @Size(max = 4000) String objective,
        @Size(max = 20000) String tasks,
        @Size(max = 2000) String goalIndicator,
        @Size(max = 2000) String resources,
        @Size(max = 500) String responsibleUnit,
        @Size(max = 500) String responsibleRole,
        @Size(max = 500) String technicalDirection,
        @Size(max = 40) String start,
        @Size(max = 40) String end,
        @PositiveOrZero @Max(600) Integer scheduledMonths,
        @Size(max = 8000) String comments,
        String version,
        @Size(max = 2200) String responsibles) {

    private static final Pattern TASK_NUMBER = Pattern.compile("^\\d+\\s*[.)\\-]\\s*");

    /** A new action of a finding, numbered like the finding (seeds 001 and 003), or n.m when that is taken. */
    static ActionForm first(Map<String, Object> plan, Map<String, Object> finding, String version) {
        Set<String> taken = PlanDrafts.findings(plan).stream().flatMap(f -> PlanDrafts.actions(f).stream())
                .map(action -> String.valueOf(action.get("number"))).collect(Collectors.toSet());
        String findingNumber = String.valueOf(finding.get("number"));
        String number = findingNumber;
        for (int next = PlanDrafts.actions(finding).size() + 1; taken.contains(number); next++) {
            number = findingNumber + "." + next;
        }
        return new ActionForm(number, null, null, null, null, null, null, null, null, null, null, null, null, null,
                version, null);
    }

    @SuppressWarnings("unchecked")
    static ActionForm of(Map<String, Object> action, String version) {
        String tasks = ((List<Map<String, Object>>) action.getOrDefault("tasks", List.of())).stream()
                .map(task -> String.valueOf(task.get("description"))).collect(Collectors.joining("\n"));
        Object months = action.get("scheduledMonths");
        return new ActionForm(text(action, "number"), text(action, "name"), text(action, "description"),
                text(action, "objective"), tasks.isEmpty() ? null : tasks, text(action, "goalIndicator"),
                text(action, "resources"), text(action, "responsibleUnit"), text(action, "responsibleRole"),
                text(action, "technicalDirection"), text(action, "start"), text(action, "end"),
                months instanceof Number number ? number.intValue() : null, text(action, "comments"), version,
                String.join("\n", responsiblesOf(action)));
    }

    /** The API's body for adding or editing an action. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", PlanHeaderForm.trimmed(number));
        body.put("name", PlanHeaderForm.trimmed(name));
        body.put("description", PlanHeaderForm.trimmed(description));
        body.put("objective", PlanHeaderForm.trimmed(objective));
        body.put("tasks", taskList());
        body.put("goalIndicator", PlanHeaderForm.trimmed(goalIndicator));
        body.put("resources", PlanHeaderForm.trimmed(resources));
        body.put("responsibleUnit", PlanHeaderForm.trimmed(responsibleUnit));
        body.put("responsibleRole", PlanHeaderForm.trimmed(responsibleRole));
        body.put("technicalDirection", PlanHeaderForm.trimmed(technicalDirection));
        body.put("start", PlanHeaderForm.trimmed(start));
        body.put("end", PlanHeaderForm.trimmed(end));
        body.put("scheduledMonths", scheduledMonths);
        body.put("comments", PlanHeaderForm.trimmed(comments));
        return body;
    }

    /** The user ids typed, one per line or comma-separated, in order and without repeats. */
    List<String> responsibleIds() {
        if (responsibles == null) {
            return List.of();
        }
        return java.util.Arrays.stream(responsibles.split("[,\\s]+")).map(String::strip)
                .filter(id -> !id.isEmpty()).distinct().toList();
    }

    /** The action's responsibles as plan-service shows them. */
    @SuppressWarnings("unchecked")
    static List<String> responsiblesOf(Map<String, Object> action) {
        Object ids = action == null ? null : action.get("responsibles");
        return ids instanceof List<?> list ? ((List<Object>) list).stream().map(String::valueOf).toList() : List.of();
    }

    /** One task per non-blank line, numbered 1, 2, 3… */
    List<Map<String, Object>> taskList() {
        List<Map<String, Object>> list = new ArrayList<>();
        if (tasks == null) {
            return list;
        }
        for (String line : tasks.split("\\R")) {
            String description = TASK_NUMBER.matcher(line.strip()).replaceFirst("").strip();
            if (!description.isEmpty()) {
                list.add(Map.of("number", list.size() + 1, "description", description));
            }
        }
        return list;
    }

    private static String text(Map<String, Object> action, String name) {
        return Objects.toString(action.get(name), null);
    }
}
