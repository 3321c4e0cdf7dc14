package org.mejora.reporting.notification;

import org.mejora.envelope.EnvelopeCodec;
import org.mejora.envelope.EventEnvelope;
import org.mejora.evaluation.api.EvaluationOpened;
import org.mejora.evaluation.api.EvaluationStepDeadlineNeared;
import org.mejora.evaluation.api.EvaluationStepOverdue;
import org.mejora.evaluation.api.ServantAssigned;
import org.mejora.plan.api.ActionAdded;
import org.mejora.plan.api.ActionBecameOverdue;
import org.mejora.plan.api.ActionDeadlineNeared;
import org.mejora.plan.api.ActionEdited;
import org.mejora.plan.api.ActionImplemented;
import org.mejora.plan.api.ActionResponsiblesAssigned;
import org.mejora.plan.api.PlanCreated;
import org.mejora.plan.api.PlanHeaderEdited;
import org.mejora.plan.api.PlanReviewed;
import org.mejora.plan.api.state.InstitutionTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one event means for reminders: it either teaches a fact (who owns a plan, who is responsible for an action,
 * who evaluates whom) or raises a notice, which goes to its recipients once each. Runs inside the consumer's
 * transaction, so the notifications, their outbox mail and the consumer's offsets commit together.
 */
@Component
class Decisions {

    private static final Logger log = LoggerFactory.getLogger(Decisions.class);

    private final Facts facts;
    private final People people;
    private final Notifications notifications;
    private final MailTexts texts;
    private final NotificationSettings settings;
    private final Clock clock;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    Decisions(Facts facts, People people, Notifications notifications, MailTexts texts, NotificationSettings settings,
              Clock clock) {
        this.facts = facts;
        this.people = people;
        this.notifications = notifications;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    void decide(EventEnvelope event) {
        switch (event.eventType()) {
            case "PlanCreated" -> {
                PlanCreated created = codec.payload(event, PlanCreated.class);
                facts.planCreated(created.planId(), institution(event, created.institutionId()), created.title(),
                        event.actor() == null ? null : event.actor().userId());
            }
            case "PlanHeaderEdited" -> {
                PlanHeaderEdited edited = codec.payload(event, PlanHeaderEdited.class);
                if (edited.title() != null) {
                    facts.planTitled(edited.planId(), edited.title());
                }
            }
            case "PlanReviewed" -> {
                PlanReviewed reviewed = codec.payload(event, PlanReviewed.class);
                String reviewer = reviewed.reviewer() != null && reviewed.reviewer().userId() != null
                        ? reviewed.reviewer().userId() : event.actor() == null ? null : event.actor().userId();
                facts.planReviewed(reviewed.planId(), reviewer);
            }
            case "ActionAdded" -> {
                ActionAdded added = codec.payload(event, ActionAdded.class);
                facts.action(added.actionId(), added.planId(), added.details().number(), added.details().name());
            }
            case "ActionEdited" -> {
                ActionEdited edited = codec.payload(event, ActionEdited.class);
                facts.action(edited.actionId(), edited.planId(), edited.details().number(), edited.details().name());
            }
            case "ActionResponsiblesAssigned" -> {
                ActionResponsiblesAssigned assigned = codec.payload(event, ActionResponsiblesAssigned.class);
                facts.responsibles(assigned.actionId(), assigned.planId(), assigned.userIds());
            }
            case "ActionDeadlineNeared" -> {
                ActionDeadlineNeared neared = codec.payload(event, ActionDeadlineNeared.class);
                Optional<Facts.Plan> plan = facts.plan(neared.planId());
                Set<String> to = new LinkedHashSet<>(responsibles(neared.actionId()));
                if (to.isEmpty()) {
                    plan.map(Facts.Plan::ownerId).ifPresent(to::add);
                }
                notify(event, actionNotice(Kind.ACTION_DUE_SOON, neared.planId(), neared.actionId(), neared.dueOn(),
                        neared.daysLeft(), plan), to, neared.on());
            }
            case "ActionBecameOverdue" -> {
                ActionBecameOverdue overdue = codec.payload(event, ActionBecameOverdue.class);
                Optional<Facts.Plan> plan = facts.plan(overdue.planId());
                Set<String> to = new LinkedHashSet<>(responsibles(overdue.actionId()));
                plan.map(Facts.Plan::ownerId).ifPresent(to::add);
                notify(event, actionNotice(Kind.ACTION_OVERDUE, overdue.planId(), overdue.actionId(),
                        overdue.dueOn(), 0, plan), to, overdue.on());
            }
            case "ActionImplemented" -> {
                ActionImplemented implemented = codec.payload(event, ActionImplemented.class);
                Optional<Facts.Plan> plan = facts.plan(implemented.planId());
                Set<String> to = new LinkedHashSet<>();
                plan.map(Facts.Plan::reviewerId).ifPresent(to::add);
                if (to.isEmpty()) {
                    people.withRole(institution(event, plan.map(Facts.Plan::institutionId).orElse(null)),
                            "PLAN_REVIEWER").forEach(person -> to.add(person.userId()));
                }
                LocalDate day = implemented.implementedOn() != null ? implemented.implementedOn() : dayOf(event);
                notify(event, actionNotice(Kind.VERIFICATION_WAITING, implemented.planId(), implemented.actionId(),
                        day, 0, plan), to, day);
            }
            case "EvaluationOpened" -> {
                EvaluationOpened opened = codec.payload(event, EvaluationOpened.class);
                facts.evaluation(opened.evaluationId(), institution(event, opened.institutionId()), opened.servantId(),
                        opened.servantName(), opened.supervisorId(), opened.supervisorName());
            }
            case "ServantAssigned" -> {
                ServantAssigned assigned = codec.payload(event, ServantAssigned.class);
                facts.evaluation(assigned.evaluationId(), event.institutionId(), assigned.servantId(),
                        assigned.servantName(), assigned.supervisorId(), assigned.supervisorName());
            }
            case "EvaluationStepDeadlineNeared" -> {
                EvaluationStepDeadlineNeared neared = codec.payload(event, EvaluationStepDeadlineNeared.class);
                Optional<Facts.Evaluation> evaluation = facts.evaluation(neared.evaluationId());
                notify(event, stepNotice(Kind.EVALUATION_STEP_DUE_SOON, neared.evaluationId(), name(neared.stage()),
                                name(neared.step()), neared.deadline(), neared.daysLeft(), evaluation),
                        servantAndSupervisor(evaluation), neared.on());
            }
            case "EvaluationStepOverdue" -> {
                EvaluationStepOverdue overdue = codec.payload(event, EvaluationStepOverdue.class);
                Optional<Facts.Evaluation> evaluation = facts.evaluation(overdue.evaluationId());
                String stage = name(overdue.stage());
                String step = name(overdue.step());
                notify(event, stepNotice(Kind.EVALUATION_STEP_OVERDUE, overdue.evaluationId(), stage, step,
                        overdue.deadline(), 0, evaluation), servantAndSupervisor(evaluation), overdue.on());
                String institution = institution(event, evaluation.map(Facts.Evaluation::institutionId).orElse(null));
                Set<String> hr = new LinkedHashSet<>();
                people.withRole(institution, "HR").forEach(person -> hr.add(person.userId()));
                notify(event, stepNotice(Kind.EVALUATION_STEP_LATE, overdue.evaluationId(), stage, step,
                        overdue.deadline(), 0, evaluation), hr, overdue.on());
            }
            default -> {
                // Every other event changes nothing anybody is reminded of.
            }
        }
    }

    /**
     * Records the notice for each recipient once; an urgent one is queued as mail in the same transaction, the
     * others wait for the recipient's digest. A fact already old when first read is only listed in the app.
     */
    private void notify(EventEnvelope event, Notice notice, Set<String> recipients, LocalDate on) {
        if (recipients.isEmpty()) {
            log.info("{} {} of {}: nobody to tell (no responsible, owner or reviewer known)", notice.kind(),
                    notice.subjectId(), event.eventId());
            return;
        }
        Instant now = Instant.now(clock);
        LocalDate today = InstitutionTime.today(clock);
        boolean stale = on != null && on.plusDays(settings.staleAfter().toDays()).isBefore(today);
        String institution = event.institutionId();
        for (String recipient : recipients) {
            Optional<Person> person = people.find(recipient);
            String mail = stale ? "STALE" : notice.kind().urgent()
                    ? person.filter(Person::mailable).isPresent() ? "URGENT_QUEUED" : "NO_ADDRESS"
                    : "DIGEST";
            notifications.record(notice, recipient, institution, mail, event.eventId(), now).ifPresent(line -> {
                if ("URGENT_QUEUED".equals(mail)) {
                    long outbox = notifications.enqueue(person.get(), texts.single(person.get(), line), now);
                    notifications.mailed(List.of(line.id()), mail, outbox);
                }
            });
        }
    }

    private Notice actionNotice(Kind kind, String planId, String actionId, LocalDate dueOn, int daysLeft,
                                Optional<Facts.Plan> plan) {
        Optional<Facts.Action> action = facts.action(actionId);
        String name = action.map(a -> a.number() == null ? a.name() : a.number() + ". " + a.name()).orElse(actionId);
        return new Notice(kind, "action", actionId, dueOn, daysLeft, planId, actionId, null, name,
                plan.map(Facts.Plan::title).orElse(""), null, null, "/plans/" + planId + "/actions/" + actionId);
    }

    private static Notice stepNotice(Kind kind, String evaluationId, String stage, String step, LocalDate deadline,
                                     int daysLeft, Optional<Facts.Evaluation> evaluation) {
        return new Notice(kind, "evaluation-step", evaluationId + "/" + stage + "/" + step, deadline, daysLeft, null,
                null, evaluationId, evaluation.map(Facts.Evaluation::servantName).orElse(""), "", stage, step,
                "/evaluations/" + evaluationId);
    }

    private List<String> responsibles(String actionId) {
        return facts.action(actionId).map(Facts.Action::responsibles).orElse(List.of());
    }

    private static Set<String> servantAndSupervisor(Optional<Facts.Evaluation> evaluation) {
        Set<String> to = new LinkedHashSet<>();
        evaluation.ifPresent(e -> {
            if (e.servantId() != null) {
                to.add(e.servantId());
            }
            if (e.supervisorId() != null) {
                to.add(e.supervisorId());
            }
        });
        return to;
    }

    private static String institution(EventEnvelope event, String fallback) {
        return event.institutionId() != null ? event.institutionId() : fallback;
    }

    private LocalDate dayOf(EventEnvelope event) {
        return InstitutionTime.dayOf(event.occurredAt(), clock.getZone());
    }

    private static String name(Enum<?> value) {
        return value == null ? "" : value.name();
    }
}
