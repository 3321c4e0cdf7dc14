package org.mejora.envelope.chain;

import org.junit.jupiter.api.Test;
import org.mejora.envelope.Actor;
import org.mejora.envelope.chain.HistoryBreak.Kind;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {

    private final List<ChainedEvent> events = new ArrayList<>();
    private final List<ChainLink> links = new ArrayList<>();

    ChainVerifierTest() throws Exception {
        String previous = EventHash.GENESIS;
        for (int sequence = 0; sequence < 4; sequence++) {
            ChainedEvent event = event(sequence, "{\"title\":\"v" + sequence + "\"}");
            events.add(event);
            links.add(new ChainLink("a", sequence, event.eventId(), event.hash(previous), previous));
            previous = event.hash(previous);
        }
    }

    private static ChainedEvent event(long sequence, String payload) throws Exception {
        return new ChainedEvent("e" + sequence, "PlanHeaderEdited", "Plan", "a", sequence, 1000 + sequence, "i",
                new Actor("u", "PLAN_OWNER", "U"), ChainJson.MAPPER.readTree(payload));
    }

    @Test
    void anIntactChainHolds() {
        ChainVerifier.AggregateVerdict verdict = ChainVerifier.verify("a", events, links);

        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.hashAt(3)).contains(links.get(3).hash());
    }

    @Test
    void aChangedPayloadIsNamed() throws Exception {
        events.set(2, event(2, "{\"title\":\"forged\"}"));

        assertThat(ChainVerifier.verify("a", events, links).firstBreak()).get()
                .extracting(HistoryBreak::sequence, HistoryBreak::kind).containsExactly(2L, Kind.EVENT_CHANGED);
    }

    @Test
    void aMissingEventIsNamed() {
        events.remove(1);

        assertThat(ChainVerifier.verify("a", events, links).firstBreak()).get()
                .extracting(HistoryBreak::sequence, HistoryBreak::kind).containsExactly(1L, Kind.EVENT_MISSING);
    }

    @Test
    void anEventRemovedWithItsLinkIsNamedByTheGap() {
        events.remove(1);
        links.remove(1);

        assertThat(ChainVerifier.verify("a", events, links).firstBreak()).get()
                .extracting(HistoryBreak::sequence, HistoryBreak::kind).containsExactly(1L, Kind.EVENT_MISSING);
    }

    @Test
    void swappedSequencesAreNamed() {
        ChainedEvent one = events.get(1);
        ChainedEvent two = events.get(2);
        events.set(1, two.withSequence(1));
        events.set(2, one.withSequence(2));

        HistoryBreak found = ChainVerifier.verify("a", events, links).firstBreak().orElseThrow();
        assertThat(found.sequence()).isEqualTo(1);
        assertThat(found.kind()).isEqualTo(Kind.ORDER_SWAPPED);
    }

    @Test
    void anEditedLinkIsNamed() {
        ChainLink link = links.get(2);
        links.set(2, new ChainLink("a", 2, link.eventId(), link.hash(), EventHash.GENESIS));

        assertThat(ChainVerifier.verify("a", events, links).firstBreak()).get()
                .extracting(HistoryBreak::sequence, HistoryBreak::kind).containsExactly(2L, Kind.LINK_BROKEN);
    }

    @Test
    void eventsStoredBeforeChainingAreCountedNotBroken() {
        links.clear();

        ChainVerifier.AggregateVerdict verdict = ChainVerifier.verify("a", events, links);
        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.unchained()).isEqualTo(4);
    }

    @Test
    void aWireRecordWithOtherContentIsRewritten() throws Exception {
        assertThat(ChainVerifier.verifyRecord(event(2, "{\"title\":\"v2\"}"), links.get(2).hash(), links.get(2)))
                .isEmpty();
        assertThat(ChainVerifier.verifyRecord(event(2, "{\"title\":\"forged\"}"), links.get(2).hash(), links.get(2)))
                .get().extracting(HistoryBreak::kind).isEqualTo(Kind.KAFKA_RECORD_REWRITTEN);
    }
}
