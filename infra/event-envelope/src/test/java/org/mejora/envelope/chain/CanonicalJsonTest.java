package org.mejora.envelope.chain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTest {

    @Test
    void sortsMembersDropsWhitespaceAndKeepsNulls() throws Exception {
        String text = CanonicalJson.text(ChainJson.MAPPER.readTree("""
                { "b" : [ 1, {"z": null, "a": true} ], "a" : "x\\"y ñ" }"""));

        assertThat(text).isEqualTo("{\"a\":\"x\\\"y ñ\",\"b\":[1,{\"a\":true,\"z\":null}]}");
    }

    @Test
    void writesEqualNumbersAlike() throws Exception {
        assertThat(CanonicalJson.text(ChainJson.MAPPER.readTree("[2.50, 2.0, 10, 1e2, 0.1]")))
                .isEqualTo("[2.5,2,10,100,0.1]");
    }

    @Test
    void theSameEventReadFromTheStoreOrFromTheWireHashesAlike() throws Exception {
        ChainedEvent stored = StoredEvents.of("e1", "org.mejora.plan.api.PlanCreated", "Plan", "p1", 0, 1000L,
                "{\"actorId\":\"u\",\"actorRole\":\"PLAN_OWNER\",\"actorName\":\"U\",\"institutionId\":\"i\"}"
                        .getBytes(), "{\"title\":\"T\",\"score\":87.50}".getBytes());
        ChainedEvent wire = new ChainedEvent("e1", "PlanCreated", "Plan", "p1", 0, 1000L, "i",
                new org.mejora.envelope.Actor("u", "PLAN_OWNER", "U"),
                ChainJson.MAPPER.readTree("{\"score\":87.5,\"title\":\"T\"}"));

        assertThat(stored.hash(EventHash.GENESIS)).isEqualTo(wire.hash(EventHash.GENESIS)).hasSize(64);
    }
}
