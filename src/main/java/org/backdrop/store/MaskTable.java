package org.backdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.mask.Rle;

/**
 * The SQL behind a project's masks. Table {@code masks} keeps every version ever saved (the history);
 * table {@code current_masks} points at each sample's current version. The caller holds the store's lock.
 */
final class MaskTable {

    private static final String COLUMNS = "m.id, m.sample_id, m.height, m.width, m.counts, m.origin, m.saved_at";

    private final Connection connection;
    private final Clock clock;

    MaskTable(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /**
     * Inserts each mask that differs from its sample's current one (in size, pixels or origin) as a new
     * version and makes it current. Runs inside the caller's transaction.
     *
     * @return the number of masks saved; identical ones are not counted
     */
    int save(List<MaskUpdate> updates) throws SQLException {
        String now = clock.instant().toString();
        int saved = 0;
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT m.height, m.width, m.counts, m.origin FROM current_masks c JOIN masks m ON m.id = c.mask_id WHERE c.sample_id = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO masks (sample_id, height, width, counts, area, origin, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement point = connection.prepareStatement(
                        "INSERT INTO current_masks (sample_id, mask_id) VALUES (?, last_insert_rowid())"
                                + " ON CONFLICT (sample_id) DO UPDATE SET mask_id = excluded.mask_id")) {
            for (MaskUpdate update : updates) {
                String counts = update.mask().toCompressedString();
                if (sameAsCurrent(select, update, counts)) {
                    continue;
                }
                insert.setString(1, update.sampleId());
                insert.setInt(2, update.mask().height());
                insert.setInt(3, update.mask().width());
                insert.setString(4, counts);
                insert.setLong(5, update.mask().area());
                insert.setString(6, update.origin().label());
                insert.setString(7, now);
                insert.executeUpdate();
                point.setString(1, update.sampleId());
                point.executeUpdate();
                saved++;
            }
        }
        return saved;
    }

    /** Compares with the stored current mask by its compressed counts, which are equal exactly when the runs are. */
    private static boolean sameAsCurrent(PreparedStatement select, MaskUpdate update, String counts) throws SQLException {
        select.setString(1, update.sampleId());
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() && rows.getInt(1) == update.mask().height() && rows.getInt(2) == update.mask().width()
                    && rows.getString(3).equals(counts) && rows.getString(4).equals(update.origin().label());
        }
    }

    Map<String, StoredMask> current() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM current_masks c JOIN masks m ON m.id = c.mask_id ORDER BY m.sample_id");
    }

    Optional<StoredMask> current(String sampleId) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM current_masks c JOIN masks m ON m.id = c.mask_id WHERE c.sample_id = ?", sampleId)
                .values().stream().findFirst();
    }

    List<StoredMask> history(String sampleId) throws SQLException {
        List<StoredMask> versions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM masks m WHERE m.sample_id = ? ORDER BY m.id")) {
            select.setString(1, sampleId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(read(rows));
                }
            }
        }
        return versions;
    }

    /** Returns the newest version of the sample that a person did not edit: the mask before the edits. */
    Optional<StoredMask> original(String sampleId) throws SQLException {
        List<StoredMask> versions = history(sampleId);
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).origin() != MaskOrigin.EDITED) {
                return Optional.of(versions.get(i));
            }
        }
        return Optional.empty();
    }

    private Map<String, StoredMask> query(String sql, String... parameters) throws SQLException {
        Map<String, StoredMask> masks = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredMask mask = read(rows);
                    masks.put(mask.sampleId(), mask);
                }
            }
        }
        return masks;
    }

    private static StoredMask read(ResultSet rows) throws SQLException {
        Rle mask = Rle.fromCompressedString(rows.getString(5), rows.getInt(3), rows.getInt(4));
        return new StoredMask(rows.getLong(1), rows.getString(2), mask, MaskOrigin.parse(rows.getString(6)), Instant.parse(rows.getString(7)));
    }
}
