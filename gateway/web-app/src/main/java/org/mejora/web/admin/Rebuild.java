package org.mejora.web.admin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A projection rebuild as {@code GET /api/reports/rebuilds/current} tells it: state, events done of the total, the
 * rate, the time left and, at the end, whether every rebuilt table's checksum equals the live one.
 */
public record Rebuild(String id, String requestedBy, String state, String startedAt, String finishedAt,
                      long eventsDone, long eventsTotal, String eventsPerSecond, Long etaSeconds,
                      Boolean checksumsEqual, String liveChecksum, String rebuiltChecksum, List<Table> tables,
                      String error) {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One projection table's checksum on both sides. */
    public record Table(String name, String live, String rebuilt) {

        public boolean equal() {
            return Objects.equals(live, rebuilt);
        }
    }

    @SuppressWarnings("unchecked")
    static Rebuild of(Map<String, Object> view, ZoneId zone) {
        Map<String, Object> live = view.get("liveTables") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> rebuilt = view.get("rebuiltTables") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        TreeSet<String> names = new TreeSet<>(live.keySet());
        names.addAll(rebuilt.keySet());
        return new Rebuild(text(view.get("id")), text(view.get("requestedBy")), text(view.get("state")),
                moment(view.get("startedAt"), zone), moment(view.get("finishedAt"), zone),
                count(view.get("eventsDone")), count(view.get("eventsTotal")),
                view.get("eventsPerSecond") == null ? null : String.valueOf(view.get("eventsPerSecond")),
                view.get("etaSeconds") instanceof Number eta ? eta.longValue() : null,
                view.get("checksumsEqual") instanceof Boolean equal ? equal : null,
                text(view.get("liveChecksum")), text(view.get("rebuiltChecksum")),
                names.stream().map(name -> new Table(name, text(live.get(name)), text(rebuilt.get(name)))).toList(),
                text(view.get("error")));
    }

    public boolean finished() {
        return "COMPLETED".equals(state) || "FAILED".equals(state);
    }

    /** Whole percent done; 0 until the total is known. */
    public long percent() {
        return eventsTotal <= 0 ? (finished() ? 100 : 0) : Math.min(100, eventsDone * 100 / eventsTotal);
    }

    /** The time left as minutes and seconds, e.g. 2:05. */
    public String eta() {
        return etaSeconds == null ? null : "%d:%02d".formatted(etaSeconds / 60, etaSeconds % 60);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static long count(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static String moment(Object instant, ZoneId zone) {
        return instant == null ? null : SECONDS.format(Instant.parse(instant.toString()).atZone(zone));
    }
}
