package org.mejora.web.history;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns reporting's history entries (GET /api/reports/history/…) into lines a person reads. */
@Component
public class HistoryLines {

    /** What a change may say about why, in the order it is shown. */
    private static final List<String> WHY = List.of("reason", "justification", "comment", "observations");

    private final Words words;
    private final Moments moments;

    HistoryLines(Words words, Moments moments) {
        this.words = words;
        this.moments = moments;
    }

    @SuppressWarnings("unchecked")
    public List<HistoryLine> of(List<Map<String, Object>> entries, PlanIndex plan) {
        List<HistoryLine> lines = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            String entityType = (String) entry.get("entityType");
            String entityId = (String) entry.get("entityId");
            Map<String, Object> actor = entry.get("actor") instanceof Map<?, ?> who
                    ? (Map<String, Object>) who : Map.of();
            Map<String, Object> event = entry.get("event") instanceof Map<?, ?> payload
                    ? (Map<String, Object>) payload : Map.of();
            String at = (String) entry.get("occurredAt");
            String name = actor.get("name") != null ? (String) actor.get("name") : (String) actor.get("userId");
            lines.add(new HistoryLine(at, moments.format(Instant.parse(at)), name, (String) actor.get("userId"),
                    words.role((String) actor.get("role")), words.event((String) entry.get("eventType")),
                    entityType, entityId, entity(entityType, entityId, event, plan),
                    link(entityType, entityId, plan), asOfLink(entityType, entityId, at, plan),
                    changes(entityType, entry.get("changes")), why(entry, event), (String) entry.get("evidence")));
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private String entity(String type, String id, Map<String, Object> event, PlanIndex plan) {
        return switch (type) {
            case "Action" -> {
                Map<String, Object> details = event.get("details") instanceof Map<?, ?> d
                        ? (Map<String, Object>) d : event;
                String fallback = details.get("name") == null ? words.message("history.entity.removed-action", "")
                        : PlanIndex.label(details.get("number"), details.get("name"));
                yield words.message("history.entity.Action", "Action") + " " + plan.actionLabel(id, fallback);
            }
            case "Finding" -> {
                Map<String, Object> finding = plan.findings().get(id);
                Object number = finding != null ? finding.get("number") : event.get("number");
                yield words.message("history.entity.Finding", "Finding") + (number == null ? "" : " " + number);
            }
            default -> words.message("history.entity." + type, type);
        };
    }

    private static String link(String type, String id, PlanIndex plan) {
        return switch (type) {
            case "Action" -> plan.action(id) == null ? null : "/plans/" + plan.planId() + "/actions/" + id;
            case "FollowUpReport" -> "/plans/" + plan.planId() + "/reports/" + id;
            default -> "/plans/" + plan.planId();
        };
    }

    private static String asOfLink(String type, String id, String at, PlanIndex plan) {
        String path = "Action".equals(type) ? "/plans/" + plan.planId() + "/actions/" + id + "/as-of"
                : "/plans/" + plan.planId() + "/as-of";
        return UriComponentsBuilder.fromPath(path).queryParam("at", at).encode().build().toUriString();
    }

    @SuppressWarnings("unchecked")
    private List<HistoryLine.Change> changes(String entityType, Object changes) {
        if (!(changes instanceof List<?> list)) {
            return List.of();
        }
        List<HistoryLine.Change> shown = new ArrayList<>();
        for (Object item : list) {
            Map<String, Object> change = (Map<String, Object>) item;
            String field = (String) change.get("field");
            shown.add(new HistoryLine.Change(words.field(field), value(entityType, field, change.get("from")),
                    value(entityType, field, change.get("to"))));
        }
        return shown;
    }

    private String value(String entityType, String field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case "status" -> words.status(entityType, value.toString());
            case "percent" -> value + " %";
            case "start", "end" -> words.period(value.toString());
            case "compliant", "effective" -> words.yesNo(value instanceof Boolean b ? b
                    : Boolean.valueOf(value.toString()));
            default -> value.toString();
        };
    }

    private List<HistoryLine.Why> why(Map<String, Object> entry, Map<String, Object> event) {
        List<HistoryLine.Why> why = new ArrayList<>();
        for (String field : WHY) {
            Object text = event.get(field);
            if (text != null && !text.toString().isBlank()) {
                why.add(new HistoryLine.Why(words.message("history.why." + field, field), text.toString()));
            }
        }
        if (why.isEmpty() && entry.get("reason") != null) {
            why.add(new HistoryLine.Why(words.message("history.why.reason", "reason"), entry.get("reason").toString()));
        }
        return why;
    }
}
