package org.mejora.envelope.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hash chain in the producer's database: {@code event_chain} (one link per event) and {@code chain_head} (each
 * aggregate's last link and the part of it a checkpoint already covers). Plain JDBC on the caller's connection, so that
 * links are written in the transaction that stores their events.
 */
public final class EventChain {

    /**
     * Links the events just stored (in their order; several may belong to one aggregate) to their aggregates' chains.
     * An aggregate whose earlier events were stored before chaining began is first chained from its stored events.
     */
    public List<ChainLink> append(Connection connection, List<ChainedEvent> events) throws SQLException {
        Map<String, ChainLink> heads = new HashMap<>();
        List<ChainLink> links = new ArrayList<>(events.size());
        for (ChainedEvent event : events) {
            String previous;
            if (event.sequence() == 0) {
                previous = EventHash.GENESIS;
            } else {
                ChainLink head = heads.get(event.aggregateId());
                if (head == null || head.sequence() != event.sequence() - 1) {
                    head = link(connection, event.aggregateId(), event.sequence() - 1)
                            .orElseGet(() -> catchUp(connection, event.aggregateId(), event.sequence() - 1));
                }
                previous = head.hash();
            }
            ChainLink link = new ChainLink(event.aggregateId(), event.sequence(), event.eventId(), event.hash(previous),
                    previous);
            heads.put(event.aggregateId(), link);
            links.add(link);
        }
        insert(connection, links, false);
        return links;
    }

    public Optional<ChainLink> link(Connection connection, String aggregateId, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select event_identifier, hash, previous_hash "
                + "from event_chain where aggregate_identifier = ? and sequence_number = ?")) {
            select.setString(1, aggregateId);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new ChainLink(aggregateId, sequence, row.getString(1),
                        EventHash.hex(row.getBytes(2)), EventHash.hex(row.getBytes(3))))
                        : Optional.empty();
            }
        }
    }

    public Optional<ChainLink> linkOfEvent(Connection connection, String eventId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select aggregate_identifier, sequence_number, "
                + "hash, previous_hash from event_chain where event_identifier = ?")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new ChainLink(row.getString(1), row.getLong(2), eventId,
                        EventHash.hex(row.getBytes(3)), EventHash.hex(row.getBytes(4))))
                        : Optional.empty();
            }
        }
    }

    /** Every link of one aggregate, by sequence. */
    public List<ChainLink> links(Connection connection, String aggregateId) throws SQLException {
        List<ChainLink> links = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select sequence_number, event_identifier, hash, "
                + "previous_hash from event_chain where aggregate_identifier = ? order by sequence_number")) {
            select.setString(1, aggregateId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    links.add(new ChainLink(aggregateId, row.getLong(1), row.getString(2),
                            EventHash.hex(row.getBytes(3)), EventHash.hex(row.getBytes(4))));
                }
            }
        }
        return links;
    }

    /** Every stored event of one aggregate, by sequence. */
    public List<ChainedEvent> storedEvents(Connection connection, String aggregateId) throws SQLException {
        List<ChainedEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + StoredEvents.COLUMNS
                + " from domain_event_entry where aggregate_identifier = ? order by sequence_number")) {
            select.setString(1, aggregateId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(StoredEvents.read(row));
                }
            }
        }
        return events;
    }

    /**
     * Chains up to {@code limit} aggregates whose events were all stored before chaining was enabled, so that the next
     * checkpoint covers them too. Their links are computed now, from the stored events: they vouch for the history
     * from this moment on. Answers how many aggregates it chained.
     */
    public int backfill(Connection connection, int limit) throws SQLException {
        Map<String, Long> unchained = new java.util.LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select d.aggregate_identifier, "
                + "max(d.sequence_number) from domain_event_entry d where not exists (select 1 from chain_head h "
                + "where h.aggregate_identifier = d.aggregate_identifier) group by d.aggregate_identifier limit ?")) {
            select.setInt(1, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    unchained.put(row.getString(1), row.getLong(2));
                }
            }
        }
        unchained.forEach((aggregate, last) -> catchUp(connection, aggregate, last));
        return unchained.size();
    }

    /** Chains an aggregate's events 0..upTo that were stored before chaining was enabled; answers the link at upTo. */
    private ChainLink catchUp(Connection connection, String aggregateId, long upTo) {
        try {
            Map<Long, ChainLink> existing = new HashMap<>();
            for (ChainLink link : links(connection, aggregateId)) {
                existing.put(link.sequence(), link);
            }
            List<ChainLink> missing = new ArrayList<>();
            String previous = EventHash.GENESIS;
            ChainLink last = null;
            for (ChainedEvent event : storedEvents(connection, aggregateId)) {
                if (event.sequence() > upTo) {
                    break;
                }
                ChainLink link = existing.get(event.sequence());
                if (link == null) {
                    link = new ChainLink(aggregateId, event.sequence(), event.eventId(), event.hash(previous),
                            previous);
                    missing.add(link);
                }
                previous = link.hash();
                last = link;
            }
            if (last == null || last.sequence() != upTo) {
                throw new IllegalStateException("aggregate " + aggregateId + " has no stored event " + upTo);
            }
            insert(connection, missing, true);
            return last;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot chain the earlier events of " + aggregateId, e);
        }
    }

    /**
     * @param mayExist links computed again from stored events (catching up) are the same bytes whoever computes them:
     *                 another transaction's copy is kept. A link of a new event must be new.
     */
    private static void insert(Connection connection, List<ChainLink> links, boolean mayExist) throws SQLException {
        if (links.isEmpty()) {
            return;
        }
        try (PreparedStatement link = connection.prepareStatement("insert into event_chain (aggregate_identifier, "
                + "sequence_number, event_identifier, hash, previous_hash) values (?, ?, ?, ?, ?)"
                + (mayExist ? " on conflict do nothing" : ""));
             PreparedStatement head = connection.prepareStatement("insert into chain_head (aggregate_identifier, "
                     + "sequence_number, hash) values (?, ?, ?) on conflict (aggregate_identifier) do update "
                     + "set sequence_number = excluded.sequence_number, hash = excluded.hash "
                     + "where chain_head.sequence_number < excluded.sequence_number")) {
            Map<String, ChainLink> lastOfAggregate = new HashMap<>();
            for (ChainLink each : links) {
                link.setString(1, each.aggregateId());
                link.setLong(2, each.sequence());
                link.setString(3, each.eventId());
                link.setBytes(4, EventHash.raw(each.hash()));
                link.setBytes(5, EventHash.raw(each.previousHash()));
                link.addBatch();
                lastOfAggregate.merge(each.aggregateId(), each, (a, b) -> a.sequence() > b.sequence() ? a : b);
            }
            link.executeBatch();
            for (ChainLink each : lastOfAggregate.values()) {
                head.setString(1, each.aggregateId());
                head.setLong(2, each.sequence());
                head.setBytes(3, EventHash.raw(each.hash()));
                head.addBatch();
            }
            head.executeBatch();
        }
    }
}
