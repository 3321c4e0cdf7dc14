package org.mejora.reporting.support;

import org.mejora.envelope.Actor;
import org.mejora.envelope.EventEnvelope;
import org.mejora.evaluation.api.CompetenciesRated;
import org.mejora.evaluation.api.CompetencyRating;
import org.mejora.evaluation.api.CycleOpened;
import org.mejora.evaluation.api.EvaluationConsolidated;
import org.mejora.evaluation.api.EvaluationOpened;
import org.mejora.evaluation.api.FinalResultAccepted;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.Goal;
import org.mejora.evaluation.api.GoalCompliance;
import org.mejora.evaluation.api.GoalsAccepted;
import org.mejora.evaluation.api.GoalsApproved;
import org.mejora.evaluation.api.GoalsSubmitted;
import org.mejora.evaluation.api.ImprovementPlanRequired;
import org.mejora.evaluation.api.RatingLevel;
import org.mejora.evaluation.api.Score;
import org.mejora.evaluation.api.SelfEvaluationAccepted;
import org.mejora.evaluation.api.SelfEvaluationApproved;
import org.mejora.evaluation.api.SelfEvaluationSubmitted;
import org.mejora.evaluation.api.ServantAssigned;
import org.mejora.evaluation.api.Stage;
import org.mejora.evaluation.api.StageDeadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.mejora.reporting.support.SeedPlans.day;

/** A P-TH-10 cycle as evaluation-service publishes it: the cycle, its assignments, and each servant's evaluation. */
public final class SeedEvaluations {

    public static final Actor HR = EventStream.actor("thumano", "HR", "Profesional Especializado 2028-19");
    public static final Actor SUPERVISOR = EventStream.actor("jefe", "SUPERVISOR", "Jefe Inmediato");
    public static final List<RatingLevel> SCALE = List.of(
            new RatingLevel("No satisfactorio", BigDecimal.ZERO, new BigDecimal("65")),
            new RatingLevel("Satisfactorio", new BigDecimal("65"), new BigDecimal("90")),
            new RatingLevel("Sobresaliente", new BigDecimal("90"), new BigDecimal("100")));

    public final String cycleId = UUID.randomUUID().toString();
    private final String institution;
    private final EventStream cycle;
    private final List<EventEnvelope> cycleEvents = new ArrayList<>();

    public SeedEvaluations(String institution) {
        this.institution = institution;
        this.cycle = new EventStream("EvaluationCycle", cycleId, institution);
        cycleEvents.add(cycle.next(day("2023-01-15"), HR, new CycleOpened(cycleId, institution, 2023,
                "Evaluación de la gestión institucional 2023",
                List.of(new StageDeadline(Stage.FORMULATION, LocalDate.of(2023, 3, 31)),
                        new StageDeadline(Stage.SELF_EVALUATION_I, LocalDate.of(2023, 7, 31)),
                        new StageDeadline(Stage.SELF_EVALUATION_II, LocalDate.of(2024, 2, 28))),
                SCALE, new BigDecimal("0.8"), new BigDecimal("0.2"), "No satisfactorio",
                List.of("Orientación a resultados", "Trabajo en equipo"))));
    }

    public List<EventEnvelope> cycleEvents() {
        return cycleEvents;
    }

    /** An evaluation up to the step given: 0 opened, 1 goals submitted, 2 goals accepted, 3 consolidated. */
    public List<EventEnvelope> evaluation(String evaluationId, String servant, String name, int upTo,
                                         String finalScore, String level) {
        cycleEvents.add(cycle.next(day("2023-01-20"), HR, new ServantAssigned(cycleId, evaluationId, servant, name,
                "jefe", "Jefe Inmediato")));
        EventStream stream = new EventStream("Evaluation", evaluationId, institution);
        Actor servantActor = EventStream.actor(servant, "SERVANT", name);
        List<EventEnvelope> events = new ArrayList<>();
        events.add(stream.next(day("2023-01-20"), HR, new EvaluationOpened(evaluationId, cycleId, institution, 2023,
                servant, name, "jefe", "Jefe Inmediato", SCALE, new BigDecimal("0.8"), new BigDecimal("0.2"),
                "No satisfactorio", new BigDecimal("65"), List.of("Orientación a resultados"))));
        if (upTo >= 1) {
            events.add(stream.next(day("2023-02-10"), servantActor, new GoalsSubmitted(evaluationId,
                    List.of(new Goal(1, "Consolidar el plan de acción", "Informe", new BigDecimal("100"),
                            new BigDecimal("50"), new BigDecimal("100"))))));
        }
        if (upTo >= 2) {
            events.add(stream.next(day("2023-02-15"), SUPERVISOR, new GoalsApproved(evaluationId)));
            events.add(stream.next(day("2023-02-16"), servantActor, new GoalsAccepted(evaluationId)));
        }
        if (upTo >= 3) {
            Score score = new Score(new BigDecimal(finalScore), new BigDecimal(finalScore), new BigDecimal(finalScore),
                    level, new BigDecimal(finalScore).compareTo(new BigDecimal("65")) < 0);
            for (FollowUp followUp : FollowUp.values()) {
                events.add(stream.next(day(followUp == FollowUp.I ? "2023-07-10" : "2024-01-20"), servantActor,
                        new SelfEvaluationSubmitted(evaluationId, followUp,
                                List.of(new GoalCompliance(1, new BigDecimal(finalScore), "Informe de gestión")))));
                events.add(stream.next(day(followUp == FollowUp.I ? "2023-07-12" : "2024-01-22"), SUPERVISOR,
                        new SelfEvaluationApproved(evaluationId, followUp)));
                if (followUp == FollowUp.I) {
                    events.add(stream.next(day("2023-07-13"), servantActor,
                            new SelfEvaluationAccepted(evaluationId, followUp)));
                }
            }
            events.add(stream.next(day("2024-01-25"), SUPERVISOR, new CompetenciesRated(evaluationId,
                    List.of(new CompetencyRating("Orientación a resultados", new BigDecimal(finalScore), null)),
                    score)));
            events.add(stream.next(day("2024-01-26"), servantActor, new FinalResultAccepted(evaluationId, score)));
            events.add(stream.next(day("2024-02-05"), HR, new EvaluationConsolidated(evaluationId, cycleId, 2023,
                    servant, score)));
            if (score.belowThreshold()) {
                events.add(stream.next(day("2024-02-06"), HR, new ImprovementPlanRequired(evaluationId, cycleId,
                        institution, 2023, servant, name, "jefe", "Jefe Inmediato", score.finalScore(), level,
                        new BigDecimal("65"))));
            }
        }
        return events;
    }
}
