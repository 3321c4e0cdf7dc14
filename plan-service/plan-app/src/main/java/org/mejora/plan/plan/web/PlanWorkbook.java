package org.mejora.plan.plan.web;

import org.mejora.plan.api.ActionDetails;
import org.mejora.plan.api.ActionTask;
import org.mejora.plan.api.FindingSource;
import org.mejora.plan.api.FindingSourceType;
import org.mejora.plan.api.PlanKind;
import org.mejora.plan.plan.command.ScheduleDate;
import org.mejora.plan.rules.RuleViolation;
import org.mejora.plan.web.ImportRejected;
import org.mejora.plan.web.ImportRejected.CellError;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plan workbooks of the seeds: format GEM-FM014 (seed 001), the CAF institutional plan and its follow-up
 * sheet "SEGUIMIENTO AVANCES" (seed 003). Each table is found by its header row, anywhere in any sheet; the lines
 * above a table give the plan's header ("Proceso Auditado: ...", "CODIGO: ...").
 * <p>
 * Nothing is half-read: every cell that cannot be read is collected with its sheet, row, column, value and reason,
 * and the whole file is rejected. Dates go through {@link ScheduleDate}, so {@code ene-22} and {@code 21sept-21}
 * are read and {@code 004-21} is reported. The columns Cumplimiento, Efectividad and Estado de la Acción of
 * GEM-FM014 are not imported: a new plan is a draft, and verification is recorded by the control office once it is
 * in execution.
 */
final class PlanWorkbook {

    /** Below this share of common words an action or its tasks in the follow-up sheet are not the plan's. */
    private static final double SAME_TEXT = 0.6;
    private static final Pattern TASK_NUMBER = Pattern.compile("(?:^|\\s)(\\d{1,2})\\s*[.)]\\s+");

    enum Layout { GEM_FM014, CAF_PLAN, CAF_FOLLOW_UP }

    record ImportedFinding(int row, String number, String description, FindingSource source, String improvementArea,
                           ActionDetails action) {
    }

    record FollowUpRow(String sheet, int row, String number, String action, String tasks, Integer percent,
                       String comment, Map<String, String> columns) {
    }

    record ImportedPlan(PlanKind kind, String title, String institutionName, String auditedProcess,
                        String procedures, String responsible, LocalDate subscriptionDate, String formatCode,
                        String formatVersion, String period, List<ImportedFinding> findings,
                        List<FollowUpRow> followUps) {
    }

    /** What a plan already holds for an action number, to check the follow-up sheet against. */
    record PlannedAction(String name, List<ActionTask> tasks) {
    }

    private final List<CellError> errors = new ArrayList<>();
    private final Map<String, String> header = new HashMap<>();
    private final List<String> banner = new ArrayList<>();
    private final List<ImportedFinding> findings = new ArrayList<>();
    private final List<FollowUpRow> followUps = new ArrayList<>();
    private Layout planLayout;

    private PlanWorkbook() {
    }

    /** A whole plan, with its follow-up sheet checked against it when the file has one. */
    static ImportedPlan plan(Spreadsheet book, String fileName, PlanKind kind, String title, String period) {
        PlanWorkbook reader = new PlanWorkbook();
        reader.read(book);
        if (reader.planLayout == null && reader.errors.isEmpty()) {
            reader.errors.add(new CellError(fileName, 0, null, null, "import.layout"));
        }
        Map<String, PlannedAction> planned = new LinkedHashMap<>();
        reader.findings.forEach(f -> planned.put(f.number(), new PlannedAction(f.action().name(), f.action().tasks())));
        for (FollowUpRow row : reader.followUps) {
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
            reader.errors.add(new CellError(fileName, 0, null, null, "import.layout"));
        }
        reader.followUps.forEach(row -> reader.check(row, planned));
        if (!reader.errors.isEmpty()) {
            throw new ImportRejected(reader.errors);
        }
        return reader.followUps;
    }

    private void read(Spreadsheet book) {
        for (Spreadsheet.Tab tab : book.tabs()) {
            Layout layout = null;
            Map<String, Integer> columns = new HashMap<>();
            Map<Integer, String> names = new HashMap<>();
            Map<Integer, Integer> percents = new LinkedHashMap<>();
            Set<String> numbers = new HashSet<>();
            String criterion = null;
            for (int r = 0; r < tab.rows().size(); r++) {
                List<String> cells = tab.rows().get(r);
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                Layout detected = detect(cells);
                if (detected != null) {
                    layout = detected;
                    columns = columns(cells, detected);
                    names = names(cells);
                    percents = new LinkedHashMap<>();
                    numbers = new HashSet<>();
                    criterion = null;
                    if (detected != Layout.CAF_FOLLOW_UP) {
                        planLayout = detected;
                    }
                    continue;
                }
                String first = tab.cell(r, 0);
                if (layout == null) {
                    headerLine(cells, tab.name(), r);
                    continue;
                }
                if (first.isBlank()) {
                    if (subHeader(cells, layout, columns, names, percents)) {
                        continue;
                    }
                    errors.add(new CellError(tab.name(), r + 1, names.get(0), "", "import.cell.required"));
                    continue;
                }
                if (!first.matches("\\d+")) {
                    layout = null;
                    headerLine(cells, tab.name(), r);
                    continue;
                }
                if (!numbers.add(first)) {
                    errors.add(new CellError(tab.name(), r + 1, names.get(0), first, "import.cell.duplicate-number"));
                    continue;
                }
                Row row = new Row(tab, r, columns, names);
                switch (layout) {
                    case GEM_FM014 -> gemRow(row);
                    case CAF_PLAN -> criterion = cafRow(row, criterion);
                    case CAF_FOLLOW_UP -> followUpRow(row, percents);
                }
            }
        }
    }

    private void gemRow(Row row) {
        String number = row.text("number");
        ActionDetails action = new ActionDetails(number, row.required("action"), null, null, List.of(),
                row.text("goal"), null, row.text("unit"), row.text("role"), row.text("technical"),
                row.date("start"), row.date("end"), row.integer("months"), row.text("comments"));
        row.checkOrder("start", "end");
        findings.add(new ImportedFinding(row.number(), number, row.required("description"),
                new FindingSource(FindingSourceType.AUDIT, null, null, null), null, action));
    }

    private String cafRow(Row row, String lastCriterion) {
        String criterion = row.text("criterion");
        if (criterion == null) {
            criterion = lastCriterion;
        } else if (!normalize(criterion).startsWith("criterio")) {
            row.error("criterion", "import.cell.criterion");
        }
        String number = row.text("number");
        String area = row.required("area");
        ActionDetails action = new ActionDetails(number, row.required("action"), null, row.text("objective"),
                tasks(row.text("tasks")), row.text("indicator"), row.text("resources"), row.text("responsible"), null,
                null, row.date("start"), row.date("end"), null, row.text("comments"));
        row.checkOrder("start", "end");
        findings.add(new ImportedFinding(row.number(), number, area,
                new FindingSource(FindingSourceType.CAF, criterion, row.text("subcriterion"), null), area, action));
        return criterion;
    }

    private void followUpRow(Row row, Map<Integer, Integer> percents) {
        Integer percent = null;
        List<Integer> marked = percents.keySet().stream().filter(c -> !row.tab.cell(row.index, c).isBlank()).toList();
        if (marked.size() > 1) {
            row.error("state", "import.cell.percent");
        } else if (marked.size() == 1) {
            percent = percents.get(marked.get(0));
        }
        Map<String, String> columnNames = new HashMap<>();
        row.columns.forEach((key, index) -> columnNames.put(key, row.names.get(index)));
        followUps.add(new FollowUpRow(row.tab.name(), row.number(), row.text("number"), row.text("action"),
                row.text("tasks"), percent, row.text("comments"), columnNames));
    }

    private void check(FollowUpRow row, Map<String, PlannedAction> planned) {
        PlannedAction action = planned.get(row.number());
        if (action == null) {
            errors.add(new CellError(row.sheet(), row.row(), row.columns().get("number"), row.number(),
                    "import.cell.unknown-action"));
            return;
        }
        if (similarity(row.action(), action.name()) < SAME_TEXT) {
            errors.add(new CellError(row.sheet(), row.row(), row.columns().get("action"), row.action(),
                    "import.cell.action-mismatch", row.number(), action.name()));
        }
        String plannedTasks = String.join(" ", action.tasks().stream()
                .map(t -> t.number() + ". " + t.description()).toList());
        if (similarity(row.tasks(), plannedTasks) < SAME_TEXT) {
            errors.add(new CellError(row.sheet(), row.row(), row.columns().get("tasks"), row.tasks(),
                    "import.cell.tasks-mismatch", row.number(), plannedTasks));
        }
    }

    private ImportedPlan result(String fileName, PlanKind kind, String title, String period) {
        PlanKind planKind = kind != null ? kind
                : planLayout == Layout.GEM_FM014 ? PlanKind.AUDIT : PlanKind.CAF_SELF_ASSESSMENT;
        String auditedProcess = header.get("auditedProcess");
        String planTitle = title != null && !title.isBlank() ? title
                : auditedProcess != null ? "Plan de mejoramiento - " + auditedProcess
                : banner.stream().filter(line -> normalize(line).contains("plan de mejora")).findFirst()
                .orElse("Plan importado de " + fileName);
        String institutionName = banner.stream()
                .filter(line -> !normalize(line).contains("plan de mejora") && !normalize(line).startsWith("proceso")
                        && !normalize(line).startsWith("formato"))
                .findFirst().orElse(null);
        LocalDate subscription = header.containsKey("subscriptionDate")
                ? LocalDate.parse(header.get("subscriptionDate")) : null;
        String planPeriod = period != null && !period.isBlank() ? period
                : subscription != null ? String.valueOf(subscription.getYear())
                : findings.stream().map(f -> f.action().start()).filter(s -> s != null).findFirst()
                .map(s -> s.substring(0, 4)).orElse(null);
        return new ImportedPlan(planKind, planTitle, institutionName, auditedProcess, header.get("procedures"),
                header.get("responsible"), subscription, header.get("formatCode"), header.get("formatVersion"),
                planPeriod, List.copyOf(findings), List.copyOf(followUps));
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
        String label = normalize(line.substring(0, colon));
        String value = line.substring(colon + 1).strip();
        String field = switch (label) {
            case "proceso auditado" -> "auditedProcess";
            case "procedimientos" -> "procedures";
            case "responsables", "responsable" -> "responsible";
            case "fecha de suscripcion" -> "subscriptionDate";
            case "codigo" -> "formatCode";
            case "version" -> "formatVersion";
            default -> null;
        };
        if (field == null || value.isBlank() || header.containsKey(field)) {
            return;
        }
        if (field.equals("subscriptionDate")) {
            try {
                ScheduleDate date = ScheduleDate.parse(value, field);
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

    private static Layout detect(List<String> cells) {
        List<String> normalized = cells.stream().map(PlanWorkbook::normalize).toList();
        if (normalized.stream().anyMatch(c -> c.equals("no hallazgo") || c.equals("numero hallazgo"))) {
            return Layout.GEM_FM014;
        }
        if (normalized.contains("area de mejora") && normalized.stream().anyMatch(c -> c.startsWith("criterio"))) {
            return Layout.CAF_PLAN;
        }
        if (normalized.contains("tareas") && normalized.stream().anyMatch(c -> c.startsWith("estado de realizacion"))) {
            return Layout.CAF_FOLLOW_UP;
        }
        return null;
    }

    private static Map<String, Integer> columns(List<String> cells, Layout layout) {
        Map<String, String> keys = switch (layout) {
            case GEM_FM014 -> mapOf("no hallazgo", "number", "numero hallazgo", "number",
                    "descripcion del hallazgo", "description", "accion de mejora", "action", "meta", "goal",
                    "tiempo de ejecucion", "months", "fecha inicial", "start", "fecha terminacion", "end",
                    "dependencia", "unit", "cargo responsable", "role", "direccion tecnica", "technical",
                    "observaciones", "comments");
            case CAF_PLAN -> mapOf("no", "number", "criterio", "criterion", "subcriterio", "subcriterion",
                    "area de mejora", "area", "accion de mejora", "action", "objetivo", "objective",
                    "tareas", "tasks", "tiempo", "start", "recursos", "resources", "indicador", "indicator",
                    "responsable", "responsible", "comentarios", "comments");
            case CAF_FOLLOW_UP -> mapOf("no", "number", "accion de mejora", "action", "tareas", "tasks",
                    "ano", "year", "responsable", "responsible", "estado de realizacion", "state",
                    "resultado final", "result", "comentarios", "comments");
        };
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            String cell = normalize(cells.get(c));
            for (Map.Entry<String, String> key : keys.entrySet()) {
                boolean matches = key.getKey().equals("no") ? cell.equals("no") : cell.startsWith(key.getKey());
                if (matches && !columns.containsKey(key.getValue())
                        && !(key.getValue().equals("criterion") && cell.startsWith("subcriterio"))) {
                    columns.put(key.getValue(), c);
                }
            }
        }
        if (layout == Layout.CAF_PLAN && columns.containsKey("start")) {
            columns.put("end", columns.get("start") + 1);
        }
        return columns;
    }

    /** The second header row: "Inicio / Fin" under "Tiempo", or the 0 %...100 % columns of the follow-up. */
    private static boolean subHeader(List<String> cells, Layout layout, Map<String, Integer> columns,
                                     Map<Integer, String> names, Map<Integer, Integer> percents) {
        boolean any = false;
        for (int c = 0; c < cells.size(); c++) {
            String cell = normalize(cells.get(c));
            if (cell.isEmpty()) {
                continue;
            }
            if (layout == Layout.CAF_PLAN && (cell.equals("inicio") || cell.equals("fin"))) {
                columns.put(cell.equals("inicio") ? "start" : "end", c);
                names.put(c, cells.get(c).strip());
                any = true;
            } else if (layout == Layout.CAF_FOLLOW_UP && cell.matches("(0|25|50|75|100)")) {
                percents.put(c, Integer.parseInt(cell));
                names.put(c, cells.get(c).strip());
                any = true;
            } else {
                return false;
            }
        }
        return any;
    }

    private static Map<Integer, String> names(List<String> cells) {
        Map<Integer, String> names = new HashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            names.put(c, cells.get(c).strip());
        }
        return names;
    }

    /** "1. Reunión ... 2. Definir ..." as numbered tasks; a first task written without its number is task 1. */
    static List<ActionTask> tasks(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<ActionTask> tasks = new ArrayList<>();
        Matcher m = TASK_NUMBER.matcher(text);
        int from = 0;
        while (m.find()) {
            add(tasks, text.substring(from, m.start()));
            from = m.end();
        }
        add(tasks, text.substring(from));
        return tasks;
    }

    private static void add(List<ActionTask> tasks, String description) {
        String task = description.strip();
        if (!task.isEmpty()) {
            tasks.add(new ActionTask(tasks.size() + 1, task));
        }
    }

    /** Share of common words (accents, case, numbers and short words aside). */
    static double similarity(String a, String b) {
        Set<String> left = words(a);
        Set<String> right = words(b);
        if (left.isEmpty() && right.isEmpty()) {
            return 1;
        }
        Set<String> common = new HashSet<>(left);
        common.retainAll(right);
        Set<String> all = new HashSet<>(left);
        all.addAll(right);
        return (double) common.size() / all.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : normalize(text == null ? "" : text).split(" ")) {
            if (word.length() > 2 && !word.chars().allMatch(Character::isDigit)) {
                words.add(word);
            }
        }
        return words;
    }

    static String normalize(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('°', 'o').replace('º', 'o');
        return plain.replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static String unmark(String cell) {
        return cell.replace("**", "").strip();
    }

    private static Map<String, String> mapOf(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** One data row: cells by column key, collecting what cannot be read. */
    private final class Row {
        private final Spreadsheet.Tab tab;
        private final int index;
        private final Map<String, Integer> columns;
        private final Map<Integer, String> names;

        private Row(Spreadsheet.Tab tab, int index, Map<String, Integer> columns, Map<Integer, String> names) {
            this.tab = tab;
            this.index = index;
            this.columns = columns;
            this.names = names;
        }

        int number() {
            return index + 1;
        }

        String text(String key) {
            Integer column = columns.get(key);
            String value = column == null ? "" : unmark(tab.cell(index, column));
            return value.isBlank() ? null : value;
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
                return Integer.valueOf(value.replaceAll("\\.0+$", ""));
            } catch (NumberFormatException e) {
                error(key, "import.cell.number");
                return null;
            }
        }

        /** The date as typed, once it is known to be readable (the aggregate reads it again, the same way). */
        String date(String key) {
            String value = text(key);
            try {
                ScheduleDate.parse(value, key);
                return value;
            } catch (RuleViolation unreadable) {
                error(key, "import.cell.date");
                return null;
            }
        }

        void checkOrder(String startKey, String endKey) {
            try {
                ScheduleDate start = ScheduleDate.parse(text(startKey), startKey);
                ScheduleDate end = ScheduleDate.parse(text(endKey), endKey);
                if (start != null && end != null && end.endsBefore(start)) {
                    error(endKey, "import.cell.end-before-start");
                }
            } catch (RuleViolation alreadyReported) {
                // the unreadable date is reported by date(); order is only checked between readable dates
            }
        }

        void error(String key, String rule) {
            Integer column = columns.get(key);
            String value = column == null ? null : tab.cell(index, column);
            errors.add(new CellError(tab.name(), number(), column == null ? key : names.get(column), value, rule));
        }
    }
}
