package org.backdrop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.backdrop.ProgressListener;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.curate.ReviewDecision;
import org.backdrop.curate.ReviewLog;
import org.backdrop.curate.ReviewState;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.mask.Rle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteOpenMode;

/**
 * A Backdrop project: one {@code *.backdrop} file, an SQLite database opened in WAL mode with
 * {@code synchronous=FULL}. Every method that changes the project commits before it returns, so a
 * change survives a killed process (and a power cut) once the call has returned.
 *
 * <p>The review decisions are an append-only log (triggers reject updates and deletes); a sample's
 * status is its newest decision. Masks keep every saved version, so the mask before an edit stays
 * recoverable. Methods are synchronized on the store, so tasks on other threads may share one.
 *
 * <p>Methods that read or write throw {@link IOException} naming the project file when SQLite fails.
 */
public final class ProjectStore implements ReviewLog, AutoCloseable {

    /** The extension of project files, with its dot. */
    public static final String EXTENSION = ".backdrop";

    private static final Logger LOG = LoggerFactory.getLogger(ProjectStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRIMARY = "primary";

    /** The maximum number of masks that {@link #saveMasks} writes in one transaction. */
    static final int MASKS_PER_TRANSACTION = 1000;

    private final Path file;
    private final Connection connection;
    private final Clock clock;
    private final MaskTable masks;
    private final RunTable runs;

    private ProjectStore(Path file, Connection connection, Clock clock) {
        this.file = file;
        this.connection = connection;
        this.clock = clock;
        this.masks = new MaskTable(connection, clock);
        this.runs = new RunTable(connection, clock);
    }

    /**
     * Creates an empty project at {@code file}.
     *
     * @throws ProjectFileException if {@code file} already exists (delete it first to replace it)
     * @throws IOException if the file cannot be created
     */
    public static ProjectStore create(Path file) throws IOException {
        return create(file, Clock.systemUTC());
    }

    /** Creates a project as {@link #create(Path)} does, timing changes with {@code clock}. */
    public static ProjectStore create(Path file, Clock clock) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new ProjectFileException(absolute, "already exists; choose another name or delete the file to replace it");
        }
        Connection connection = connect(absolute, true);
        try {
            ProjectSchema.initialise(connection);
            return ready(absolute, connection, clock);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new ProjectFileException(absolute, "could not be created: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the project at {@code file} and brings an older schema up to date.
     *
     * @throws ProjectFileException if the file is missing, not a Backdrop project, or from a newer Backdrop
     * @throws IOException if it cannot be read
     */
    public static ProjectStore open(Path file) throws IOException {
        return open(file, Clock.systemUTC());
    }

    /** Opens a project as {@link #open(Path)} does, timing changes with {@code clock}. */
    public static ProjectStore open(Path file, Clock clock) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new ProjectFileException(absolute, "project file not found; check the path or create a new project");
        }
        Connection connection = connect(absolute, false);
        try {
            ProjectSchema.check(connection, absolute);
            return ready(absolute, connection, clock);
        } catch (SQLException e) {
            closeQuietly(connection);
            if (e.getErrorCode() == SQLiteErrorCode.SQLITE_NOTADB.code) {
                throw new ProjectFileException(absolute, "is not a Backdrop project (not an SQLite database); open a .backdrop file", e);
            }
            throw new ProjectFileException(absolute, "could not be opened as a Backdrop project: " + e.getMessage(), e);
        } catch (ProjectFileException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static Connection connect(Path file, boolean create) throws ProjectFileException {
        SQLiteConfig config = new SQLiteConfig();
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        } catch (SQLException e) {
            throw new ProjectFileException(file, "could not be opened: " + e.getMessage(), e);
        }
    }

    /** Sets the pragmas that make every commit durable and migrates the schema; the project is recognised by then. */
    private static ProjectStore ready(Path file, Connection connection, Clock clock) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 5000");
            statement.execute("PRAGMA foreign_keys = ON");
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                String journal = mode.next() ? mode.getString(1) : "";
                if (!"wal".equalsIgnoreCase(journal)) {
                    LOG.warn("Project {} uses journal mode {} because SQLite could not switch it to WAL on this file system", file, journal);
                }
            }
            statement.execute("PRAGMA synchronous = FULL");
        }
        ProjectSchema.migrate(connection);
        return new ProjectStore(file, connection, clock);
    }

    /** Returns the project file's absolute path. */
    public Path file() {
        return file;
    }

    /** Returns SQLite's journal mode for this project: {@code wal} unless the file system does not allow it. */
    public synchronized String journalMode() throws IOException {
        return read("reading the journal mode", () -> queryString("PRAGMA journal_mode"));
    }

    /** Returns SQLite's synchronous setting: 2 is FULL. */
    public synchronized int synchronousLevel() throws IOException {
        return read("reading the synchronous setting", () -> ProjectSchema.queryInt(connection, "PRAGMA synchronous"));
    }

    /** Returns the project's schema version. */
    public synchronized int schemaVersion() throws IOException {
        return read("reading the schema version", () -> ProjectSchema.version(connection));
    }

    /** Returns the newest schema version this program reads and writes. */
    public static int supportedSchemaVersion() {
        return ProjectSchema.currentVersion();
    }

    // Dataset

    /** Makes {@code dataset} the project's dataset; its path is kept relative to the project file's folder when it can be. */
    public synchronized void setDataset(DatasetReference dataset) throws IOException {
        write("saving the dataset reference", () -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO datasets (role, path, format, sample_count, checksum, saved_at) VALUES (?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (role) DO UPDATE SET path = excluded.path, format = excluded.format,"
                            + " sample_count = excluded.sample_count, checksum = excluded.checksum, saved_at = excluded.saved_at")) {
                upsert.setString(1, PRIMARY);
                upsert.setString(2, storedPath(dataset.path()));
                upsert.setString(3, dataset.format().cliName());
                upsert.setInt(4, dataset.sampleCount());
                upsert.setString(5, dataset.checksum().orElse(null));
                upsert.setString(6, clock.instant().toString());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** Returns the project's dataset with an absolute path, empty when none is set. */
    public synchronized Optional<DatasetReference> dataset() throws IOException {
        return read("reading the dataset reference", () -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT path, format, sample_count, checksum FROM datasets WHERE role = ?")) {
                select.setString(1, PRIMARY);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<DatasetReference>empty();
                    }
                    Path path = file.getParent().resolve(rows.getString(1)).normalize();
                    return Optional.of(new DatasetReference(path, DatasetFormat.fromCliName(rows.getString(2)), rows.getInt(3),
                            Optional.ofNullable(rows.getString(4))));
                }
            }
        });
    }

    private String storedPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return file.getParent().relativize(absolute).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return absolute.toString();
        }
    }

    // Review decisions

    /** Appends {@code decision} to the review log; the decision is on disk when this returns. */
    @Override
    public synchronized void record(ReviewDecision decision) throws IOException {
        write("saving the review decision for sample " + decision.sampleId(), () -> {
            insertDecisions(List.of(decision));
            return null;
        });
    }

    private void insertDecisions(List<ReviewDecision> decisions) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO review_decisions (sample_id, status, decided_at, undo) VALUES (?, ?, ?, ?)")) {
            for (ReviewDecision decision : decisions) {
                insert.setString(1, decision.sampleId());
                insert.setString(2, decision.status().label());
                insert.setString(3, decision.time().toString());
                insert.setInt(4, decision.undo() ? 1 : 0);
                insert.executeUpdate();
            }
        }
    }

    /** Appends {@code decisions} to the review log in one transaction, in their order. */
    public synchronized void recordAll(List<ReviewDecision> decisions) throws IOException {
        write("saving " + decisions.size() + " review decisions", () -> {
            insertDecisions(decisions);
            return null;
        });
    }

    /** Returns every review decision in the order they were made. */
    public synchronized List<ReviewDecision> decisions() throws IOException {
        return read("reading the review log", () -> queryDecisions("SELECT sample_id, status, decided_at, undo FROM review_decisions ORDER BY id"));
    }

    /** Returns the review decisions of one sample in the order they were made; empty when it was never reviewed. */
    public synchronized List<ReviewDecision> decisions(String sampleId) throws IOException {
        return read("reading the review log of sample " + sampleId,
                () -> queryDecisions("SELECT sample_id, status, decided_at, undo FROM review_decisions WHERE sample_id = ? ORDER BY id", sampleId));
    }

    /** Returns each reviewed sample's current status (its newest decision); samples back to unreviewed are left out. */
    public synchronized Map<String, ReviewStatus> reviewStatuses() throws IOException {
        return read("reading the review statuses", () -> {
            Map<String, ReviewStatus> statuses = new HashMap<>();
            // SQLite takes the bare column "status" from the row holding MAX(id) in each group.
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT sample_id, status, MAX(id) FROM review_decisions GROUP BY sample_id")) {
                while (rows.next()) {
                    ReviewStatus status = ReviewStatus.parse(rows.getString(2));
                    if (status != ReviewStatus.UNREVIEWED) {
                        statuses.put(rows.getString(1), status);
                    }
                }
            }
            return statuses;
        });
    }

    /** Returns a review state that starts from the stored statuses and appends each decision to this project. */
    public ReviewState reviewState() throws IOException {
        return ReviewState.withLog(reviewStatuses(), this, clock);
    }

    private List<ReviewDecision> queryDecisions(String sql, String... parameters) throws SQLException {
        List<ReviewDecision> decisions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    decisions.add(new ReviewDecision(rows.getString(1), ReviewStatus.parse(rows.getString(2)),
                            Instant.parse(rows.getString(3)), rows.getInt(4) != 0));
                }
            }
        }
        return decisions;
    }

    // Masks

    /**
     * Saves masks as their samples' current ones, in transactions of at most {@link #MASKS_PER_TRANSACTION}
     * masks, so that a review decision made meanwhile waits for one transaction at most. A mask equal to
     * the current one (same pixels and origin) adds no version. If saving fails, the transactions before
     * the failure stay committed.
     *
     * @return the number of new versions saved
     */
    public int saveMasks(List<MaskUpdate> updates, ProgressListener progress) throws IOException {
        int saved = 0;
        for (int from = 0; from < updates.size(); from += MASKS_PER_TRANSACTION) {
            List<MaskUpdate> chunk = updates.subList(from, Math.min(updates.size(), from + MASKS_PER_TRANSACTION));
            synchronized (this) {
                saved += write("saving the masks of " + chunk.size() + " samples", () -> masks.save(chunk));
            }
            progress.progress(from + chunk.size(), updates.size(), "Saving masks to the project");
        }
        return saved;
    }

    /** Saves one mask as the sample's current one, keeping the previous versions. */
    public void saveMask(String sampleId, Rle mask, MaskOrigin origin) throws IOException {
        saveMasks(List.of(new MaskUpdate(sampleId, mask, origin)), ProgressListener.NONE);
    }

    /** Saves a mask a person drew or corrected; the mask it replaces stays in {@link #maskHistory(String)}. */
    public void saveEditedMask(String sampleId, Rle mask) throws IOException {
        saveMask(sampleId, mask, MaskOrigin.EDITED);
    }

    /** Returns the sample's current mask, empty when it has none. */
    public synchronized Optional<StoredMask> currentMask(String sampleId) throws IOException {
        return read("reading the mask of sample " + sampleId, () -> masks.current(sampleId));
    }

    /** Returns every sample's current mask, keyed by sample id. */
    public synchronized Map<String, StoredMask> currentMasks() throws IOException {
        return read("reading the masks", masks::current);
    }

    /** Returns every saved version of the sample's mask, oldest first; empty when it never had one. */
    public synchronized List<StoredMask> maskHistory(String sampleId) throws IOException {
        return read("reading the mask history of sample " + sampleId, () -> masks.history(sampleId));
    }

    /** Returns the newest version that was not edited by a person: the computed or annotated mask behind the edits. */
    public synchronized Optional<StoredMask> originalMask(String sampleId) throws IOException {
        return read("reading the original mask of sample " + sampleId, () -> masks.original(sampleId));
    }

    /**
     * Makes the original mask (see {@link #originalMask}) current again, as a new version so the edits stay in the history.
     *
     * @return the restored mask, empty when the sample has no original mask (then nothing changes)
     */
    public synchronized Optional<StoredMask> restoreOriginalMask(String sampleId) throws IOException {
        Optional<StoredMask> original = originalMask(sampleId);
        if (original.isPresent()) {
            saveMask(sampleId, original.get().mask(), original.get().origin());
        }
        return currentMask(sampleId).filter(mask -> original.isPresent());
    }

    // Background presets

    /**
     * Saves a background preset under {@code name}, replacing one of the same name.
     *
     * @throws IllegalArgumentException if {@code json} is not valid JSON
     */
    public synchronized void savePreset(String name, String json) throws IOException {
        requireJson(json, "background preset '" + name + "'");
        write("saving background preset " + name, () -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO background_presets (name, json, saved_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET json = excluded.json, saved_at = excluded.saved_at")) {
                upsert.setString(1, name);
                upsert.setString(2, json);
                upsert.setString(3, clock.instant().toString());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** Returns every background preset's JSON by name, sorted by name. */
    public synchronized Map<String, String> presets() throws IOException {
        return read("reading the background presets", () -> {
            Map<String, String> presets = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name, json FROM background_presets")) {
                while (rows.next()) {
                    presets.put(rows.getString(1), rows.getString(2));
                }
            }
            return presets;
        });
    }

    /** Deletes the preset {@code name}; returns false when there was none. */
    public synchronized boolean deletePreset(String name) throws IOException {
        return write("deleting background preset " + name, () -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM background_presets WHERE name = ?")) {
                delete.setString(1, name);
                return delete.executeUpdate() == 1;
            }
        });
    }

    // Runs

    /**
     * Records a new run in state running and returns it with its generated id.
     *
     * @param inputsJson the run's inputs (models, datasets, variants, options) as JSON
     * @throws IllegalArgumentException if {@code inputsJson} is not valid JSON
     */
    public synchronized RunRecord recordRun(RunKind kind, String inputsJson) throws IOException {
        requireJson(inputsJson, "the inputs of the " + kind.label() + " run");
        return write("recording a " + kind.label() + " run", () -> runs.insert(kind, inputsJson));
    }

    /** Appends metric rows to a run, in one transaction; {@link #runMetrics} returns them in this order. */
    public synchronized void addRunMetrics(String runId, List<MetricRow> metrics) throws IOException {
        write("saving " + metrics.size() + " metrics of run " + runId, () -> {
            runs.addMetrics(runId, metrics);
            return null;
        });
    }

    /**
     * Sets the run's final status and end time.
     *
     * @throws IllegalArgumentException if the project has no run {@code runId}
     */
    public synchronized void finishRun(String runId, RunStatus status) throws IOException {
        boolean found = write("finishing run " + runId, () -> runs.finish(runId, status));
        if (!found) {
            throw new IllegalArgumentException("project " + file + " has no run '" + runId + "'");
        }
    }

    /** Returns every run, oldest first. */
    public synchronized List<RunRecord> runs() throws IOException {
        return read("reading the runs", runs::all);
    }

    /** Returns one run, empty when there is none with {@code runId}. */
    public synchronized Optional<RunRecord> run(String runId) throws IOException {
        return read("reading run " + runId, () -> runs.one(runId));
    }

    /** Returns a run's metric rows in the order they were added; empty for an unknown run. */
    public synchronized List<MetricRow> runMetrics(String runId) throws IOException {
        return read("reading the metrics of run " + runId, () -> runs.metrics(runId));
    }

    // Whole file

    /**
     * Writes a consistent copy of the project to {@code target} (SQLite's {@code VACUUM INTO}).
     *
     * @throws ProjectFileException if {@code target} exists
     */
    public synchronized void copyTo(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new ProjectFileException(absolute, "already exists; choose another name or delete the file to replace it");
        }
        // VACUUM cannot run inside a transaction, and it is one statement, so autocommit makes it atomic.
        read("copying the project to " + absolute, () -> {
            try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, absolute.toString());
                vacuum.execute();
            }
            return null;
        });
    }

    /** Closes the connection; SQLite folds the WAL into the database file when the last connection closes. */
    @Override
    public synchronized void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IOException("Closing project " + file + " failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T read(String action, SqlWork<T> work) throws IOException {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /** Runs {@code work} in one transaction, so that it is committed (and on disk) or not at all. */
    private <T> T write(String action, SqlWork<T> work) throws IOException {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    private IOException failure(String action, SQLException e) {
        return new IOException("Project " + file + ": " + action + " failed: " + e.getMessage(), e);
    }

    private String queryString(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : "";
        }
    }

    private static void requireJson(String json, String subject) {
        try {
            JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(subject + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (json.isBlank()) {
            throw new IllegalArgumentException(subject + " is empty; give a JSON document such as {}");
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a project connection after a failure failed too", e);
        }
    }
}
