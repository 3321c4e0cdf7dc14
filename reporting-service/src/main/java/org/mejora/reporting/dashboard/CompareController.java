package org.mejora.reporting.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.envelope.EnvelopeCodec;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.VerifiedUser;
import org.mejora.reporting.state.PublishedState;
import org.mejora.reporting.state.Snapshots;
import org.mejora.reporting.web.Access;
import org.mejora.reporting.web.ReportProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Two follow-up cuts of a plan side by side: which actions moved, slipped past their end, closed without an
 * effectiveness check or were reopened between them; and, up to the later cut, the time each action spent in each
 * status, how often it was re-planned, and the on-time rate by responsible unit.
 */
@RestController
@RequestMapping("/api/reports/plans")
@Tag(name = "Compare", description = "Comparar cortes de seguimiento / compare follow-up cuts")
@Timed("mejora.reporting.http")
class CompareController {


    private final Snapshots snapshots;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    CompareController(Snapshots snapshots, JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.snapshots = snapshots;
        this.jdbc = jdbc;
    }

    @GetMapping(value = "/{planId}/compare", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Comparar dos cortes / compare two cuts",
            description = "from and to: a date (yyyy-MM-dd, the end of that day UTC) or an instant")
    ResponseEntity<String> compare(@PathVariable String planId, @RequestParam String from, @RequestParam String to,
                                   @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        Instant earlier = cut("from", from);
        Instant later = cut("to", to);
        if (!earlier.isBefore(later)) {
            throw ReportProblem.badRequest("from", from + " >= " + to);
        }
        List<Snapshots.EntityRow> now = snapshots.asOf("Plan", planId, later);
        Snapshots.EntityRow plan = now.stream().filter(r -> r.type().equals("Plan")).findFirst()
                .orElseThrow(() -> ReportProblem.notFound("plan", planId + " @ " + to));
        Access.report(user, plan.institutionId(), "plan", planId);
        Map<String, ActionFacts> before = actions(snapshots.asOf("Plan", planId, earlier));
        Map<String, ActionFacts> after = actions(now);
        LocalDate fromDay = earlier.atZone(clock.getZone()).toLocalDate();
        LocalDate toDay = later.atZone(clock.getZone()).toLocalDate();

        ObjectNode result = JsonNodeFactory.instance.objectNode().put("planId", planId)
                .put("from", earlier.toString()).put("to", later.toString());
        ArrayNode moved = result.putArray("moved");
        ArrayNode slipped = result.putArray("slipped");
        ArrayNode closedUnchecked = result.putArray("closedWithoutEffectivenessCheck");
        after.forEach((id, action) -> {
            ActionFacts old = before.get(id);
            int oldPercent = old == null ? 0 : old.percent();
            if (action.percent() != oldPercent) {
                moved.add(action.summary().put("fromPercent", oldPercent).put("toPercent", action.percent())
                        .put("fromStatus", old == null ? null : old.status()));
            }
            if (action.overdue(toDay) && (old == null || !old.overdue(fromDay))) {
                slipped.add(action.summary());
            }
            if ("CLOSED".equals(action.status()) && (old == null || !"CLOSED".equals(old.status()))
                    && !action.action().state().path("effective").asBoolean(false)) {
                closedUnchecked.add(action.summary());
            }
        });

        List<StatusChange> changes = statusChanges(planId, later);
        ArrayNode reopened = result.putArray("reopened");
        changes.stream().filter(c -> c.at().isAfter(earlier) && c.from() != null && PublishedState.implemented(c.from())
                        && !PublishedState.implemented(c.to()) && after.containsKey(c.actionId()))
                .forEach(c -> reopened.add(after.get(c.actionId()).summary().put("reopenedAt", c.at().toString())
                        .put("fromStatus", c.from())));
        ObjectNode timeInStatus = result.putObject("daysInStatus");
        changes.stream().collect(Collectors.groupingBy(StatusChange::actionId, LinkedHashMap::new,
                        Collectors.toList()))
                .forEach((actionId, history) -> {
                    Map<String, Double> days = new TreeMap<>();
                    for (int i = 0; i < history.size(); i++) {
                        Instant end = i + 1 < history.size() ? history.get(i + 1).at() : later;
                        days.merge(history.get(i).to(), Duration.between(history.get(i).at(), end).toHours() / 24.0,
                                Double::sum);
                    }
                    ObjectNode node = timeInStatus.putObject(actionId);
                    days.forEach(node::put);
                });
        ObjectNode replanned = result.putObject("replanned");
        jdbc.sql("""
                        select entity_id, count(*) from history_entry
                        where root_type = 'Plan' and root_id = ? and entity_type = 'Action' and occurred_at <= ?
                          and 'DATES' = any(change_kinds) and not ('CREATION' = any(change_kinds))
                        group by entity_id order by entity_id""")
                .params(planId, Timestamp.from(later))
                .query(row -> {
                    replanned.put(row.getString(1), row.getLong(2));
                });
        ObjectNode onTime = result.putObject("onTimeByResponsibleUnit");
        after.values().stream().filter(a -> a.due().map(d -> !d.isAfter(toDay)).orElse(false))
                .collect(Collectors.groupingBy(ActionFacts::unit, TreeMap::new, Collectors.toList()))
                .forEach((unit, due) -> {
                    long inTime = due.stream().filter(a -> implementedOn(a, changes)
                            .map(day -> !day.isAfter(a.due().orElseThrow())).orElse(false)).count();
                    onTime.putObject(unit).put("due", due.size()).put("onTime", inTime)
                            .put("rate", BigDecimal.valueOf(inTime).divide(BigDecimal.valueOf(due.size()), 4,
                                    RoundingMode.HALF_UP));
                });
        return ResponseEntity.ok(result.toString());
    }

    /** The day an action was implemented: the implementedOn of its event, else when it first became implemented. */
    private Optional<LocalDate> implementedOn(ActionFacts action, List<StatusChange> changes) {
        String recorded = action.action().text("implementedOn");
        if (recorded != null) {
            return Optional.of(LocalDate.parse(recorded));
        }
        return changes.stream().filter(c -> c.actionId().equals(action.action().id()) && PublishedState.implemented(c.to()))
                .map(c -> c.at().atZone(clock.getZone()).toLocalDate()).findFirst();
    }

    private List<StatusChange> statusChanges(String planId, Instant until) {
        return jdbc.sql("""
                        select entity_id, occurred_at, changes::text from history_entry
                        where root_type = 'Plan' and root_id = ? and entity_type = 'Action' and occurred_at <= ?
                          and 'STATUS' = any(change_kinds)
                        order by occurred_at, sequence""")
                .params(planId, Timestamp.from(until))
                .query((row, n) -> {
                    JsonNode status = statusChange(row.getString(3));
                    return new StatusChange(row.getString(1), row.getTimestamp(2).toInstant(),
                            status == null || status.get("from").isNull() ? null : status.get("from").asText(),
                            status == null ? null : status.get("to").asText());
                }).list().stream().filter(c -> c.to() != null).toList();
    }

    private JsonNode statusChange(String changes) {
        try {
            for (JsonNode change : codec.mapper().readTree(changes)) {
                if (change.path("field").asText().equals("status")) {
                    return change;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, ActionFacts> actions(List<Snapshots.EntityRow> rows) {
        Map<String, Snapshots.EntityRow> findings = rows.stream().filter(r -> r.type().equals("Finding"))
                .collect(Collectors.toMap(Snapshots.EntityRow::id, Function.identity()));
        Map<String, ActionFacts> actions = new TreeMap<>();
        rows.stream().filter(r -> r.type().equals("Action") && !r.removed())
                .forEach(r -> actions.put(r.id(), ActionFacts.of(r, findings)));
        return actions;
    }

    private Instant cut(String field, String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusMillis(1);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ReportProblem.badRequest(field, value);
        }
    }

    private record StatusChange(String actionId, Instant at, String from, String to) {
    }
}
