package org.backdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/** The SQL behind a project's evaluation and training runs. The caller holds the store's lock. */
final class RunTable {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Connection connection;
    private final Clock clock;

    RunTable(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    RunRecord insert(RunKind kind, String inputsJson) throws SQLException {
        Instant now = clock.instant();
        byte[] random = new byte[2];
        ThreadLocalRandom.current().nextBytes(random);
        String id = kind.label() + "-" + ID_TIME.format(now) + "-" + HexFormat.of().formatHex(random);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO runs (id, kind, status, started_at, finished_at, inputs) VALUES (?, ?, ?, ?, NULL, ?)")) {
            insert.setString(1, id);
            insert.setString(2, kind.label());
            insert.setString(3, RunStatus.RUNNING.label());
            insert.setString(4, now.toString());
            insert.setString(5, inputsJson);
            insert.executeUpdate();
        }
        return new RunRecord(id, kind, RunStatus.RUNNING, now, Optional.empty(), inputsJson);
    }

    /** Appends {@code metrics} after the run's existing rows; runs inside the caller's transaction. */
    void addMetrics(String runId, List<MetricRow> metrics) throws SQLException {
        int next;
        try (PreparedStatement count = connection.prepareStatement("SELECT COALESCE(MAX(row), 0) FROM run_metrics WHERE run_id = ?")) {
            count.setString(1, runId);
            try (ResultSet rows = count.executeQuery()) {
                next = rows.next() ? rows.getInt(1) + 1 : 1;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run_metrics (run_id, row, epoch, variant, name, value) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (MetricRow metric : metrics) {
                insert.setString(1, runId);
                insert.setInt(2, next++);
                if (metric.epoch().isPresent()) {
                    insert.setInt(3, metric.epoch().getAsInt());
                } else {
                    insert.setNull(3, Types.INTEGER);
                }
                insert.setString(4, metric.variant().orElse(null));
                insert.setString(5, metric.name());
                insert.setDouble(6, metric.value());
                insert.executeUpdate();
            }
        }
    }

    /** Sets the run's status and end time; returns false when no run has {@code runId}. */
    boolean finish(String runId, RunStatus status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?")) {
            update.setString(1, status.label());
            update.setString(2, clock.instant().toString());
            update.setString(3, runId);
            return update.executeUpdate() == 1;
        }
    }

    List<RunRecord> all() throws SQLException {
        return select("SELECT id, kind, status, started_at, finished_at, inputs FROM runs ORDER BY started_at, id");
    }

    Optional<RunRecord> one(String runId) throws SQLException {
        return select("SELECT id, kind, status, started_at, finished_at, inputs FROM runs WHERE id = ?", runId).stream().findFirst();
    }

    List<MetricRow> metrics(String runId) throws SQLException {
        List<MetricRow> metrics = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT epoch, variant, name, value FROM run_metrics WHERE run_id = ? ORDER BY row")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int epoch = rows.getInt(1);
                    OptionalInt epochValue = rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(epoch);
                    metrics.add(new MetricRow(epochValue, Optional.ofNullable(rows.getString(2)), rows.getString(3), rows.getDouble(4)));
                }
            }
        }
        return metrics;
    }

    private List<RunRecord> select(String sql, String... parameters) throws SQLException {
        List<RunRecord> runs = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String finished = rows.getString(5);
                    runs.add(new RunRecord(rows.getString(1), RunKind.parse(rows.getString(2)), RunStatus.parse(rows.getString(3)),
                            Instant.parse(rows.getString(4)), Optional.ofNullable(finished).map(Instant::parse), rows.getString(6)));
                }
            }
        }
        return runs;
    }
}
