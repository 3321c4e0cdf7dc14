package org.mejora.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsTest {

    @Test
    void aFigureShowsItsBaselineAndTheRatioInBothFormats() {
        Results results = new Results();
        results.header("Machine: 2 cores");
        results.add("Rebuild", "full projection rebuild", 2_500, "events/s", "plain consumer", 100_000, "a, b");

        assertThat(results.markdown())
                .contains("Machine: 2 cores")
                .contains("| Rebuild | full projection rebuild | 2,500 | events/s | plain consumer | 100,000 | 0.03 | a, b |");
        assertThat(results.csv().lines()).containsExactly(
                "section,measure,value,unit,baseline,baseline_value,ratio,note",
                "Rebuild,full projection rebuild,2500.000,events/s,plain consumer,100000.000,0.025,\"a, b\"");
    }

    @Test
    void anAbsentEndpointIsARowSayingSoNotAFailure() {
        Results results = new Results();
        results.notMeasured("Write path", "evaluation steps", "endpoint absent");

        assertThat(results.rows()).singleElement().satisfies(row -> {
            assertThat(row.value()).isNaN();
            assertThat(row.ratio()).isNaN();
            assertThat(row.note()).isEqualTo("not measured (endpoint absent)");
        });
        assertThat(results.markdown()).contains("| Write path | evaluation steps | – |");
    }

    @Test
    void kafkaConsumerPerformanceIsReadFromItsHeaderAndFigures() {
        List<String> output = List.of(
                "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, "
                        + "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
                "2026-11-24 14:40:01:000, 2026-11-24 14:40:02:000, 8.5, 8.5, 10000, 10000.0, 300, 700, 12.1, 14285.7");

        KafkaFigures.Rate rate = KafkaFigures.parseConsumerPerformance(10_000, output);

        assertThat(rate.perSecond()).isEqualTo(10_000.0);
        assertThat(KafkaFigures.parseConsumerPerformance(10, List.of("ERROR no broker")).perSecond()).isNaN();
    }

    @Test
    void documentedPathsMatchWhateverTheirVariablesAreCalled() {
        assertThat(Endpoints.normalise("/api/plans/{planId}/findings/{findingId}/actions"))
                .isEqualTo(Endpoints.normalise("/api/plans/{id}/findings/{other}/actions"));
        assertThat(WriteMix.fill("/api/plans/{planId}/actions/{actionId}/progress",
                java.util.Map.of("planId", "p1", "actionId", "a1"))).isEqualTo("/api/plans/p1/actions/a1/progress");
    }
}
