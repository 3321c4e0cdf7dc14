package org.mejora.plan.plan.web;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Header and cell text as offices write it, reduced to what it means: no accents, lower case, one space between
 * words, line breaks and punctuation gone, "N°", "Nº" and "#" read as "no".
 */
final class HeaderText {

    private HeaderText() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('°', 'o').replace('º', 'o').replace("#", " no ");
        return plain.replaceAll("\\bn o\\b", "no").replaceAll("[^a-z0-9]+", " ").strip();
    }

    /**
     * How well a header cell says a column's name: 3 when it is the name, 2 when it starts with it, 1 when it
     * holds it as whole words, 0 when not; names of up to three letters ("no", "n") must be the whole cell.
     */
    static int match(String normalizedCell, String synonym) {
        if (normalizedCell.equals(synonym)) {
            return 3;
        }
        if (synonym.length() <= 3) {
            return 0;
        }
        if (normalizedCell.startsWith(synonym + " ")) {
            return 2;
        }
        return synonym.contains(" ") && (" " + normalizedCell + " ").contains(" " + synonym + " ") ? 1 : 0;
    }
}
