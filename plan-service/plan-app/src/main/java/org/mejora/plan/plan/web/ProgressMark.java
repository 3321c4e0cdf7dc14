package org.mejora.plan.plan.web;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How offices mark progress: under the 0 % ... 100 % columns an X, x, ✓, 1, "sí" or any other text, or a cell
 * shaded with a colour, is a mark; "no", "0" and a dash are not. Where the sheet has one progress column instead,
 * its value is the percentage ("50 %", "50", "0,5").
 */
final class ProgressMark {

    private static final Set<String> NOT_MARKED = Set.of("no", "0", "n a", "na", "ninguno");
    private static final Pattern PERCENT_VALUE = Pattern.compile("(\\d{1,3})(?:[.,]0+)?\\s*%?");
    private static final Pattern FRACTION = Pattern.compile("0?[.,](\\d{1,2})|1(?:[.,]0+)?");

    private ProgressMark() {
    }

    static boolean marked(String text, boolean shaded) {
        String raw = text.strip();
        if (raw.isEmpty()) {
            return shaded;
        }
        if (raw.chars().allMatch(c -> c == '-' || c == '\u2013' || c == '\u2014')) {
            return false;
        }
        String word = HeaderText.normalize(raw);
        // a tick, a bullet or a square normalizes to nothing: it is a mark
        return word.isEmpty() || !NOT_MARKED.contains(word);
    }

    /** The percentage a single progress cell holds, or null when it holds none of 0, 25, 50, 75 and 100. */
    static Integer value(String text) {
        String value = text.strip();
        Matcher m = PERCENT_VALUE.matcher(value);
        if (m.matches() && Set.of(0, 25, 50, 75, 100).contains(Integer.parseInt(m.group(1)))) {
            return Integer.parseInt(m.group(1));
        }
        m = FRACTION.matcher(value);
        if (m.matches()) {
            int percent = m.group(1) == null ? 100
                    : Integer.parseInt(m.group(1).length() == 1 ? m.group(1) + "0" : m.group(1));
            return Set.of(0, 25, 50, 75, 100).contains(percent) ? percent : null;
        }
        return null;
    }
}
