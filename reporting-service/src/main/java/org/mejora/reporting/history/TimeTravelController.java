package org.mejora.reporting.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.VerifiedUser;
import org.mejora.reporting.state.Snapshots;
import org.mejora.reporting.web.Access;
import org.mejora.reporting.web.ReportProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** A plan (with its findings and actions) or an evaluation exactly as it stood at a past instant. */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Time travel", description = "Estado en un instante pasado / state at a past instant")
@Timed("mejora.reporting.http")
class TimeTravelController {

    private final Snapshots snapshots;

    TimeTravelController(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GetMapping(value = "/plans/{planId}/as-of", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plan con hallazgos y acciones en un instante / plan with findings and actions at an instant")
    ResponseEntity<String> plan(@PathVariable String planId, @RequestParam Instant at,
                                @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        List<Snapshots.EntityRow> rows = snapshots.asOf("Plan", planId, at);
        Snapshots.EntityRow plan = rows.stream().filter(row -> row.type().equals("Plan")).findFirst()
                .orElseThrow(() -> ReportProblem.notFound("plan", planId + " @ " + at));
        Access.planHistory(user, plan.institutionId(), "plan", planId);
        return ResponseEntity.ok(PlanDocument.of(planId, at, rows).toString());
    }

    @GetMapping(value = "/evaluations/{evaluationId}/as-of", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Evaluación en un instante / evaluation at an instant")
    ResponseEntity<String> evaluation(@PathVariable String evaluationId, @RequestParam Instant at,
                                      @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        Snapshots.EntityRow evaluation = snapshots.asOf("Evaluation", evaluationId, at).stream()
                .filter(row -> row.type().equals("Evaluation")).findFirst()
                .orElseThrow(() -> ReportProblem.notFound("evaluation", evaluationId + " @ " + at));
        Access.evaluationHistory(user, evaluation.institutionId(), evaluation.state(), evaluationId);
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("evaluationId", evaluationId)
                .put("at", at.toString());
        document.set("evaluation", evaluation.state());
        return ResponseEntity.ok(document.toString());
    }

    /** A plan's entities nested as the seeds show them: findings, each with its actions. */
    static final class PlanDocument {

        private PlanDocument() {
        }

        static ObjectNode of(String planId, Instant at, List<Snapshots.EntityRow> rows) {
            ObjectNode document = JsonNodeFactory.instance.objectNode().put("planId", planId).put("at", at.toString());
            rows.stream().filter(row -> row.type().equals("Plan")).findFirst()
                    .ifPresent(plan -> document.set("plan", plan.state()));
            ArrayNode findings = document.putArray("findings");
            rows.stream().filter(row -> row.type().equals("Finding")).forEach(finding -> {
                ObjectNode node = finding.state().deepCopy();
                ArrayNode actions = node.putArray("actions");
                rows.stream().filter(row -> row.type().equals("Action")
                                && finding.id().equals(row.text("findingId")))
                        .forEach(action -> actions.add(action.state()));
                findings.add(node);
            });
            ArrayNode loose = document.putArray("actionsWithoutFinding");
            rows.stream().filter(row -> row.type().equals("Action") && rows.stream()
                            .noneMatch(f -> f.type().equals("Finding") && f.id().equals(row.text("findingId"))))
                    .forEach(action -> loose.add(action.state()));
            return document;
        }
    }
}
