package org.mejora.plan.plan.web;

import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionTask;
import org.mejora.plan.api.FindingSource;
import org.mejora.plan.api.FindingSourceType;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.plan.command.ScheduleDate;
import org.mejora.contract.RuleViolation;
import org.mejora.plan.web.ImportRejected;
import org.mejora.plan.web.ImportRejected.CellError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the plan workbooks of the seeds as offices fill them: format GEM-FM014 (seed 001), the CAF institutional
 * plan and its follow-up sheet "SEGUIMIENTO AVANCES" (seed 003). Each table is found by the meaning of its header
 * ({@link TableHeader}), anywhere in any sheet, its columns in any order among others; the lines above a table give
 * the plan's header ("Proceso Auditado: ...", "CODIGO: ...").
 * <p>
 * Nothing is half-read: every cell that cannot be read is collected with its sheet, row, column, value and reason,
 * and the whole file is rejected. What is read but worth a look (tasks retyped differently, a finding continued
 * from a merged cell, several progress marks) is a warning that goes with the result. The columns Cumplimiento,
 * Efectividad and Estado de la Acción of GEM-FM014 are not imported: a new plan is a draft, and verification is
 * recorded by the control office once it is in execution.
 */
final class PlanWorkbook {

    /** Below this share of common words an action or its tasks in the follow-up sheet are not the plan's. */
    private static final double SAME_TEXT = 0.6;

    record ImportedAction(int row, ActionDetails details) {
    }

    record ImportedFinding(int row, String number, String description, FindingSource source, String improvementArea,
                           List<ImportedAction> actions) {

        /** The finding's first action, as most rows have one. */
        ActionDetails action() {
            return actions.get(0).details();
        }
    }

    /** One row of the follow-up sheet, with the warnings it raised. */
    record FollowUpRow(String sheet, int row, String number, String action, String tasks, Integer percent,
                       String comment, Map<String, String> columns, List<CellError> warnings) {
    }

    record ImportedPlan(PlanKind kind, String title, String institutionName, String auditedProcess,
                        String procedures, String responsible, LocalDate subscriptionDate, String formatCode,
                        String formatVersion, String period, List<ImportedFinding> findings,
                        List<FollowUpRow> followUps, List<CellError> warnings) {

        int actionCount() {
            return findings.stream().mapToInt(f -> f.actions().size()).sum();
        }
    }

    /** What a plan already holds for an action number, to check the follow-up sheet against. */
    record PlannedAction(String name, List<ActionTask> tasks) {
    }

    private final List<CellError> errors = new ArrayList<>();
    private final List<CellError> warnings = new ArrayList<>();
    private final Map<String, String> header = new HashMap<>();
    private final List<String> banner = new ArrayList<>();
    private final List<MutableFinding> findings = new ArrayList<>();
    private final List<FollowUpRow> followUps = new ArrayList<>();
    private final Map<FollowUpRow, List<CellError>> rowWarnings = new LinkedHashMap<>();
    private TableHeader.Near near;
    private TableLayout planLayout;

    private PlanWorkbook() {
    }

    /** A whole plan, with its follow-up sheet checked against it when the file has one. */
    static ImportedPlan plan(Spreadsheet book, String fileName, PlanKind kind, String title, String period) {
        PlanWorkbook reader = new PlanWorkbook();
        reader.read(book);
        if (reader.planLayout == null && reader.errors.isEmpty()) {
            reader.errors.add(reader.noTable(fileName, book, !reader.followUps.isEmpty()
                    ? "import.layout.follow-up-only" : "import.layout"));
        }
        Map<String, PlannedAction> planned = new LinkedHashMap<>();
        reader.findings.forEach(f -> f.actions.forEach(a ->
                planned.put(a.details().number(), new PlannedAction(a.details().name(), a.details().tasks()))));
        for (FollowUpRow row : reader.planLayout == null ? List.<FollowUpRow>of() : reader.followUps) {
            reader.check(row, planned);
            if (row.percent() != null) {
                reader.errors.add(new CellError(row.sheet(), row.row(), row.columns().get("state"),
                        row.percent() + "%", "import.cell.progress-before-execution"));
            }
        }
        if (!reader.errors.isEmpty()) {
            throw new ImportRejected(reader.errors);
        }
        return reader.result(fileName, kind, title, period);
    }

    /** The follow-up sheet alone, checked against the actions of a plan in execution. */
    static List<FollowUpRow> followUps(Spreadsheet book, String fileName, Map<String, PlannedAction> planned) {
        PlanWorkbook reader = new PlanWorkbook();
        reader.read(book);
        if (reader.followUps.isEmpty() && reader.errors.isEmpty()) {
            reader.errors.add(reader.noTable(fileName, book, "import.layout.follow-up"));
        }
        reader.followUps.forEach(row -> reader.check(row, planned));
        if (!reader.errors.isEmpty()) {
            throw new ImportRejected(reader.errors);
        }
        return reader.followUps.stream().map(reader::withWarnings).toList();
    }

    /** No table found: where a header came closest, what it had and what it lacked; else what is expected. */
    private CellError noTable(String fileName, Spreadsheet book, String rule) {
        if (near != null) {
            return new CellError(nearSheet, near.row() + 1, null, String.join(" | ", near.found()),
                    "import.layout.header", nearSheet, near.row() + 1, near.layout().label(),
                    String.join(", ", near.found()), String.join(", ", near.missing()));
        }
        String sheets = String.join(", ", book.tabs().stream().map(Spreadsheet.Tab::name).toList());
        return new CellError(fileName, 0, null, null, rule, sheets);
    }

    private String nearSheet;

    private void read(Spreadsheet book) {
        for (Spreadsheet.Tab tab : book.tabs()) {
            TableHeader table = null;
            Set<String> numbers = new HashSet<>();
            String criterion = null;
            for (int r = 0; r < tab.rows().size(); r++) {
                List<String> cells = tab.rows().get(r);
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                TableHeader found = TableHeader.at(tab, r);
                if (found != null) {
                    table = found;
                    numbers = new HashSet<>();
                    criterion = null;
                    if (found.layout() != TableLayout.CAF_FOLLOW_UP) {
                        planLayout = found.layout();
                    }
                    r = found.nextRow() - 1;
                    continue;
                }
                if (table == null) {
                    remember(TableHeader.near(tab, r), tab);
                    headerLine(cells, tab.name(), r);
                    continue;
                }
                Row row = new Row(tab, r, table);
                String number = row.number();
                if (number == null && row.text("action") == null && row.text("description") == null
                        && row.text("area") == null) {
                    table = null;
                    headerLine(cells, tab.name(), r);
                    continue;
                }
                if (number == null) {
                    if (!continuesFinding(row)) {
                        row.error("number", "import.cell.required");
                    }
                    continue;
                }
                if (!number.matches("\\d+(\\.\\d+)*")) {
                    table = null;
                    headerLine(cells, tab.name(), r);
                    continue;
                }
                if (!numbers.add(number)) {
                    row.error("number", "import.cell.duplicate-number");
                    continue;
                }
                switch (table.layout()) {
                    case GEM_FM014 -> gemRow(row, number);
                    case CAF_PLAN -> criterion = cafRow(row, number, criterion);
                    case CAF_FOLLOW_UP -> followUpRow(row, number);
                }
            }
        }
    }

    private void remember(TableHeader.Near candidate, Spreadsheet.Tab tab) {
        if (candidate != null && (near == null || candidate.found().size() > near.found().size())) {
            near = candidate;
            nearSheet = tab.name();
        }
    }

    /**
     * A GEM-FM014 row without number nor description but with an action: the finding's cells are merged over
     * several action rows, and this is one more action of the finding above.
     */
    private boolean continuesFinding(Row row) {
        if (row.layout() != TableLayout.GEM_FM014 || findings.isEmpty() || row.text("action") == null
                || row.text("description") != null) {
            return false;
        }
        if (!row.coveredOrText("number")) {
            return false;
        }
        MutableFinding finding = findings.get(findings.size() - 1);
        String number = finding.number + "." + (finding.actions.size() + 1);
        finding.actions.add(new ImportedAction(row.number1(), gemAction(row, number)));
        warnings.add(row.warning("number", "import.warning.continues-finding", finding.number));
        return true;
    }

    private void gemRow(Row row, String number) {
        ActionDetails action = gemAction(row, number);
        MutableFinding finding = new MutableFinding(row.number1(), number, row.required("description"),
                new FindingSource(FindingSourceType.AUDIT, null, null, null), null);
        finding.actions.add(new ImportedAction(row.number1(), action));
        findings.add(finding);
    }

    private ActionDetails gemAction(Row row, String number) {
        String start = row.date("start");
        String end = row.date("end");
        row.checkOrder(start, end);
        return new ActionDetails(number, row.required("action"), null, null, List.of(),
                row.text("goal"), null, row.text("unit"), row.text("role"), row.text("technical"),
                start, end, row.integer("months"), row.text("comments"));
    }

    private String cafRow(Row row, String number, String lastCriterion) {
        String criterion = row.text("criterion");
        if (criterion == null) {
            criterion = lastCriterion;
        } else if (!HeaderText.normalize(criterion).startsWith("criterio")) {
            row.error("criterion", "import.cell.criterion");
        }
        String start = row.date("start");
        String end = row.date("end");
        row.checkOrder(start, end);
        ActionDetails action = new ActionDetails(number, row.required("action"), null, row.text("objective"),
                TaskList.parse(row.text("tasks")), row.text("indicator"), row.text("resources"),
                row.text("responsible"), null, null, start, end, null, row.text("comments"));
        String area = row.text("area");
        if (area == null && row.covered("area") && !findings.isEmpty()) {
            MutableFinding finding = findings.get(findings.size() - 1);
            finding.actions.add(new ImportedAction(row.number1(), action));
            warnings.add(row.warning("area", "import.warning.continues-finding", finding.number));
            return criterion;
        }
        area = row.required("area");
        MutableFinding finding = new MutableFinding(row.number1(), number, area,
                new FindingSource(FindingSourceType.CAF, criterion, row.text("subcriterion"), null), area);
        finding.actions.add(new ImportedAction(row.number1(), action));
        findings.add(finding);
        return criterion;
    }

    private void followUpRow(Row row, String number) {
        List<CellError> found = new ArrayList<>();
        Integer percent = null;
        Map<Integer, Integer> percents = row.table.percents();
        if (!percents.isEmpty()) {
            List<Integer> marked = percents.keySet().stream()
                    .filter(c -> ProgressMark.marked(row.tab.cell(row.index, c), row.tab.shaded(row.index, c)))
                    .toList();
            percent = marked.stream().map(percents::get).max(Integer::compare).orElse(null);
            if (marked.size() > 1) {
                found.add(row.warning("state", "import.warning.several-marks", percent + " %"));
            }
        } else if (row.text("state") != null) {
            percent = ProgressMark.value(row.text("state"));
            if (percent == null) {
                row.error("state", "import.cell.percent");
            }
        }
        Map<String, String> columnNames = new HashMap<>();
        row.table.columns().forEach((key, index) -> columnNames.put(key, row.table.names().get(index)));
        if (!percents.isEmpty()) {
            columnNames.put("state", row.table.names().get(percents.keySet().iterator().next()));
        }
        FollowUpRow followUp = new FollowUpRow(row.tab.name(), row.number1(), number, row.text("action"),
                row.text("tasks"), percent, row.text("comments"), columnNames, List.of());
        followUps.add(followUp);
        rowWarnings.put(followUp, found);
    }

    private void check(FollowUpRow row, Map<String, PlannedAction> planned) {
        PlannedAction action = planned.get(row.number());
        if (action == null) {
            errors.add(new CellError(row.sheet(), row.row(), row.columns().get("number"), row.number(),
                    "import.cell.unknown-action"));
            return;
        }
        if (TaskList.similarity(row.action(), action.name()) < SAME_TEXT) {
            errors.add(new CellError(row.sheet(), row.row(), row.columns().get("action"), row.action(),
                    "import.cell.action-mismatch", row.number(), action.name()));
            return;
        }
        if (row.tasks() == null) {
            return;
        }
        String plannedTasks = String.join(" ", action.tasks().stream()
                .map(t -> t.number() + ". " + t.description()).toList());
        if (TaskList.similarity(row.tasks(), plannedTasks) < SAME_TEXT) {
            CellError warning = new CellError(row.sheet(), row.row(), row.columns().get("tasks"), row.tasks(),
                    "import.warning.tasks-differ", row.number(), plannedTasks);
            rowWarnings.computeIfAbsent(row, r -> new ArrayList<>()).add(warning);
        }
    }

    private FollowUpRow withWarnings(FollowUpRow row) {
        return new FollowUpRow(row.sheet(), row.row(), row.number(), row.action(), row.tasks(), row.percent(),
                row.comment(), row.columns(), List.copyOf(rowWarnings.getOrDefault(row, List.of())));
    }

    private ImportedPlan result(String fileName, PlanKind kind, String title, String period) {
        PlanKind planKind = kind != null ? kind
                : planLayout == TableLayout.GEM_FM014 ? PlanKind.AUDIT : PlanKind.CAF_SELF_ASSESSMENT;
        String auditedProcess = header.get("auditedProcess");
        String planTitle = title != null && !title.isBlank() ? title
                : auditedProcess != null ? "Plan de mejoramiento - " + auditedProcess
                : banner.stream().filter(line -> HeaderText.normalize(line).contains("plan de mejora")).findFirst()
                .orElse("Plan importado de " + fileName);
        String institutionName = banner.stream()
                .filter(line -> !HeaderText.normalize(line).contains("plan de mejora")
                        && !HeaderText.normalize(line).startsWith("proceso")
                        && !HeaderText.normalize(line).startsWith("formato"))
                .findFirst().orElse(null);
        LocalDate subscription = header.containsKey("subscriptionDate")
                ? LocalDate.parse(header.get("subscriptionDate")) : null;
        String planPeriod = period != null && !period.isBlank() ? period
                : subscription != null ? String.valueOf(subscription.getYear())
                : findings.stream().flatMap(f -> f.actions.stream()).map(a -> a.details().start())
                .filter(Objects::nonNull).findFirst().map(PlanWorkbook::yearOf).orElse(null);
        List<FollowUpRow> rows = followUps.stream().map(this::withWarnings).toList();
        List<CellError> all = new ArrayList<>(warnings);
        rows.forEach(r -> all.addAll(r.warnings()));
        return new ImportedPlan(planKind, planTitle, institutionName, auditedProcess, header.get("procedures"),
                header.get("responsible"), subscription, header.get("formatCode"), header.get("formatVersion"),
                planPeriod, findings.stream().map(MutableFinding::freeze).toList(), rows, List.copyOf(all));
    }

    /** The year a schedule date falls in, whether it is a day, a month, a quarter or a year. */
    private static String yearOf(String date) {
        return String.valueOf(ScheduleDate.parse(date, "start").first().getYear());
    }

    /** "Label: value" in one cell, or "Label:" followed by its value in the next; other lines are the banner. */
    private void headerLine(List<String> cells, String sheet, int row) {
        List<String> filled = cells.stream().filter(c -> !c.isBlank()).map(PlanWorkbook::unmark).toList();
        String line = String.join(" ", filled);
        int colon = line.indexOf(':');
        if (colon < 0) {
            banner.add(line);
            return;
        }
        String label = HeaderText.normalize(line.substring(0, colon));
        String value = line.substring(colon + 1).strip();
        String field = switch (label) {
            case "proceso auditado" -> "auditedProcess";
            case "procedimientos", "procedimiento" -> "procedures";
            case "responsables", "responsable" -> "responsible";
            case "fecha de suscripcion", "fecha suscripcion" -> "subscriptionDate";
            case "codigo" -> "formatCode";
            case "version" -> "formatVersion";
            default -> null;
        };
        if (field == null || value.isBlank() || header.containsKey(field)) {
            return;
        }
        if (field.equals("subscriptionDate")) {
            try {
                ScheduleDate date = ScheduleDate.parse(DateCell.canonical(value), field);
                if (!date.first().equals(date.last())) {
                    throw RuleViolation.invalid("schedule-date.unreadable", field, field, value);
                }
                value = date.first().toString();
            } catch (RuleViolation unreadable) {
                errors.add(new CellError(sheet, row + 1, "Fecha de Suscripción", value, "import.cell.date"));
                return;
            }
        }
        header.put(field, value);
    }

    private static String unmark(String cell) {
        return cell.replace("**", "").strip();
    }

    private static final class MutableFinding {
        private final int row;
        private final String number;
        private final String description;
        private final FindingSource source;
        private final String area;
        private final List<ImportedAction> actions = new ArrayList<>();

        private MutableFinding(int row, String number, String description, FindingSource source, String area) {
            this.row = row;
            this.number = number;
            this.description = description;
            this.source = source;
            this.area = area;
        }

        ImportedFinding freeze() {
            return new ImportedFinding(row, number, description, source, area, List.copyOf(actions));
        }
    }

    /** One data row: cells by column key, collecting what cannot be read. */
    private final class Row {
        private final Spreadsheet.Tab tab;
        private final int index;
        private final TableHeader table;

        private Row(Spreadsheet.Tab tab, int index, TableHeader table) {
            this.tab = tab;
            this.index = index;
            this.table = table;
        }

        TableLayout layout() {
            return table.layout();
        }

        int number1() {
            return index + 1;
        }

        /** The row's number as written ("1", "1.", "1.0"), or null when blank. */
        String number() {
            String value = text("number");
            if (value == null) {
                return null;
            }
            return value.replaceAll("\\.0+$", "").replaceAll("\\.$", "").strip();
        }

        String text(String key) {
            Integer column = table.columns().get(key);
            String value = column == null ? "" : unmark(tab.cell(index, column));
            return value.isBlank() ? null : value;
        }

        boolean covered(String key) {
            Integer column = table.columns().get(key);
            return column != null && tab.coveredByMerge(index, column);
        }

        /** Covered by a merge, or blank in a text file, which cannot say whether it was merged. */
        boolean coveredOrText(String key) {
            return covered(key) || !tab.knowsMerges();
        }

        String required(String key) {
            String value = text(key);
            if (value == null) {
                error(key, "import.cell.required");
            }
            return value;
        }

        Integer integer(String key) {
            String value = text(key);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.replaceAll("[.,]0+$", ""));
            } catch (NumberFormatException e) {
                error(key, "import.cell.number");
                return null;
            }
        }

        /** The date in a spelling the aggregate reads again the same way, once it is known to be readable. */
        String date(String key) {
            String value = DateCell.canonical(text(key));
            try {
                ScheduleDate.parse(value, key);
                return value;
            } catch (RuleViolation unreadable) {
                error(key, "import.cell.date");
                return null;
            }
        }

        void checkOrder(String startValue, String endValue) {
            if (startValue == null || endValue == null) {
                return;
            }
            if (ScheduleDate.parse(endValue, "end").endsBefore(ScheduleDate.parse(startValue, "start"))) {
                error("end", "import.cell.end-before-start");
            }
        }

        void error(String key, String rule) {
            errors.add(cell(key, rule));
        }

        CellError warning(String key, String rule, Object... arguments) {
            Integer column = table.columns().get(key);
            String value = column == null ? null : tab.cell(index, column);
            return new CellError(tab.name(), number1(), column == null ? key : table.names().get(column), value,
                    rule, arguments);
        }

        private CellError cell(String key, String rule) {
            Integer column = table.columns().get(key);
            String value = column == null ? null : tab.cell(index, column);
            return new CellError(tab.name(), number1(), column == null ? table.layout().label(key)
                    : table.names().get(column), value, rule);
        }
    }
}
