package org.mejora.plan.plan.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables the importer reads, each described by the meaning of its columns: the names and synonyms offices
 * use for them (normalized by {@link HeaderText}), which ones a header must have to be that table, and the label
 * a message gives them.
 */
enum TableLayout {

    /** Format GEM-FM014 of seed 001: one row per finding (hallazgo) and its action. */
    GEM_FM014("GEM-FM014 (plan de mejoramiento)", Set.of("number", "description", "action"), Set.of(),
            column("number", "N° hallazgo", "no hallazgo", "n hallazgo", "numero hallazgo", "numero del hallazgo",
                    "no del hallazgo", "hallazgo no", "item", "no", "n", "numero"),
            column("description", "Descripción del hallazgo", "descripcion del hallazgo", "descripcion hallazgo",
                    "hallazgo", "hallazgos", "observacion del hallazgo", "descripcion de hallazgo"),
            column("action", "Acción de mejora", "accion de mejora", "acciones de mejora", "accion de mejoramiento",
                    "acciones de mejoramiento", "accion correctiva", "acciones correctivas", "accion", "acciones"),
            column("goal", "Meta", "meta", "metas", "indicador de cumplimiento", "indicador"),
            column("months", "Tiempo de ejecución (meses)", "tiempo de ejecucion", "plazo", "duracion", "meses"),
            column("start", "Fecha inicial", "fecha inicial", "fecha de inicio", "fecha inicio", "inicio", "desde"),
            column("end", "Fecha terminación", "fecha terminacion", "fecha de terminacion", "fecha final",
                    "fecha fin", "fecha de fin", "fecha de finalizacion", "fin", "hasta"),
            column("unit", "Dependencia", "dependencia", "dependencia responsable", "area responsable",
                    "unidad responsable"),
            column("role", "Cargo responsable", "cargo responsable", "cargo", "responsable"),
            column("technical", "Dirección técnica", "direccion tecnica", "direccion responsable"),
            column("comments", "Observaciones", "observaciones", "comentarios", "notas"),
            column("ignored", "", "cumplimiento", "efectividad", "estado de la accion", "estado")),

    /** The CAF institutional plan of seed 003: one row per action, its improvement area being the finding. */
    CAF_PLAN("plan de mejora CAF", Set.of("number", "area", "action"), Set.of("criterion", "subcriterion"),
            column("number", "No.", "no", "n", "numero", "item", "no accion"),
            column("criterion", "Criterio", "criterios no", "criterio no", "criterios", "criterio"),
            column("subcriterion", "Subcriterio", "subcriterio no", "subcriterios no", "subcriterios",
                    "subcriterio"),
            column("area", "Área de mejora", "area de mejora", "areas de mejora", "area a mejorar",
                    "oportunidad de mejora", "oportunidades de mejora"),
            column("action", "Acción de mejora", "accion de mejora", "acciones de mejora", "accion"),
            column("objective", "Objetivo", "objetivo", "objetivos"),
            column("tasks", "Tareas", "tareas", "tarea", "actividades"),
            column("start", "Inicio", "inicio", "fecha inicio", "fecha de inicio", "tiempo inicio", "tiempo"),
            column("end", "Fin", "fin", "fecha fin", "fecha de fin", "fecha final", "tiempo fin"),
            column("resources", "Recursos necesarios", "recursos necesarios", "recursos"),
            column("indicator", "Indicador", "indicador", "indicadores"),
            column("responsible", "Responsable", "responsable de seguimiento", "responsable", "responsables"),
            column("comments", "Comentarios", "comentarios", "observaciones")),

    /** The "SEGUIMIENTO AVANCES" sheet of seed 003: the marked progress of each action. */
    CAF_FOLLOW_UP("seguimiento de avances", Set.of("number", "action"), Set.of("state", "percent"),
            column("number", "No.", "no", "n", "numero", "item"),
            column("action", "Acción de mejora", "accion de mejora", "acciones de mejora", "accion"),
            column("tasks", "Tareas", "tareas", "tarea", "actividades"),
            column("year", "Año", "ano", "anio", "vigencia", "periodo"),
            column("responsible", "Responsable", "responsable", "responsables"),
            column("state", "Estado de realización", "estado de realizacion", "estado de avance",
                    "porcentaje de avance", "avance", "progreso", "estado"),
            column("result", "Resultado final", "resultado final", "resultado"),
            column("comments", "Comentarios", "comentarios", "observaciones"));

    /** A column's key, the label messages give it, and its names in normalized form. */
    record Column(String key, String label, List<String> synonyms) {
    }

    private final String label;
    private final Set<String> required;
    private final Set<String> oneOf;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    TableLayout(String label, Set<String> required, Set<String> oneOf, Column... columns) {
        this.label = label;
        this.required = required;
        this.oneOf = oneOf;
        for (Column column : columns) {
            this.columns.put(column.key(), column);
        }
    }

    private static Column column(String key, String label, String... synonyms) {
        return new Column(key, label, List.of(synonyms));
    }

    String label() {
        return label;
    }

    Iterable<Column> columns() {
        return columns.values();
    }

    /** The columns a header must name to be this table ("percent" stands for the 0 %...100 % columns). */
    Set<String> required() {
        return required;
    }

    /** At least one of these must be named too (empty: none needed). */
    Set<String> oneOf() {
        return oneOf;
    }

    String label(String key) {
        if (key.equals("percent")) {
            return "0 % - 100 %";
        }
        Column column = columns.get(key);
        return column == null ? key : column.label();
    }
}
