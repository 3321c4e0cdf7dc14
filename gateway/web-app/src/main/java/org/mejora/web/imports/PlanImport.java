package org.mejora.web.imports;

/** The choices beside the file: the plan's kind (blank: told by the file's layout), its title and period. */
public record PlanImport(String kind, String title, String period) implements java.io.Serializable {

    static PlanImport blank() {
        return new PlanImport(null, null, null);
    }
}
