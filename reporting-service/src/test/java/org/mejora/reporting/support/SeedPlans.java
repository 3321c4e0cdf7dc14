package org.mejora.reporting.support;

import org.mejora.envelope.Actor;
import org.mejora.envelope.EventEnvelope;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionClosed;
import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionEdited;
import org.mejora.plan.api.ActionImplemented;
import org.mejora.plan.api.ActionProgressRecorded;
import org.mejora.plan.api.ActionReopened;
import org.mejora.plan.api.ActionTask;
import org.mejora.plan.api.ActionVerified;
import org.mejora.plan.api.FindingAdded;
import org.mejora.plan.api.FindingSource;
import org.mejora.plan.api.FindingSourceType;
import org.mejora.plan.api.FollowUpReportDrafted;
import org.mejora.plan.api.FollowUpReportLine;
import org.mejora.plan.api.FollowUpReportSubmitted;
import org.mejora.plan.api.PlanApproved;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanExecutionStarted;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.api.PlanReviewed;
import org.mejora.plan.api.PlanSubmittedForReview;
import org.mejora.plan.api.Signature;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit plan GEM-FM014 of seed 001 with its two findings, published as plan-service publishes it, and a
 * follow-up history of its first action (50 → 75 → 100 %, implemented, verified, closed, reopened).
 */
public final class SeedPlans {

    public static final Actor OWNER = EventStream.actor("lhernandez", "PLAN_OWNER", "LUZ-ANDREA HERNÁNDEZ TEJEDOR");
    public static final Actor REVIEWER = EventStream.actor("jlamprea", "PLAN_REVIEWER", "Javier Lamprea");
    public static final Actor APPROVER = EventStream.actor("ccruz", "PLAN_APPROVER", "CESAR AUGUSTO CRUZ GONZALEZ");
    public static final Actor CONTROL = EventStream.actor("mcontrol", "AUDITOR", "María Control Interno");

    public static final String FINDING_1 = "Se recomienda a cada dependencia verificar la materialización de los "
            + "compromisos que garantizan el cumplimiento de las metas y que registran un avance inferior al 50%";
    public static final String ACTION_1 = "Posterior a cada uno de los Seguímentos al Plan de Desarrollo, se "
            + "socializará con la Alta Dirección en Consejos de Gobierno los resultados";

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

    /** Seed 001 up to execution: created, two findings with one action each, re-planned once, approved, started. */
    public List<EventEnvelope> gemFm014() {
        List<EventEnvelope> events = new ArrayList<>();
        events.add(stream.next(day("2021-07-09"), OWNER, new PlanCreated(planId, institution, PlanKind.AUDIT,
                "Plan de mejoramiento Gestión Estratégica 2021", "ALCALDIA MUNICIPAL DE CALICA",
                "Gestión Estratégica", "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
                "Directora de Planeación Estratégica", LocalDate.of(2021, 9, 21), "GEM-FM014", "02", "2021", null)));
        events.add(stream.next(day("2021-07-09"), OWNER, new FindingAdded(planId, finding1, "1", FINDING_1,
                new FindingSource(FindingSourceType.CAF, "CRITERIO 2: ESTRATEGIA Y PLANIFICACIÓN",
                        "Subcriterio 2.2", "Indicadores de Gestión Estratégica"),
                "Seguimiento al Plan de Desarrollo")));
        events.add(stream.next(day("2021-07-09"), OWNER, new ActionAdded(planId, finding1, action1,
                action1Details("2022-01"))));
        events.add(stream.next(day("2021-07-09"), OWNER, new FindingAdded(planId, finding2, "2",
                "Realizar revisión de las estrategias documentadas con el fin de establecer claramente los periodos",
                new FindingSource(FindingSourceType.CAF, "CRITERIO 1: LIDERAZGO", "Subcriterio 1.4",
                        "Indicadores de Gestión Estratégica"), "Planeación")));
        events.add(stream.next(day("2021-07-09"), OWNER, new ActionAdded(planId, finding2, action2,
                new ActionDetails("2", "Planes de mejoramiento por dependencia",
                        "Se solicita a cada dependencia generar planes de mejoramiento",
                        "Garantizar la ejecución de las metas", List.of(new ActionTask(1, "Oficio a dependencias")),
                        "% Cumplimiento al Plan de Acción", "Equipo de planeación", "Secretaría de Hacienda",
                        "Secretario de Hacienda", "Dirección de Planeación Estratégica", "2021-06", "2022-01", 7,
                        null))));
        events.add(stream.next(day("2021-08-01"), OWNER, new ActionEdited(planId, finding1, action1,
                action1Details("2022-02"))));
        events.add(stream.next(day("2021-09-01"), OWNER, new PlanSubmittedForReview(planId,
                signature(OWNER, "Directora de Planeación Estratégica", "2021-09-01"))));
        events.add(stream.next(day("2021-09-10"), REVIEWER, new PlanReviewed(planId,
                signature(REVIEWER, "Profesional de apoyo", "2021-09-10"), "Sin observaciones")));
        events.add(stream.next(day("2021-09-21"), APPROVER, new PlanApproved(planId,
                signature(APPROVER, "Secretario de Planeación", "2021-09-21"))));
        events.add(stream.next(day("2021-09-21"), APPROVER, new PlanExecutionStarted(planId,
                signature(APPROVER, "Secretario de Planeación", "2021-09-21"))));
        return events;
    }

    /** Follow-ups of action 1 up to its reopening, and one of action 2. */
    public List<EventEnvelope> followUps() {
        return List.of(
                stream.next(day("2021-10-15"), OWNER, new ActionProgressRecorded(planId, action1, 50, 0,
                        "Acta Consejo de Gobierno 10-2021", "Primera socialización", null, LocalDate.of(2021, 10, 15))),
                stream.next(day("2021-11-20"), OWNER, new ActionProgressRecorded(planId, action1, 75, 50,
                        "Acta Consejo de Gobierno 11-2021", "Reuniones con dependencias", null,
                        LocalDate.of(2021, 11, 20))),
                stream.next(day("2022-01-20"), OWNER, new ActionProgressRecorded(planId, action1, 100, 75,
                        "Informe final de socialización", null, null, LocalDate.of(2022, 1, 20))),
                stream.next(day("2022-01-21"), OWNER, new ActionImplemented(planId, action1,
                        "Informe final de socialización", "Socializado en Consejo de Gobierno",
                        LocalDate.of(2022, 1, 21))),
                stream.next(day("2022-02-10"), CONTROL, new ActionVerified(planId, action1, true, true,
                        "Verificado por control interno", signature(CONTROL, "Jefe de Control Interno", "2022-02-10"))),
                stream.next(day("2022-02-11"), CONTROL, new ActionClosed(planId, action1, LocalDate.of(2022, 2, 11))),
                stream.next(day("2022-03-01"), CONTROL, new ActionReopened(planId, action1,
                        "Las reuniones no se realizaron con todas las dependencias")),
                stream.next(day("2022-03-05"), OWNER, new ActionProgressRecorded(planId, action2, 25, 0,
                        "Oficio a dependencias", null, null, LocalDate.of(2022, 3, 5))));
    }

    /** A follow-up report of seed 000, drafted and submitted with its actions table. */
    public List<EventEnvelope> followUpReport(String reportId) {
        return List.of(
                stream.next(day("2022-03-06"), OWNER, new FollowUpReportDrafted(planId, reportId, "2022-I",
                        "Oficio de entrega de planes de acción de mejora al MDT.",
                        "Norma Técnica del Subsistema de Evaluación del Desempeño, Capítulo IV. 29, 30, 31, 32",
                        "Realizar un seguimiento a la ejecución de los planes de acción de mejora definidos por la "
                                + "institución", "Se socializaron los resultados con la Alta Dirección",
                        "Completar las reuniones con todas las dependencias", "Javier Lamprea")),
                stream.next(day("2022-03-07"), OWNER, new FollowUpReportSubmitted(planId, reportId,
                        signature(OWNER, "Directora de Planeación Estratégica", "2022-03-07"),
                        List.of(new FollowUpReportLine("1", "Indicadores de Gestión Estratégica",
                                        "Socializar los seguimientos al Plan de Desarrollo", "2021-09", "2022-02",
                                        ACTION_1, "Implementada", "Informe final de socialización"),
                                new FollowUpReportLine("2", "Indicadores de Gestión Estratégica",
                                        "Planes de mejoramiento por dependencia", "2021-06", "2022-01",
                                        "Se solicita a cada dependencia generar planes de mejoramiento",
                                        "No implementada", "Oficio a dependencias")))));
    }

    private static ActionDetails action1Details(String end) {
        return new ActionDetails("1", "Socializar los seguimientos al Plan de Desarrollo", ACTION_1,
                "Seguimiento detallado al plan de acción",
                List.of(new ActionTask(1, "Socializar en Consejo de Gobierno"),
                        new ActionTask(2, "Reuniones con cada dependencia")),
                "% Cumplimiento al Plan de Acción", "Consejo de Gobierno", "Secretaría de Planeación",
                "Directora de Planeación Estratégica", "Dirección de Planeación Estratégica", "2021-09", end, 4,
                null);
    }

    private static Signature signature(Actor actor, String position, String date) {
        return new Signature(actor.name(), actor.role(), position, LocalDate.parse(date));
    }
}
