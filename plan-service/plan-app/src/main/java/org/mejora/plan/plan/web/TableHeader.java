package org.mejora.plan.plan.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A table's header found by meaning: a row (or two, when names are split over two rows) whose cells name the
 * columns a {@link TableLayout} needs, in any order, among other columns. A second row of "Inicio / Fin" under
 * "Tiempo" or of 0 % ... 100 % under "Estado de realización" is read as part of the header.
 *
 * @param firstRow  0-based row of the header
 * @param nextRow   0-based row where the data begins
 * @param columns   column index by key ({@code number}, {@code action}, ...)
 * @param names     the header text of each column, as the file writes it
 * @param percents  the progress percentage each 0 % ... 100 % column stands for
 */
record TableHeader(TableLayout layout, int firstRow, int nextRow, Map<String, Integer> columns,
                   Map<Integer, String> names, Map<Integer, Integer> percents) {

    private static final Pattern PERCENT = Pattern.compile("\\s*(0|25|50|75|100)\\s*%\\s*");
    private static final Pattern PERCENT_NUMBER = Pattern.compile("0|25|50|75|100");
    private static final Set<String> STARTS = Set.of("inicio", "fecha inicio", "fecha de inicio", "desde");
    private static final Set<String> ENDS = Set.of("fin", "fecha fin", "fecha de fin", "fecha final", "hasta",
            "terminacion", "fecha terminacion");

    /** The most a row said towards some table without being one: where the message says a header was expected. */
    record Near(int row, TableLayout layout, List<String> found, List<String> missing) {
    }

    /** The header that starts at {@code row}, if that row (alone or with the next one) is one. */
    static TableHeader at(Spreadsheet.Tab tab, int row) {
        TableHeader single = best(tab, row, texts(tab, row, -1), 1);
        if (single != null) {
            return single.withSubHeader(tab);
        }
        if (row + 1 < tab.rows().size() && !blank(tab, row + 1)
                && best(tab, row + 1, texts(tab, row + 1, -1), 1) == null) {
            TableHeader joined = best(tab, row, texts(tab, row, row + 1), 2);
            if (joined != null) {
                return joined;
            }
        }
        return null;
    }

    /** What {@code row} names of the table it is closest to; null when it names fewer than two of its columns. */
    static Near near(Spreadsheet.Tab tab, int row) {
        List<String> texts = texts(tab, row, -1);
        Near nearest = null;
        int most = 1;
        for (TableLayout layout : TableLayout.values()) {
            Map<String, Integer> columns = assign(layout, texts);
            columns.remove("ignored");
            boolean names = layout.required().stream().anyMatch(k -> !k.equals("number") && columns.containsKey(k));
            if (columns.size() > most && names) {
                most = columns.size();
                List<String> found = columns.values().stream().sorted().map(c -> tab.cell(row, c).strip()).toList();
                List<String> missing = new ArrayList<>();
                layout.required().stream().filter(k -> !columns.containsKey(k)).map(layout::label)
                        .forEach(missing::add);
                if (!layout.oneOf().isEmpty() && layout.oneOf().stream().noneMatch(columns::containsKey)
                        && percents(texts, PERCENT).size() < 2) {
                    missing.add(String.join(" / ", layout.oneOf().stream().map(layout::label).toList()));
                }
                nearest = new Near(row, layout, found, missing);
            }
        }
        return nearest;
    }

    private static TableHeader best(Spreadsheet.Tab tab, int row, List<String> texts, int height) {
        TableHeader best = null;
        for (TableLayout layout : TableLayout.values()) {
            Map<String, Integer> columns = assign(layout, texts);
            Map<Integer, Integer> percents = layout == TableLayout.CAF_FOLLOW_UP
                    ? percents(texts, height == 1 ? PERCENT : PERCENT_NUMBER) : new LinkedHashMap<>();
            if (height == 2 && layout == TableLayout.CAF_FOLLOW_UP) {
                percents = percents(texts(tab, row + 1, -1), PERCENT_NUMBER);
                if (percents.isEmpty()) {
                    percents = percents(texts(tab, row + 1, -1), PERCENT);
                }
            }
            if (!complete(layout, columns, percents)) {
                continue;
            }
            columns.remove("ignored");
            if (best == null || columns.size() > best.columns.size()) {
                Map<Integer, String> names = new HashMap<>();
                for (int c = 0; c < texts.size(); c++) {
                    String top = tab.cell(row, c).strip();
                    String below = height == 2 ? tab.cell(row + 1, c).strip() : "";
                    names.put(c, (top + " " + below).strip());
                }
                best = new TableHeader(layout, row, row + height, columns, names, percents);
            }
        }
        if (best != null && best.layout == TableLayout.CAF_PLAN && best.columns.containsKey("start")
                && !best.columns.containsKey("end")) {
            // "Tiempo" spans its two columns, start and end
            best.columns.put("end", best.columns.get("start") + 1);
        }
        return best;
    }

    private static boolean complete(TableLayout layout, Map<String, Integer> columns, Map<Integer, Integer> percents) {
        boolean hasPercents = percents.size() >= 2;
        for (String key : layout.required()) {
            if (!columns.containsKey(key)) {
                return false;
            }
        }
        return layout.oneOf().isEmpty() || layout.oneOf().stream().anyMatch(columns::containsKey)
                || (layout.oneOf().contains("percent") && hasPercents);
    }

    /** Each column to the key it names best; a key to one column only, the better named one. */
    static Map<String, Integer> assign(TableLayout layout, List<String> texts) {
        record Candidate(int score, int length, String key, int column) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < texts.size(); c++) {
            String cell = texts.get(c);
            if (cell.isEmpty()) {
                continue;
            }
            for (TableLayout.Column column : layout.columns()) {
                int best = 0;
                int length = 0;
                for (String synonym : column.synonyms()) {
                    int score = HeaderText.match(cell, synonym);
                    if (score > best || (score == best && score > 0 && synonym.length() > length)) {
                        best = score;
                        length = synonym.length();
                    }
                }
                if (best > 0) {
                    candidates.add(new Candidate(best, length, column.key(), c));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::score).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::length).reversed())
                .thenComparingInt(Candidate::column));
        Map<String, Integer> columns = new LinkedHashMap<>();
        Set<Integer> taken = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            if (candidate.key().equals("ignored") ? !taken.contains(candidate.column())
                    : !columns.containsKey(candidate.key()) && !taken.contains(candidate.column())) {
                taken.add(candidate.column());
                if (!candidate.key().equals("ignored")) {
                    columns.put(candidate.key(), candidate.column());
                } else {
                    columns.putIfAbsent("ignored", candidate.column());
                }
            }
        }
        return columns;
    }

    private static Map<Integer, Integer> percents(List<String> normalizedOrRaw, Pattern pattern) {
        Map<Integer, Integer> percents = new LinkedHashMap<>();
        for (int c = 0; c < normalizedOrRaw.size(); c++) {
            String text = normalizedOrRaw.get(c);
            var m = pattern.matcher(text);
            if (m.matches()) {
                percents.put(c, Integer.parseInt(m.group(m.groupCount() == 0 ? 0 : 1)));
            }
        }
        return percents;
    }

    /** The sub-header row below a one-row header, when there is one: start and end, or the progress columns. */
    private TableHeader withSubHeader(Spreadsheet.Tab tab) {
        int below = nextRow;
        if (below >= tab.rows().size()) {
            return this;
        }
        Map<String, Integer> subColumns = new HashMap<>();
        Map<Integer, Integer> subPercents = new LinkedHashMap<>();
        boolean any = false;
        for (int c = 0; c < tab.width(below); c++) {
            String raw = tab.cell(below, c);
            String cell = HeaderText.normalize(raw);
            if (cell.isEmpty()) {
                continue;
            }
            if (layout != TableLayout.CAF_FOLLOW_UP && STARTS.contains(cell)) {
                subColumns.put("start", c);
            } else if (layout != TableLayout.CAF_FOLLOW_UP && ENDS.contains(cell)) {
                subColumns.put("end", c);
            } else if (layout == TableLayout.CAF_FOLLOW_UP && PERCENT_NUMBER.matcher(cell).matches()) {
                subPercents.put(c, Integer.parseInt(cell));
            } else {
                return this;
            }
            any = true;
        }
        if (!any) {
            return this;
        }
        Map<String, Integer> merged = new LinkedHashMap<>(columns);
        merged.putAll(subColumns);
        Map<Integer, Integer> allPercents = new LinkedHashMap<>(percents);
        allPercents.putAll(subPercents);
        Map<Integer, String> allNames = new HashMap<>(names);
        subColumns.values().forEach(c -> allNames.put(c, tab.cell(below, c).strip()));
        subPercents.keySet().forEach(c -> allNames.put(c, tab.cell(below, c).strip()));
        return new TableHeader(layout, firstRow, below + 1, merged, allNames, allPercents);
    }

    /**
     * Normalized header texts of a row, or of two rows joined column by column; a cell a merge covers takes the
     * text of the merged cell to its left (a group label over several columns).
     */
    private static List<String> texts(Spreadsheet.Tab tab, int row, int second) {
        int width = Math.max(tab.width(row), second < 0 ? 0 : tab.width(second));
        List<String> texts = new ArrayList<>();
        String group = "";
        for (int c = 0; c < width; c++) {
            String top = tab.cell(row, c);
            if (!top.isBlank()) {
                group = top;
            } else if (second >= 0 && tab.coveredByMerge(row, c)) {
                top = group;
            }
            String text = second < 0 ? top : top + " " + tab.cell(second, c);
            texts.add(second < 0 && PERCENT.matcher(text).matches() ? text.strip() : HeaderText.normalize(text));
        }
        return texts;
    }

    private static boolean blank(Spreadsheet.Tab tab, int row) {
        return tab.rows().get(row).stream().allMatch(String::isBlank);
    }
}
