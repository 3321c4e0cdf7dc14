package org.mejora.web.dashboards;

import tools.jackson.databind.json.JsonMapper;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One chart as {@code js/charts.js} draws it, and the table that tells the same numbers: a row per bar or slice with
 * a value per drawn series, extra columns for the table only, and the link to the list behind the row (null when the
 * user cannot open that list, or nothing is behind it). {@code id} names it on the page, {@code topic} what it shows
 * (status, progress, unit...), for its messages.
 */
public record Chart(String id, String topic, String kind, String title, boolean horizontal, List<String> series,
                    List<String> columns, List<Row> rows) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer labels are cut on the chart (the table keeps them whole): CAF criteria run to whole paragraphs. */
    private static final int LABEL = 40;

    public record Row(String label, List<Number> values, List<String> extra, String link) {

        /** A bar or slice of one series; a zero leads nowhere, there is nothing behind it. */
        Row(String label, Number value, String link) {
            this(label, Collections.singletonList(value), List.of(),
                    value == null || value.doubleValue() == 0 ? null : link);
        }
    }

    /** A chart of one series without table-only columns, shown where its topic names it. */
    static Chart of(String topic, String kind, String title, String series, List<Row> rows) {
        return new Chart(topic, topic, kind, title, false, List.of(series), List.of(), rows);
    }

    /** Nothing to draw: no rows, or every value zero or unknown. */
    public boolean isEmpty() {
        return rows.stream().allMatch(row -> row.values().stream()
                .allMatch(value -> value == null || value.doubleValue() == 0));
    }

    /** Many bars lying down need more height than the usual box. */
    public boolean isTall() {
        return horizontal && rows.size() > 6;
    }

    public String labelsJson() {
        return JSON.writeValueAsString(rows.stream().map(row -> row.label().length() > LABEL
                ? row.label().substring(0, LABEL - 1) + "…" : row.label()).toList());
    }

    public String valuesJson() {
        return JSON.writeValueAsString(rows.stream().map(row -> row.values().get(0)).toList());
    }

    /** The datasets of a chart of several series (e.g. actions and overdue per unit); null for one series. */
    public String seriesJson() {
        if (series.size() < 2) {
            return null;
        }
        return JSON.writeValueAsString(IntStream.range(0, series.size()).mapToObj(i -> Map.of("label", series.get(i),
                "values", rows.stream().map(row -> row.values().get(i)).toList())).toList());
    }

    public String linksJson() {
        return rows.stream().allMatch(row -> row.link() == null) ? null
                : JSON.writeValueAsString(rows.stream().map(Row::link).toList());
    }
}
