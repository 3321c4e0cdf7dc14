package org.mejora.plan.plan.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Seed 003 as a careful user would fix it after the import's report: rows 8 and 15 of the plan put back in their
 * columns, and the follow-up sheet's actions and tasks taken from the plan they follow.
 */
public final class CorrectedSeeds {

    private CorrectedSeeds() {
    }

    public static String caf(String seed) {
        int followUpAt = seed.indexOf("SEGUIMIENTO AVANCES");
        String plan = seed.substring(0, followUpAt);
        String followUp = seed.substring(followUpAt);
        plan = SeedWorkbooks.withRow(plan, "8\tSubcriterio 4.4", cells -> shift(cells, 1, true));
        plan = SeedWorkbooks.withRow(plan, "15\t\tCRITERIO 8", cells -> shift(cells, 1, false));
        Map<String, String[]> planRows = new HashMap<>();
        for (String line : plan.split("\n")) {
            String[] cells = line.split("\t", -1);
            if (cells[0].matches("\\d+")) {
                planRows.put(cells[0], cells);
            }
        }
        String[] lines = followUp.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] cells = lines[i].split("\t", -1);
            if (cells[0].matches("\\d+") && planRows.containsKey(cells[0])) {
                cells[1] = planRows.get(cells[0])[4];
                cells[2] = planRows.get(cells[0])[6];
                lines[i] = String.join("\t", cells);
            }
        }
        return plan + String.join("\n", lines);
    }

    /** Inserts an empty cell at {@code at} (the row lost one) or removes it (the row has one too many). */
    private static String[] shift(String[] cells, int at, boolean insert) {
        String[] shifted = Arrays.copyOf(cells, cells.length);
        if (insert) {
            System.arraycopy(cells, at, shifted, at + 1, cells.length - at - 1);
            shifted[at] = "";
        } else {
            System.arraycopy(cells, at + 1, shifted, at, cells.length - at - 1);
            shifted[cells.length - 1] = "";
        }
        return shifted;
    }
}
