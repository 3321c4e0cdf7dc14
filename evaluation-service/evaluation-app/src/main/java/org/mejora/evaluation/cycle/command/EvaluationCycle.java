package org.mejora.evaluation.cycle.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.spring.stereotype.Aggregate;
import org.mejora.envelope.EventMetadata;
import org.mejora.evaluation.api.CycleOpened;
import org.mejora.evaluation.api.RatingLevel;
import org.mejora.evaluation.api.ServantAssigned;
import org.mejora.evaluation.api.Stage;
import org.mejora.evaluation.api.StageClosed;
import org.mejora.evaluation.api.StageDeadline;
import org.mejora.evaluation.api.YearConsolidated;
import org.mejora.evaluation.evaluation.command.OpenEvaluationCommand;
import org.mejora.evaluation.rules.Require;
import org.mejora.evaluation.rules.RowsRejected;
import org.mejora.contract.RuleViolation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The yearly evaluation cycle of an institution (P-TH-10): its stages and deadlines, its rating scale, the weights
 * of goals and competencies, and which supervisor evaluates each servant.
 */
@Aggregate
class EvaluationCycle {

    private static final int MAX_TEXT = 300;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String cycleId;
    private String institutionId;
    private int year;
    private List<RatingLevel> scale;
    private BigDecimal goalsWeight;
    private BigDecimal competenciesWeight;
    private String thresholdLevel;
    private List<String> competencies;
    private final Set<Stage> closedStages = EnumSet.noneOf(Stage.class);
    private final Map<String, String> supervisorOfServant = new HashMap<>();
    private boolean consolidated;

    EvaluationCycle() {
        // for Axon
    }

    @CommandHandler
    EvaluationCycle(OpenCycleCommand command) {
        if (command.year() < 2000 || command.year() > 2100) {
            throw RuleViolation.invalid("cycle.year-invalid", "year", command.year());
        }
        List<StageDeadline> stages = validStages(command.stages());
        List<RatingLevel> levels = validScale(command.scale());
        BigDecimal goals = Require.percent(command.goalsWeight(), "goalsWeight");
        BigDecimal competencyWeight = Require.percent(command.competenciesWeight(), "competenciesWeight");
        Require.sumsToHundred(goals.add(competencyWeight), "competenciesWeight");
        String threshold = Require.text(command.thresholdLevel(), "thresholdLevel");
        if (levels.stream().noneMatch(level -> level.name().equals(threshold))) {
            throw RuleViolation.invalid("cycle.threshold-not-in-scale", "thresholdLevel", threshold);
        }
        List<String> rated = validCompetencies(command.competencies(), competencyWeight);
        apply(new CycleOpened(command.cycleId(), Require.text(command.institutionId(), "institutionId"),
                command.year(), name(command), stages, levels, goals, competencyWeight, threshold, rated));
    }

    /**
     * All rows or none: every bad row is reported at once. A servant already assigned to the same supervisor is
     * accepted again without a new event, so a repeated upload is harmless; another supervisor is a rejected row.
     */
    @CommandHandler
    List<OpenEvaluationCommand> handle(AssignServantsCommand command,
                                       @MetaDataValue(EventMetadata.INSTITUTION_ID) String actingInstitution) {
        requireSameInstitution(actingInstitution);
        if (consolidated) {
            throw RuleViolation.illegalTransition("cycle.already-consolidated");
        }
        if (command.assignments() == null || command.assignments().isEmpty()) {
            throw RuleViolation.invalid("assignments.empty", "assignments");
        }
        List<RowsRejected.Row> rejected = new ArrayList<>();
        Set<String> inRequest = new HashSet<>();
        for (int i = 0; i < command.assignments().size(); i++) {
            int row = i + 1;
            rowError(command.assignments().get(i), inRequest)
                    .ifPresent(rule -> rejected.add(new RowsRejected.Row(row, rule, row)));
        }
        if (!rejected.isEmpty()) {
            throw new RowsRejected(rejected);
        }
        List<OpenEvaluationCommand> evaluations = new ArrayList<>();
        for (Assignment assignment : command.assignments()) {
            String servantId = assignment.servantId().strip();
            String evaluationId = EvaluationIds.of(cycleId, servantId);
            if (!supervisorOfServant.containsKey(servantId)) {
                apply(new ServantAssigned(cycleId, evaluationId, servantId, assignment.servantName().strip(),
                        assignment.supervisorId().strip(), assignment.supervisorName().strip()));
            }
            evaluations.add(new OpenEvaluationCommand(evaluationId, cycleId, institutionId, year, servantId,
                    assignment.servantName().strip(), assignment.supervisorId().strip(),
                    assignment.supervisorName().strip(), scale, goalsWeight, competenciesWeight, thresholdLevel,
                    threshold(), competencies));
        }
        return evaluations;
    }

    /** As long as the stage's close_reason column in the cycle views (V2). */
    private static final int MAX_REASON = 2000;

    @CommandHandler
    void handle(CloseStageCommand command, @MetaDataValue(EventMetadata.INSTITUTION_ID) String actingInstitution) {
        requireSameInstitution(actingInstitution);
        if (command.stage() == null) {
            throw RuleViolation.invalid("field.required", "stage", "stage");
        }
        if (closedStages.contains(command.stage())) {
            throw RuleViolation.illegalTransition("stage.already-closed", command.stage());
        }
        if (command.reason() != null && command.reason().strip().length() > MAX_REASON) {
            throw RuleViolation.invalid("field.too-long", "reason", "reason", MAX_REASON);
        }
        apply(new StageClosed(cycleId, command.stage(),
                command.reason() == null || command.reason().isBlank() ? null : command.reason().strip()));
    }

    /** The year is consolidated once; asking again changes nothing, so HR can retry a consolidation safely. */
    @CommandHandler
    void handle(ConsolidateYearCommand command,
                @MetaDataValue(EventMetadata.INSTITUTION_ID) String actingInstitution) {
        requireSameInstitution(actingInstitution);
        if (!consolidated) {
            apply(new YearConsolidated(cycleId, year));
        }
    }

    @EventSourcingHandler
    void on(CycleOpened event) {
        cycleId = event.cycleId();
        institutionId = event.institutionId();
        year = event.year();
        scale = event.scale();
        goalsWeight = event.goalsWeight();
        competenciesWeight = event.competenciesWeight();
        thresholdLevel = event.thresholdLevel();
        competencies = event.competencies();
    }

    @EventSourcingHandler
    void on(ServantAssigned event) {
        supervisorOfServant.put(event.servantId(), event.supervisorId());
    }

    @EventSourcingHandler
    void on(StageClosed event) {
        closedStages.add(event.stage());
    }

    @EventSourcingHandler
    void on(YearConsolidated event) {
        consolidated = true;
    }

    /** A cycle of another institution does not exist for the caller. */
    private void requireSameInstitution(String actingInstitution) {
        if (!institutionId.equals(actingInstitution)) {
            throw new AggregateNotFoundException(cycleId, "cycle of another institution");
        }
    }

    private Optional<String> rowError(Assignment row, Set<String> inRequest) {
        if (row == null || blank(row.servantId()) || blank(row.servantName()) || blank(row.supervisorId())
                || blank(row.supervisorName())) {
            return Optional.of("assignments.row-incomplete");
        }
        String servantId = row.servantId().strip();
        if (servantId.equals(row.supervisorId().strip())) {
            return Optional.of("assignments.self-supervision");
        }
        if (!inRequest.add(servantId)) {
            return Optional.of("assignments.duplicate-servant");
        }
        String assigned = supervisorOfServant.get(servantId);
        if (assigned != null && !assigned.equals(row.supervisorId().strip())) {
            return Optional.of("assignments.already-assigned");
        }
        return Optional.empty();
    }

    /** The score under which a plan is required: the lower bound of the threshold level. */
    private BigDecimal threshold() {
        return scale.stream().filter(level -> level.name().equals(thresholdLevel)).findFirst()
                .orElseThrow().minScore();
    }

    private static List<StageDeadline> validStages(List<StageDeadline> stages) {
        if (stages == null) {
            throw RuleViolation.invalid("field.required", "stages", "stages");
        }
        Map<Stage, StageDeadline> byStage = new HashMap<>();
        for (StageDeadline stage : stages) {
            if (stage == null || stage.stage() == null || stage.deadline() == null) {
                throw RuleViolation.invalid("cycle.stage-incomplete", "stages");
            }
            if (byStage.put(stage.stage(), stage) != null) {
                throw RuleViolation.invalid("cycle.stage-repeated", "stages", stage.stage());
            }
        }
        List<StageDeadline> ordered = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            StageDeadline deadline = byStage.get(stage);
            if (deadline == null) {
                throw RuleViolation.invalid("cycle.stage-missing", "stages", stage);
            }
            if (!ordered.isEmpty() && deadline.deadline().isBefore(ordered.get(ordered.size() - 1).deadline())) {
                throw RuleViolation.invalid("cycle.deadlines-out-of-order", "stages", stage);
            }
            ordered.add(deadline);
        }
        return List.copyOf(ordered);
    }

    /** Levels that cover 0 to 100 without gaps or overlaps, from the lowest to the highest. */
    private static List<RatingLevel> validScale(List<RatingLevel> levels) {
        if (levels == null || levels.size() < 2) {
            throw RuleViolation.invalid("scale.too-few-levels", "scale");
        }
        Set<String> names = new HashSet<>();
        for (RatingLevel level : levels) {
            if (level == null || blank(level.name()) || level.minScore() == null || level.maxScore() == null) {
                throw RuleViolation.invalid("scale.level-incomplete", "scale");
            }
            Require.percent(level.minScore(), "scale");
            Require.percent(level.maxScore(), "scale");
            if (level.minScore().compareTo(level.maxScore()) >= 0) {
                throw RuleViolation.invalid("scale.empty-range", "scale", level.name());
            }
            if (!names.add(level.name().strip())) {
                throw RuleViolation.invalid("scale.level-repeated", "scale", level.name());
            }
        }
        List<RatingLevel> ordered = levels.stream()
                .map(level -> new RatingLevel(level.name().strip(), level.minScore(), level.maxScore()))
                .sorted(Comparator.comparing(RatingLevel::minScore)).toList();
        RatingLevel top = ordered.get(ordered.size() - 1);
        if (ordered.get(0).minScore().signum() != 0 || top.maxScore().compareTo(HUNDRED) != 0) {
            throw RuleViolation.invalid("scale.must-cover-0-100", "scale");
        }
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).minScore().compareTo(ordered.get(i - 1).maxScore()) != 0) {
                throw RuleViolation.invalid("scale.gap-or-overlap", "scale", ordered.get(i).name());
            }
        }
        return ordered;
    }

    private static List<String> validCompetencies(List<String> competencies, BigDecimal weight) {
        List<String> names = competencies == null ? List.of() : competencies.stream()
                .map(name -> Require.text(name, "competencies")).toList();
        if (names.size() != new HashSet<>(names).size()) {
            throw RuleViolation.invalid("cycle.competency-repeated", "competencies");
        }
        if (weight.signum() > 0 && names.isEmpty()) {
            throw RuleViolation.invalid("cycle.competencies-required", "competencies");
        }
        return names;
    }

    private static String name(OpenCycleCommand command) {
        String name = blank(command.name())
                ? "Evaluación de la gestión institucional " + command.year() : command.name().strip();
        if (name.length() > MAX_TEXT) {
            throw RuleViolation.invalid("field.too-long", "name", "name", MAX_TEXT);
        }
        return name;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
