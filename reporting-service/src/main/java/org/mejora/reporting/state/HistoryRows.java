package org.mejora.reporting.state;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writes a batch's history rows with one {@code COPY … FROM STDIN} on the transaction's connection: a rebuild writes
 * a row or more per event, and COPY costs a fraction of a multi-row insert per row. The table is resolved through the
 * transaction's {@code search_path}, so a rebuild writes its shadow table.
 */
final class HistoryRows {

    static final String COLUMNS = "event_id, aggregate_type, aggregate_id, sequence, event_type, schema_version, "
            + "occurred_at, institution_id, actor_id, actor_role, actor_name, correlation_id, entity_type, entity_id, "
            + "root_type, root_id, change_kinds, changes, reason, evidence, payload, state_after";

    private final DataSource dataSource;

    HistoryRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param rows in {@link #COLUMNS}' order; instants, the change kinds as a list of strings, JSON as text */
    void insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(rows.size() * 1024);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                field(text, row[i]);
            }
            text.append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy history_entry (" + COLUMNS + ") from stdin", new StringReader(text.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("the history rows could not be written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** One field in COPY's text format: \N for null, backslash escapes for the separators. */
    static void field(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof List<?> list) {
            StringBuilder array = new StringBuilder("{");
            for (int i = 0; i < list.size(); i++) {
                array.append(i == 0 ? "" : ",").append('"')
                        .append(String.valueOf(list.get(i)).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            escape(text, array.append('}').toString());
        } else if (value instanceof Instant instant) {
            text.append(instant);
        } else {
            escape(text, value.toString());
        }
    }

    /** Runs without a separator are appended whole: a rebuild escapes every row's JSON, so per-char appends showed. */
    private static void escape(StringBuilder text, String value) {
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' && c != '\t' && c != '\n' && c != '\r') {
                continue;
            }
            text.append(value, run, i).append('\\').append(switch (c) {
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> '\\';
            });
            run = i + 1;
        }
        text.append(value, run, value.length());
    }
}
