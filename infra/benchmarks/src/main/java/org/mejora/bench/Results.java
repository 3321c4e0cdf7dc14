package org.mejora.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run, each beside its baseline from the same run and the ratio between them, written as a
 * Markdown table and a CSV. A figure that could not be taken is a row too, saying why.
 */
final class Results {

    /**
     * @param value         NaN when the figure was not measured; {@code note} then says why
     * @param baselineValue NaN when the figure has no baseline
     */
    record Row(String section, String measure, double value, String unit, String baseline, double baselineValue,
               String note) {

        /** How far the figure is from its baseline: value / baseline (rates: below 1 is slower than the limit). */
        double ratio() {
            return Double.isNaN(value) || Double.isNaN(baselineValue) || baselineValue == 0
                    ? Double.NaN : value / baselineValue;
        }
    }

    private final List<String> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();

    synchronized void header(String line) {
        header.add(line);
    }

    synchronized void add(String section, String measure, double value, String unit, String baseline,
                          double baselineValue, String note) {
        Row row = new Row(section, measure, value, unit, baseline, baselineValue, note == null ? "" : note);
        rows.add(row);
        System.out.println("[bench] " + section + " | " + measure + " = " + number(value) + " " + unit
                + (baseline.isEmpty() ? "" : " (baseline " + baseline + " = " + number(baselineValue) + ")")
                + (row.note().isEmpty() ? "" : " - " + row.note()));
    }

    void add(String section, String measure, double value, String unit, String note) {
        add(section, measure, value, unit, "", Double.NaN, note);
    }

    void notMeasured(String section, String measure, String why) {
        add(section, measure, Double.NaN, "", "", Double.NaN, "not measured (" + why + ")");
    }

    /** A bottleneck or anomaly found while measuring, printed under the table. */
    synchronized void finding(String text) {
        findings.add(text);
    }

    /** A table of its own under the main one, e.g. a figure against a size: a title, a header and its rows. */
    synchronized void table(String title, List<String> columns, List<List<String>> lines) {
        StringBuilder out = new StringBuilder("\n## ").append(title).append("\n\n| ")
                .append(String.join(" | ", columns.stream().map(Results::cell).toList())).append(" |\n|");
        columns.forEach(column -> out.append("---|"));
        out.append('\n');
        lines.forEach(line -> out.append("| ").append(String.join(" | ", line.stream().map(Results::cell).toList()))
                .append(" |\n"));
        tables.add(out.toString());
        System.out.println("[bench] " + out);
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    synchronized String markdown() {
        StringBuilder out = new StringBuilder("# Mejora benchmark\n\n");
        header.forEach(line -> out.append(line).append("  \n"));
        out.append("\n| Section | Measure | Value | Unit | Baseline | Baseline value | Ratio | Note |\n");
        out.append("|---|---|---:|---|---|---:|---:|---|\n");
        for (Row row : rows) {
            out.append("| ").append(cell(row.section())).append(" | ").append(cell(row.measure())).append(" | ")
                    .append(number(row.value())).append(" | ").append(cell(row.unit())).append(" | ")
                    .append(cell(row.baseline())).append(" | ").append(number(row.baselineValue())).append(" | ")
                    .append(ratio(row.ratio())).append(" | ").append(cell(row.note())).append(" |\n");
        }
        tables.forEach(out::append);
        if (!findings.isEmpty()) {
            out.append("\n## Findings\n\n");
            findings.forEach(finding -> out.append("- ").append(finding).append('\n'));
        }
        return out.toString();
    }

    synchronized String csv() {
        StringBuilder out = new StringBuilder("section,measure,value,unit,baseline,baseline_value,ratio,note\n");
        for (Row row : rows) {
            out.append(csvCell(row.section())).append(',').append(csvCell(row.measure())).append(',')
                    .append(plain(row.value())).append(',').append(csvCell(row.unit())).append(',')
                    .append(csvCell(row.baseline())).append(',').append(plain(row.baselineValue())).append(',')
                    .append(plain(row.ratio())).append(',').append(csvCell(row.note())).append('\n');
        }
        return out.toString();
    }

    void write(Path directory, String stem) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(stem + ".md"), markdown());
        Files.writeString(directory.resolve(stem + ".csv"), csv());
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String plain(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String csvCell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
