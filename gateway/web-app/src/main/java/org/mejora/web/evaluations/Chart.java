package org.mejora.web.evaluations;

import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * A chart for {@code static/js/charts.js} (labels and values as JSON in data attributes) and the same numbers as
 * bars for the table beside it, which is what screen readers and the phone read.
 */
public record Chart(String labels, String values, List<Bar> bars) {

    public record Bar(String label, long value) {
    }

    static Chart of(List<Bar> bars, JsonMapper json) {
        return new Chart(json.writeValueAsString(bars.stream().map(Bar::label).toList()),
                json.writeValueAsString(bars.stream().map(Bar::value).toList()), bars);
    }

    public long total() {
        return bars.stream().mapToLong(Bar::value).sum();
    }
}
