package org.mejora.reporting.support;

import org.mejora.envelope.Actor;
import org.mejora.envelope.EventEnvelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Plans as the seeds show them, published as events: the audit plan GEM-FM014 of seed 001 with its two findings,
 * and a follow-up history of one action (progress 50 → 75 → 100, rescheduled, verified, closed, reopened).
 */
public final class SeedPlans {

    public static final Actor OWNER = EventStream.actor("lhernandez", "PLAN_OWNER",
            "LUZ-ANDREA HERNÁNDEZ TEJEDOR");
    public static final Actor APPROVER = EventStream.actor("ccruz", "PLAN_APPROVER",
            "CESAR AUGUSTO CRUZ GONZALEZ");
    public static final Actor AUDITOR = EventStream.actor("jlamprea", "AUDITOR", "Javier Lamprea");

    public final String planId = UUID.randomUUID().toString();
    public final String finding1 = UUID.randomUUID().toString();
    public final String finding2 = UUID.randomUUID().toString();
    public final String action1 = UUID.randomUUID().toString();
    public final String action2 = UUID.randomUUID().toString();
    private final EventStream stream;
    private final String institution;

    public SeedPlans(String institution) {
        this.institution = institution;
        this.stream = new EventStream("Plan", planId, institution);
    }

    public static Instant day(String date) {
        return Instant.parse(date + "T15:00:00Z");
    }

    /** Seed 001 up to execution: created, two findings with one action each, approved, in execution. */
    public List<EventEnvelope> gemFm014() {
        List<EventEnvelope> events = new ArrayList<>();
        events.add(stream.next("PlanCreated", day("2021-07-09"), OWNER, "planId", planId, "institutionId", institution,
                "kind", "AUDIT", "title", "Plan de mejoramiento Gestión Estratégica 2021",
                "institutionName", "ALCALDIA MUNICIPAL DE CALICA", "auditedProcess", "Gestión Estratégica",
                "procedures", "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
                "responsible", "Directora de Planeación Estratégica", "formatCode", "GEM-FM014",
                "formatVersion", "02", "period", "2021"));
        events.add(stream.next("FindingRecorded", day("2021-07-09"), OWNER, "planId", planId, "findingId", finding1,
                "number", 1, "description", "Se recomienda a cada dependencia verificar la materialización de los "
                        + "compromisos que garantizan el cumplimiento de las metas",
                "source", "AUDIT", "cafCriterion", "CRITERIO 2: ESTRATEGIA Y PLANIFICACIÓN",
                "evaluationFactor", "Indicadores de Gestión Estratégica"));
        events.add(stream.next("ActionPlanned", day("2021-07-09"), OWNER, "planId", planId, "findingId", finding1,
                "actionId", action1, "number", 1, "name", "Socializar los seguimientos al Plan de Desarrollo",
                "description", "Posterior a cada uno de los Seguímentos al Plan de Desarrollo, se socializará con la "
                        + "Alta Dirección en Consejos de Gobierno los resultados",
                "goal", "% Cumplimiento al Plan de Acción", "scheduledMonths", 4, "startDate", "sep-21",
                "endDate", "ene-22", "responsibleUnit", "Secretaría de Planeación",
                "responsibleRole", "Directora de Planeación Estratégica",
                "technicalDirection", "Dirección de Planeación Estratégica"));
        events.add(stream.next("FindingRecorded", day("2021-07-09"), OWNER, "planId", planId, "findingId", finding2,
                "number", 2, "description", "Realizar revisión de las estrategias documentadas con el fin de "
                        + "establecer claramente los periodos de tiempo",
                "source", "AUDIT", "cafCriterion", "CRITERIO 1: LIDERAZGO",
                "evaluationFactor", "Indicadores de Gestión Estratégica"));
        events.add(stream.next("ActionPlanned", day("2021-07-09"), OWNER, "planId", planId, "findingId", finding2,
                "actionId", action2, "number", 2, "name", "Planes de mejoramiento por dependencia",
                "description", "Se solicita a cada dependencia generar planes de mejoramiento",
                "goal", "% Cumplimiento al Plan de Acción", "scheduledMonths", 7, "startDate", "jun-21",
                "endDate", "ene-22", "responsibleUnit", "Secretaría de Hacienda",
                "responsibleRole", "Secretario de Hacienda",
                "technicalDirection", "Dirección de Planeación Estratégica"));
        events.add(stream.next("PlanSubmittedForReview", day("2021-09-01"), OWNER, "planId", planId));
        events.add(stream.next("PlanApproved", day("2021-09-21"), APPROVER, "planId", planId,
                "signedBy", "CESAR AUGUSTO CRUZ GONZALEZ", "signerRole", "Secretario de Planeación"));
        events.add(stream.next("PlanExecutionStarted", day("2021-09-21"), APPROVER, "planId", planId));
        return events;
    }

    /** Follow-ups of action 1 and a late action 2. */
    public List<EventEnvelope> followUps() {
        return List.of(
                stream.next("ActionProgressRecorded", day("2021-10-15"), OWNER, "planId", planId,
                        "actionId", action1, "progress", 50, "evidence", "Acta Consejo de Gobierno 10-2021",
                        "comment", "Primera socialización"),
                stream.next("ActionProgressRecorded", day("2021-11-20"), OWNER, "planId", planId,
                        "actionId", action1, "progress", 75, "evidence", "Acta Consejo de Gobierno 11-2021",
                        "comment", "Reuniones con dependencias"),
                stream.next("ActionRescheduled", day("2021-12-01"), OWNER, "planId", planId,
                        "actionId", action1, "endDate", "feb-22", "reason", "Consejo de Gobierno aplazado"),
                stream.next("ActionProgressRecorded", day("2022-01-20"), OWNER, "planId", planId,
                        "actionId", action1, "progress", 100, "evidence", "Informe final de socialización"),
                stream.next("ActionVerified", day("2022-02-10"), AUDITOR, "planId", planId,
                        "actionId", action1, "compliance", true, "effectiveness", true,
                        "comment", "Verificado por control interno"),
                stream.next("ActionClosed", day("2022-02-11"), AUDITOR, "planId", planId, "actionId", action1),
                stream.next("ActionReopened", day("2022-03-01"), AUDITOR, "planId", planId, "actionId", action1,
                        "reason", "Se detectó que las reuniones no se realizaron con todas las dependencias"),
                stream.next("ActionProgressRecorded", day("2022-03-05"), OWNER, "planId", planId,
                        "actionId", action2, "progress", 25, "evidence", "Oficio a dependencias"));
    }
}
