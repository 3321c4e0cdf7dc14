package org.mejora.system.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import org.mejora.testing.Api;
import org.mejora.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a fault must not have done, read back through the gateway once the system has recovered: every acknowledged
 * command is in its producer and in reporting, no projection holds an event twice, every required individual plan
 * was opened exactly once, and reporting's reconciliation finds no difference from the producers.
 */
final class ChaosChecks {

    /** The findings of one round; clean when every count is 0 and the individual plans all opened once. */
    record Findings(int lostInProducer, int lostInReporting, int duplicates, int individualRequired,
                    int individualOpenedOnce, int reconciliationDifferences, String firstProblem) {

        boolean clean() {
            return lostInProducer == 0 && lostInReporting == 0 && duplicates == 0
                    && individualOpenedOnce == individualRequired && reconciliationDifferences == 0;
        }
    }

    private final Api auditor;
    private final Api platform;
    private final String institution;

    ChaosChecks(String gatewayUrl, String institution) {
        this.institution = institution;
        this.auditor = Api.at(gatewayUrl).bearer(TestTokens.token("chaos-auditor", institution, "AUDITOR"));
        this.platform = Api.at(gatewayUrl).bearer(TestTokens.token("chaos-operator", "platform", "PLATFORM_ADMIN"));
    }

    /** The checks, repeated until clean or until {@code within} has passed (reporting is eventually consistent). */
    Findings awaitClean(WriteBurst.Ledger ledger, Duration within) {
        Instant deadline = Instant.now().plus(within);
        Findings findings;
        do {
            try {
                findings = check(ledger);
            } catch (RuntimeException | AssertionError notAnsweringYet) {
                findings = new Findings(-1, -1, -1, -1, 0, -1, String.valueOf(notAnsweringYet));
            }
            if (findings.clean()) {
                return findings;
            }
            ChaosCluster.sleep(2000);
        } while (Instant.now().isBefore(deadline));
        return findings;
    }

    /** The id plan-service gives the individual plan of an evaluation (IndividualPlanIntake.planIdOf). */
    static String individualPlanId(String evaluationId) {
        return UUID.nameUUIDFromBytes(("individual-plan:" + evaluationId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Findings check(WriteBurst.Ledger ledger) {
        int lostInProducer = 0;
        int lostInReporting = 0;
        int duplicates = 0;
        String[] first = {null};
        Map<String, String> planBodies = new HashMap<>();
        for (Map.Entry<String, AtomicInteger> plan : ledger.plans.entrySet()) {
            Api.Response answer = auditor.get("/api/plans/" + plan.getKey());
            if (answer.status() != 200) {
                lostInProducer += plan.getValue().get();
                note(first, "plan " + plan.getKey() + " answers " + answer.status());
                continue;
            }
            planBodies.put(plan.getKey(), answer.text());
            long events = Long.parseLong(answer.header("ETag").replace("\"", "").replace("W/", "")) + 1;
            if (events < plan.getValue().get()) {
                lostInProducer += plan.getValue().get() - (int) events;
                note(first, "plan " + plan.getKey() + " holds " + events + " events for "
                        + plan.getValue().get() + " acknowledged commands");
            }
            History history = history("/api/reports/plans/" + plan.getKey() + "/history?size=200");
            duplicates += history.duplicates;
            if (history.sequences < events) {
                lostInReporting += (int) (events - history.sequences);
                note(first, "reporting holds " + history.sequences + " of the " + events + " events of plan "
                        + plan.getKey());
            }
        }
        for (Map.Entry<String, String> action : ledger.actions.entrySet()) {
            String body = planBodies.get(action.getValue());
            if (body != null && !body.contains(action.getKey())) {
                lostInProducer++;
                note(first, "action " + action.getKey() + " is not in plan " + action.getValue());
            }
        }
        for (Map.Entry<String, AtomicInteger> evaluation : ledger.evaluations.entrySet()) {
            Api.Response answer = auditor.get("/api/evaluations/" + evaluation.getKey());
            if (answer.status() != 200) {
                lostInProducer += evaluation.getValue().get();
                note(first, "evaluation " + evaluation.getKey() + " answers " + answer.status());
                continue;
            }
            String status = answer.json().get("status").asText();
            String acknowledged = ledger.evaluationStatus.get(evaluation.getKey());
            boolean consolidated = ledger.consolidated.containsKey(evaluation.getKey());
            List<String> walk = WriteBurst.EVALUATION_WALK;
            boolean oneStepPastAnUnansweredCommand = ledger.unanswered.contains(evaluation.getKey())
                    && walk.indexOf(status) == walk.indexOf(acknowledged) + 1;
            if (!status.equals(acknowledged) && !(consolidated && status.equals("CONSOLIDATED"))
                    && !oneStepPastAnUnansweredCommand) {
                lostInProducer++;
                note(first, "evaluation " + evaluation.getKey() + " is " + status + ", acknowledged " + acknowledged);
            }
            History history = history("/api/reports/history/evaluations/" + evaluation.getKey() + "?size=200");
            duplicates += history.duplicates;
            if (history.sequences < evaluation.getValue().get()) {
                lostInReporting += evaluation.getValue().get() - history.sequences;
                note(first, "reporting holds " + history.sequences + " events of evaluation " + evaluation.getKey()
                        + " for " + evaluation.getValue().get() + " acknowledged commands");
            }
        }
        // Individual plans: one per consolidated result under the threshold, never two for a servant.
        int required = 0;
        int openedOnce = 0;
        Map<String, Integer> perServant = new HashMap<>();
        JsonNode individual = auditor.get("/api/plans?kind=INDIVIDUAL&size=200").json().get("items");
        individual.forEach(plan -> perServant.merge(plan.get("servantId").asText(), 1, Integer::sum));
        Set<String> servantsTwice = new HashSet<>();
        perServant.forEach((servant, count) -> {
            if (count > 1) {
                servantsTwice.add(servant);
            }
        });
        duplicates += servantsTwice.size();
        if (!servantsTwice.isEmpty()) {
            note(first, "servants with two individual plans: " + servantsTwice);
        }
        for (String evaluationId : ledger.consolidated.keySet()) {
            JsonNode evaluation = auditor.get("/api/evaluations/" + evaluationId).json();
            if (!evaluation.path("improvementPlanRequired").asBoolean()) {
                continue;
            }
            required++;
            String planId = individualPlanId(evaluationId);
            Api.Response plan = auditor.get("/api/plans/" + planId);
            boolean once = plan.status() == 200
                    && perServant.getOrDefault(evaluation.get("servantId").asText(), 0) == 1
                    && history("/api/reports/plans/" + planId + "/history?size=200").creations == 1;
            if (once) {
                openedOnce++;
            } else {
                note(first, "individual plan " + planId + " of evaluation " + evaluationId + ": " + plan.status());
            }
        }
        Api.Response reconciliation = platform.get("/api/reports/reconciliation?institutionId=" + institution);
        int differences;
        if (reconciliation.status() != 200) {
            differences = -1;
            note(first, "reconciliation answers " + reconciliation);
        } else {
            differences = reconciliation.json().get("differences").size();
            if (differences > 0) {
                note(first, "reconciliation: " + reconciliation.json().get("differences").get(0));
            }
        }
        return new Findings(lostInProducer, lostInReporting, duplicates, required, openedOnce, differences, first[0]);
    }

    private record History(int sequences, int duplicates, int creations) {
    }

    /** Distinct events (by sequence), rows held twice (same event and entity), and creations (sequence 0). */
    private History history(String path) {
        Api.Response answer = auditor.get(path);
        if (answer.status() != 200) {
            return new History(0, 0, 0);
        }
        Set<Long> sequences = new HashSet<>();
        Set<String> rows = new HashSet<>();
        int duplicates = 0;
        int creations = 0;
        for (JsonNode entry : answer.json().get("items")) {
            long sequence = entry.get("sequence").asLong();
            sequences.add(sequence);
            if (!rows.add(sequence + "/" + entry.get("entityType").asText() + "/" + entry.get("entityId").asText())) {
                duplicates++;
            }
            if (sequence == 0 && entry.get("entityType").asText().equalsIgnoreCase("plan")) {
                creations++;
            }
        }
        return new History(sequences.size(), duplicates, creations);
    }

    private static void note(String[] first, String problem) {
        if (first[0] == null) {
            first[0] = problem;
        }
    }
}
