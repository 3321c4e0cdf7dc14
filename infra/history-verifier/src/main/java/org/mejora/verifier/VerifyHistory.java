package org.mejora.verifier;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code infra/verify-history.sh}: exit 0 when the history holds, 1 naming the aggregate and sequence of the first
 * break, 2 when it could not be checked (arguments, connection).
 */
public final class VerifyHistory {

    static final String USAGE = """
            usage: verify-history.sh --jdbc URL [--user U] [--password P] [--kafka BOOTSTRAP --topic EVENTS_TOPIC
                                     [--checkpoint-topic TOPIC]] [--aggregate ID]... [--institution ID]
                                     [--public-key JWK_OR_PEM]
                   verify-history.sh --file HISTORY.json [--public-key JWK_OR_PEM]
              The password may come from MEJORA_VERIFY_DB_PASSWORD instead.""";

    private VerifyHistory() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            status = 2;
        } catch (Exception e) {
            System.err.println("verify-history: cannot check the history: " + e);
            status = 2;
        }
        System.exit(status);
    }

    /** The exit status of one run: 0 holds, 1 a break (printed), 2 could not check (thrown). */
    public static int run(String[] args) throws Exception {
        String jdbc = null;
        String user = null;
        String password = System.getenv("MEJORA_VERIFY_DB_PASSWORD");
        String kafka = null;
        String topic = null;
        String checkpointTopic = null;
        String file = null;
        String institution = null;
        String publicKey = null;
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--jdbc" -> jdbc = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--kafka" -> kafka = value;
                case "--topic" -> topic = value;
                case "--checkpoint-topic" -> checkpointTopic = value;
                case "--file" -> file = value;
                case "--aggregate" -> aggregates.add(value);
                case "--institution" -> institution = value;
                case "--public-key" -> publicKey = value;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            i++;
        }
        HistoryVerifier verifier = new HistoryVerifier();
        if (publicKey != null) {
            verifier.pin(Keys.publicJwk(Path.of(publicKey)));
        }
        if (file != null) {
            System.out.println("verify-history: offline file " + file);
            verifier.verifyFile(Path.of(file));
        } else if (jdbc != null) {
            if (kafka != null && topic == null) {
                throw new IllegalArgumentException("--kafka needs --topic");
            }
            HistoryVerifier.Scope scope = new HistoryVerifier.Scope(aggregates, institution);
            System.out.println("verify-history: store " + jdbc + (scope.everything() ? "" : " (scope: "
                    + (aggregates.isEmpty() ? "institution " + institution : aggregates.size() + " aggregates")
                    + ")"));
            try (Connection connection = DriverManager.getConnection(jdbc, user, password)) {
                verifier.verifyStore(connection, scope);
            }
            if (kafka != null) {
                verifier.verifyTopic(kafka, topic, scope.everything());
                if (checkpointTopic != null) {
                    verifier.verifyCheckpointTopic(kafka, checkpointTopic);
                }
            }
        } else {
            throw new IllegalArgumentException("give --jdbc or --file");
        }
        verifier.findings().print(System.out);
        return verifier.findings().holds() ? 0 : 1;
    }
}
