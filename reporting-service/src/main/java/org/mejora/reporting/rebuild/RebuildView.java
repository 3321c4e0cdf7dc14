package org.mejora.reporting.rebuild;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A rebuild as an admin follows it: how many events are done of how many, at which rate, the time left, and at the
 * end whether the rebuilt projections' checksums equal the live ones.
 */
record RebuildView(String id, String requestedBy, String state, Instant startedAt, Instant finishedAt,
                   long eventsDone, long eventsTotal, double eventsPerSecond, Long etaSeconds,
                   Boolean checksumsEqual, String liveChecksum, String rebuiltChecksum,
                   Map<String, String> liveTables, Map<String, String> rebuiltTables, String error,
                   Boolean switched, List<RowDifference> differences) {

    static RebuildView started(String id, String requestedBy, Instant at) {
        return new RebuildView(id, requestedBy, "STARTING", at, null, 0, 0, 0, null, null, null, null, null, null,
                null, null, null);
    }

    boolean finished() {
        return state.equals("COMPLETED") || state.equals("FAILED");
    }

    RebuildView progressed(String newState, long done, long total, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = Math.round(done / seconds * 10) / 10.0;
        Long eta = rate > 0 ? Math.max(0, Math.round((total - done) / rate)) : null;
        return new RebuildView(id, requestedBy, newState, startedAt, null, done, total, rate, eta, null, null, null,
                null, null, null, null, null);
    }

    /**
     * @param isSwitched  whether the rebuilt tables replaced the live ones: only when the checksums are equal, or the
     *                    operator asked to replace them anyway
     * @param rows        the rows that only one side holds, when the checksums differ
     */
    RebuildView completed(Map<String, String> live, Map<String, String> rebuilt, boolean isSwitched,
                          List<RowDifference> rows, Instant at) {
        return new RebuildView(id, requestedBy, "COMPLETED", startedAt, at, eventsDone, eventsTotal, eventsPerSecond,
                0L, live.equals(rebuilt), overall(live), overall(rebuilt), live, rebuilt, null, isSwitched, rows);
    }

    RebuildView failed(String reason, Instant at) {
        return new RebuildView(id, requestedBy, "FAILED", startedAt, at, eventsDone, eventsTotal, eventsPerSecond,
                null, null, null, null, null, null, reason, false, null);
    }

    /**
     * A row that only the live table ({@code side = live}) or only the rebuilt one ({@code rebuilt}) holds, named by
     * its table and primary key.
     */
    record RowDifference(String table, Map<String, Object> key, String side) {
    }

    private static String overall(Map<String, String> tables) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            tables.forEach((table, checksum) -> digest.update((table + "=" + checksum + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
