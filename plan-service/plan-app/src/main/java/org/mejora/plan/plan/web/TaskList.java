package org.mejora.plan.plan.web;

import org.mejora.plan.api.ActionTask;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task lists and action names as offices retype them: numbered "1. ... 2. ..." or not, with or without accents,
 * abbreviated ("Doc. lineamientos", "pol. de innovación") or with a typo. Two texts are compared by their words,
 * a word matching another when equal, when one abbreviates the other (three letters or more), or when they differ
 * in one letter.
 */
final class TaskList {

    private static final Pattern TASK_NUMBER = Pattern.compile("(?:^|\\s)(\\d{1,2})\\s*[.)-]\\s*(?=\\p{L})");
    private static final Set<String> STOP_WORDS = Set.of("las", "los", "del", "con", "para", "por", "que", "una",
            "unos", "unas", "sus", "como", "segun", "the", "and", "for");

    private TaskList() {
    }

    /** "1. Reunión ... 2. Definir ..." as numbered tasks; a first task written without its number is task 1. */
    static List<ActionTask> parse(String text) {
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

    /** Share of the words of both texts that the other text has too, from 0 to 1 (numbers and short words aside). */
    static double similarity(String a, String b) {
        List<String> left = words(a);
        List<String> right = words(b);
        if (left.isEmpty() && right.isEmpty()) {
            return 1;
        }
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        long matched = left.stream().filter(w -> right.stream().anyMatch(o -> same(w, o))).count()
                + right.stream().filter(w -> left.stream().anyMatch(o -> same(w, o))).count();
        return (double) matched / (left.size() + right.size());
    }

    private static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() >= 3 && longer.startsWith(shorter)) {
            return true;
        }
        return shorter.length() >= 5 && longer.length() - shorter.length() <= 1 && oneEditApart(shorter, longer);
    }

    private static boolean oneEditApart(String shorter, String longer) {
        int i = 0;
        int j = 0;
        boolean edited = false;
        while (i < shorter.length() && j < longer.length()) {
            if (shorter.charAt(i) == longer.charAt(j)) {
                i++;
                j++;
            } else if (edited) {
                return false;
            } else {
                edited = true;
                if (shorter.length() == longer.length()) {
                    i++;
                }
                j++;
            }
        }
        return true;
    }

    private static List<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : HeaderText.normalize(text).split(" ")) {
            if (word.length() > 2 && !word.chars().allMatch(Character::isDigit) && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }
}
