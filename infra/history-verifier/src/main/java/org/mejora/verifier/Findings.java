package org.mejora.verifier;

import org.mejora.envelope.chain.HistoryBreak;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a verification run found: counts per stage, and every break in the order the stages met them. */
public final class Findings {

    final List<String> lines = new ArrayList<>();
    final List<HistoryBreak> breaks = new ArrayList<>();
    long aggregates;
    long events;
    long unchainedEvents;
    long unchainedAggregates;
    long records;
    long unchainedRecords;
    long checkpoints;
    long publishedCheckpoints;
    double storeSeconds;

    void add(HistoryBreak found) {
        breaks.add(found);
    }

    void note(String line) {
        lines.add(line);
    }

    public List<HistoryBreak> breaks() {
        return List.copyOf(breaks);
    }

    public Optional<HistoryBreak> firstBreak() {
        return breaks.stream().findFirst();
    }

    public boolean holds() {
        return breaks.isEmpty();
    }

    public long events() {
        return events;
    }

    public long unchainedRecords() {
        return unchainedRecords;
    }

    public long checkpoints() {
        return checkpoints;
    }

    /** Events recomputed per second in the store stage. */
    public double rate() {
        return storeSeconds > 0 ? events / storeSeconds : Double.NaN;
    }

    public void print(PrintStream out) {
        lines.forEach(line -> out.println("  " + line));
        if (storeSeconds > 0) {
            out.printf(Locale.ROOT, "  rate: %,d events recomputed in %.2f s = %,.0f events/s%n", events, storeSeconds,
                    rate());
        }
        int shown = 0;
        for (HistoryBreak found : breaks) {
            if (shown++ == 20) {
                out.println("  ... and " + (breaks.size() - 20) + " more breaks");
                break;
            }
            out.println("BREAK " + found);
        }
        if (holds()) {
            out.println("HISTORY HOLDS");
        } else {
            HistoryBreak first = breaks.get(0);
            out.println("FIRST BREAK: aggregate " + first.aggregateId() + " sequence " + first.sequence() + ": "
                    + first.kind());
        }
    }
}
