package org.mejora.verifier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.mejora.envelope.EventEnvelope;
import org.mejora.envelope.chain.ChainHeaders;
import org.mejora.envelope.chain.ChainJson;
import org.mejora.envelope.chain.ChainLink;
import org.mejora.envelope.chain.ChainVerifier;
import org.mejora.envelope.chain.ChainedEvent;
import org.mejora.envelope.chain.Checkpoint;
import org.mejora.envelope.chain.EventHash;
import org.mejora.envelope.chain.HistoryBreak;
import org.mejora.envelope.chain.HistoryBreak.Kind;
import org.mejora.envelope.chain.HistoryProof;
import org.mejora.envelope.chain.StoredEvents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Re-reads a producer's history and says whether it holds: every aggregate's chain recomputed from
 * {@code domain_event_entry} against {@code event_chain}; every signed checkpoint's signature, order and heads; every
 * record on the events topic against the chained event of its id and sequence; the published checkpoints against the
 * stored ones. Read-only.
 */
public final class HistoryVerifier {

    /** Which aggregates to check: all, some ids, or those of one institution. */
    public record Scope(List<String> aggregateIds, String institutionId) {

        public static Scope all() {
            return new Scope(List.of(), null);
        }

        public static Scope aggregates(List<String> ids) {
            return new Scope(List.copyOf(ids), null);
        }

        boolean everything() {
            return aggregateIds.isEmpty() && institutionId == null;
        }
    }

    /** The verdicts of the store stage, by aggregate, for the checkpoint and Kafka stages. */
    private final Map<String, ChainVerifier.AggregateVerdict> verdicts = new LinkedHashMap<>();
    private final Map<String, Map<Long, ChainLink>> links = new HashMap<>();
    private final Map<String, Set<Long>> storedSequences = new HashMap<>();
    private final Map<Long, Checkpoint> storedCheckpoints = new HashMap<>();
    private final Map<String, String> storedKeys = new HashMap<>();
    private final Findings findings = new Findings();
    private String pinnedJwk;

    public Findings findings() {
        return findings;
    }

    /** Stage 1: every chain of the scope, recomputed from the stored events. */
    public HistoryVerifier verifyStore(Connection connection, Scope scope) throws SQLException {
        long started = System.nanoTime();
        try (ResultSet table = connection.getMetaData().getTables(null, null, "event_chain", null)) {
            if (!table.next()) {
                throw new IllegalStateException("the store has no event_chain table: the service never ran with "
                        + "chaining (migration V10__event_chain)");
            }
        }
        String where = "";
        if (!scope.aggregateIds().isEmpty()) {
            where = " where coalesce(d.aggregate_identifier, c.aggregate_identifier) = any(?)";
        } else if (scope.institutionId() != null) {
            where = " where coalesce(d.aggregate_identifier, c.aggregate_identifier) in (select aggregate_identifier "
                    + "from domain_event_entry where convert_from(meta_data, 'UTF8')::jsonb ->> 'institutionId' = ?)";
        }
        String sql = "select coalesce(d.aggregate_identifier, c.aggregate_identifier), "
                + "coalesce(d.sequence_number, c.sequence_number), d.event_identifier, d.payload_type, d.type, "
                + "d.time_stamp, d.meta_data, d.payload, c.event_identifier, c.hash, c.previous_hash "
                + "from domain_event_entry d full outer join event_chain c "
                + "on c.aggregate_identifier = d.aggregate_identifier and c.sequence_number = d.sequence_number"
                + where + " order by 1, 2";
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // PostgreSQL streams a result set only inside a transaction
        connection.setReadOnly(true);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(5000);
            if (!scope.aggregateIds().isEmpty()) {
                Array ids = connection.createArrayOf("varchar", scope.aggregateIds().toArray());
                select.setArray(1, ids);
            } else if (scope.institutionId() != null) {
                select.setString(1, scope.institutionId());
            }
            try (ResultSet row = select.executeQuery()) {
                String current = null;
                List<ChainedEvent> events = new ArrayList<>();
                List<ChainLink> chain = new ArrayList<>();
                while (row.next()) {
                    String aggregate = row.getString(1);
                    if (!aggregate.equals(current)) {
                        finish(current, events, chain);
                        current = aggregate;
                        events = new ArrayList<>();
                        chain = new ArrayList<>();
                    }
                    long sequence = row.getLong(2);
                    if (row.getString(3) != null) {
                        events.add(StoredEvents.of(row.getString(3), row.getString(4), row.getString(5), aggregate,
                                sequence, ChainedEvent.millis(row.getString(6)), row.getBytes(7), row.getBytes(8)));
                    }
                    if (row.getString(9) != null) {
                        chain.add(new ChainLink(aggregate, sequence, row.getString(9), EventHash.hex(row.getBytes(10)),
                                EventHash.hex(row.getBytes(11))));
                    }
                }
                finish(current, events, chain);
            }
            readCheckpoints(connection);
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(autoCommit);
        }
        findings.storeSeconds = (System.nanoTime() - started) / 1e9;
        findings.note(String.format("store: %,d aggregates, %,d events (%,d not chained yet, in %,d aggregates "
                        + "stored before chaining began)", findings.aggregates, findings.events,
                findings.unchainedEvents, findings.unchainedAggregates));
        verifyStoredCheckpoints();
        return this;
    }

    private void finish(String aggregate, List<ChainedEvent> events, List<ChainLink> chain) {
        if (aggregate == null) {
            return;
        }
        ChainVerifier.AggregateVerdict verdict = ChainVerifier.verify(aggregate, events, chain);
        verdicts.put(aggregate, verdict);
        Map<Long, ChainLink> bySequence = new HashMap<>();
        chain.forEach(link -> bySequence.put(link.sequence(), link));
        links.put(aggregate, bySequence);
        Set<Long> sequences = new java.util.HashSet<>();
        events.forEach(e -> sequences.add(e.sequence()));
        storedSequences.put(aggregate, sequences);
        findings.aggregates++;
        findings.events += events.size();
        findings.unchainedEvents += verdict.unchained();
        if (verdict.unchained() > 0) {
            findings.unchainedAggregates++;
        }
        verdict.firstBreak().ifPresent(findings::add);
    }

    private void readCheckpoints(Connection connection) throws SQLException {
        try (PreparedStatement keys = connection.prepareStatement("select key_id, public_jwk from chain_signing_key");
             ResultSet row = keys.executeQuery()) {
            while (row.next()) {
                storedKeys.put(row.getString(1), row.getString(2));
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select number, jws, published from chain_checkpoint order by number");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                storedCheckpoints.put(row.getLong(1), Checkpoint.parse(row.getString(2)));
                if (row.getBoolean(3)) {
                    findings.publishedCheckpoints++;
                }
            }
        }
    }

    /** Pins the key every checkpoint must be signed with (the auditor's copy), instead of the store's own table. */
    public HistoryVerifier pin(String publicJwk) {
        this.pinnedJwk = publicJwk;
        return this;
    }

    /** Stage 2: signatures, numbering and heads of the stored checkpoints. */
    private void verifyStoredCheckpoints() {
        String previous = EventHash.GENESIS;
        long expected = 1;
        List<Long> numbers = new ArrayList<>(storedCheckpoints.keySet());
        numbers.sort(null);
        for (long number : numbers) {
            Checkpoint checkpoint = storedCheckpoints.get(number);
            findings.checkpoints++;
            String key = pinnedJwk != null ? pinnedJwk : storedKeys.get(checkpoint.keyId());
            if (number != expected) {
                findings.add(new HistoryBreak("checkpoint", expected, Kind.CHECKPOINT_INVALID,
                        "checkpoint " + expected + " is missing; the next stored is " + number));
            } else if (key == null || !checkpoint.verifiedBy(key)) {
                findings.add(new HistoryBreak("checkpoint", number, Kind.CHECKPOINT_INVALID,
                        "the signature of checkpoint " + number + " does not verify with key " + checkpoint.keyId()
                                + (pinnedJwk != null ? " (pinned key " + Keys.keyId(pinnedJwk) + ")" : "")));
            } else if (!checkpoint.previous().equals(previous) || checkpoint.number() != number) {
                findings.add(new HistoryBreak("checkpoint", number, Kind.CHECKPOINT_INVALID,
                        "checkpoint " + number + " does not name checkpoint " + (number - 1) + " as its previous"));
            } else {
                verifyHeads(checkpoint);
            }
            previous = checkpoint.hash();
            expected = number + 1;
        }
        findings.note(String.format("checkpoints: %,d stored (%,d published), keys %s", findings.checkpoints,
                findings.publishedCheckpoints, storedKeys.keySet()));
    }

    private void verifyHeads(Checkpoint checkpoint) {
        for (Checkpoint.Head head : checkpoint.heads()) {
            ChainVerifier.AggregateVerdict verdict = verdicts.get(head.aggregateId());
            if (verdict == null) {
                continue; // outside the scope, or checked below when the scope is everything
            }
            if (verdict.firstBreak().map(b -> b.sequence() <= head.sequence()).orElse(false)) {
                continue; // already reported at or before this head
            }
            Optional<String> hash = verdict.hashAt(head.sequence());
            if (hash.isEmpty()) {
                findings.add(new HistoryBreak(head.aggregateId(), verdict.hashes().size(), Kind.EVENT_MISSING,
                        "signed checkpoint " + checkpoint.number() + " covers sequence " + head.sequence()
                                + " but the stored chain ends before it"));
            } else if (!hash.get().equals(head.hash())) {
                findings.add(new HistoryBreak(head.aggregateId(), head.sequence(), Kind.CHECKPOINT_MISMATCH,
                        "signed checkpoint " + checkpoint.number() + " names hash " + head.hash()
                                + ", the recomputed chain " + hash.get()));
            }
        }
    }

    /** Stage 3: the topic's records of the scope against the chained events; unchained records are counted. */
    public HistoryVerifier verifyTopic(String bootstrap, String topic, boolean everything) {
        long[] counted = new long[2];
        read(bootstrap, topic, record -> {
            String aggregate = record.key();
            if (!verdicts.containsKey(aggregate) && !everything) {
                return;
            }
            counted[0]++;
            EventEnvelope envelope;
            try {
                envelope = ChainJson.MAPPER.readValue(record.value(), EventEnvelope.class);
            } catch (IOException e) {
                findings.add(new HistoryBreak(aggregate, -1, Kind.KAFKA_RECORD_REWRITTEN,
                        "record at " + record.partition() + "/" + record.offset() + " is not an event envelope"));
                return;
            }
            ChainLink link = links.getOrDefault(aggregate, Map.of()).get(envelope.sequence());
            if (link == null) {
                if (storedSequences.getOrDefault(aggregate, Set.of()).contains(envelope.sequence())) {
                    counted[1]++;
                } else {
                    findings.add(new HistoryBreak(aggregate, envelope.sequence(), Kind.KAFKA_RECORD_UNKNOWN,
                            "record " + envelope.eventId() + " at " + record.partition() + "/" + record.offset()
                                    + " is of no stored event"));
                }
                return;
            }
            ChainVerifier.verifyRecord(ChainedEvent.of(envelope), header(record, ChainHeaders.HASH), link)
                    .map(found -> new HistoryBreak(found.aggregateId(), found.sequence(), found.kind(),
                            found.detail() + " (record " + record.partition() + "/" + record.offset() + ")"))
                    .ifPresent(findings::add);
        });
        findings.records = counted[0];
        findings.unchainedRecords = counted[1];
        findings.note(String.format("topic %s: %,d records of the scope (%,d published before chaining began, "
                + "checked by content where their event is chained)", topic, counted[0], counted[1]));
        return this;
    }

    /** Stage 4: every published checkpoint signed by one of the store's keys is the stored one. */
    public HistoryVerifier verifyCheckpointTopic(String bootstrap, String topic) {
        long[] counted = new long[1];
        read(bootstrap, topic, record -> {
            Checkpoint published;
            try {
                published = Checkpoint.parse(ChainJson.MAPPER.readTree(record.value()).path("jws").asText());
            } catch (IOException | IllegalArgumentException e) {
                return; // not a checkpoint of this format: nothing it could prove or disprove
            }
            if (!storedKeys.containsKey(published.keyId()) || !published.verifiedBy(storedKeys.get(published.keyId()))) {
                return; // another store's checkpoint (the topic is shared by every instance of the producer)
            }
            counted[0]++;
            Checkpoint stored = storedCheckpoints.get(published.number());
            if (stored == null || !stored.jws().equals(published.jws())) {
                findings.add(new HistoryBreak("checkpoint", published.number(), Kind.CHECKPOINT_INVALID,
                        "published checkpoint " + published.number() + " (record " + record.partition() + "/"
                                + record.offset() + ") is " + (stored == null ? "missing from" : "not the one in")
                                + " the store"));
                // The published copy is the evidence now: the store must still reach the heads it signed.
                verifyHeads(published);
            }
        });
        findings.note(String.format("topic %s: %,d checkpoints signed by this store's keys", topic, counted[0]));
        return this;
    }

    /** Offline: one aggregate's downloaded history with its proofs. */
    public HistoryVerifier verifyFile(Path file) throws IOException {
        HistoryProof proof = ChainJson.MAPPER.readValue(file.toFile(), HistoryProof.class);
        long started = System.nanoTime();
        ChainVerifier.AggregateVerdict verdict = ChainVerifier.verify(proof.aggregateId(), proof.chainedEvents(),
                proof.links());
        findings.storeSeconds = (System.nanoTime() - started) / 1e9;
        findings.aggregates = 1;
        findings.events = verdict.events();
        findings.unchainedEvents = verdict.unchained();
        verdict.firstBreak().ifPresent(findings::add);
        findings.note(String.format("file %s: %s %s, %d events (%d not chained)", file, proof.aggregateType(),
                proof.aggregateId(), verdict.events(), verdict.unchained()));
        if (proof.checkpoint() == null) {
            findings.note("no signed checkpoint covers this history yet: only its chain was checked");
            return this;
        }
        HistoryProof.CheckpointProof covering = proof.checkpoint();
        Checkpoint checkpoint = Checkpoint.parse(covering.jws());
        String key = pinnedJwk != null ? pinnedJwk : covering.publicJwk();
        findings.checkpoints = 1;
        if (!checkpoint.verifiedBy(key)) {
            findings.add(new HistoryBreak(proof.aggregateId(), covering.coversSequence(), Kind.CHECKPOINT_INVALID,
                    "the signature of checkpoint " + checkpoint.number() + " does not verify with key "
                            + Keys.keyId(key)));
            return this;
        }
        Optional<Checkpoint.Head> head = checkpoint.heads().stream()
                .filter(h -> h.aggregateId().equals(proof.aggregateId())).findFirst();
        if (head.isEmpty()) {
            findings.add(new HistoryBreak(proof.aggregateId(), covering.coversSequence(), Kind.CHECKPOINT_MISMATCH,
                    "checkpoint " + checkpoint.number() + " does not name this aggregate"));
        } else if (verdict.firstBreak().isEmpty()
                || verdict.firstBreak().get().sequence() > head.get().sequence()) {
            Optional<String> hash = verdict.hashAt(head.get().sequence());
            if (hash.isEmpty()) {
                findings.add(new HistoryBreak(proof.aggregateId(), verdict.hashes().size(), Kind.EVENT_MISSING,
                        "checkpoint " + checkpoint.number() + " covers sequence " + head.get().sequence()
                                + " but the file's history ends before it"));
            } else if (!hash.get().equals(head.get().hash())) {
                findings.add(new HistoryBreak(proof.aggregateId(), head.get().sequence(), Kind.CHECKPOINT_MISMATCH,
                        "checkpoint " + checkpoint.number() + " names hash " + head.get().hash()
                                + ", the file's chain " + hash.get()));
            }
        }
        findings.note(String.format("checkpoint %d signed %s by key %s covers sequence %d%s", checkpoint.number(),
                checkpoint.createdAt(), checkpoint.keyId(), head.map(Checkpoint.Head::sequence).orElse(-1L),
                pinnedJwk != null ? " (pinned key)" : " (key from the file: compare its id with the producer's)"));
        return this;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    /** Every record of the topic up to its end when the read starts; no consumer group, nothing committed. */
    private static void read(String bootstrap, String topic,
                             java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, "history-verifier-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition)) {
                        each.accept(record);
                    }
                }
            }
        }
    }
}
