package org.backdrop.curate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.dataset.Sample;

/**
 * The review status of each sample of one dataset, with undo. Every decision, and every undo, goes
 * to a {@link ReviewLog} as it is made: a project store, a review file beside the dataset, or none.
 *
 * <p>Not thread-safe: use it from one thread (the studio's JavaFX thread, or a command's main thread).
 */
public final class ReviewState {

    private record Change(String sampleId, ReviewStatus before) {}

    private final ReviewLog log;
    private final Path file;
    private final Clock clock;
    private final Map<String, ReviewStatus> statuses;
    private final Deque<Change> undo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long revision;

    private ReviewState(Map<String, ReviewStatus> statuses, ReviewLog log, Path file, Clock clock) {
        this.statuses = new HashMap<>(statuses);
        this.statuses.values().removeIf(status -> status == ReviewStatus.UNREVIEWED);
        this.log = log;
        this.file = file;
        this.clock = clock;
    }

    /** Returns the review file of the dataset at {@code datasetRoot}: {@code <name>.review.tsv} beside it. */
    public static Path fileFor(Path datasetRoot) {
        Path absolute = datasetRoot.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".review.tsv");
    }

    /**
     * Reads the review file {@code file}, or starts an empty state when it does not exist; each
     * decision rewrites the file.
     *
     * @throws IOException if the file cannot be read or a line is invalid; the message names the line
     */
    public static ReviewState open(Path file) throws IOException {
        ReviewFile reviewFile = ReviewFile.read(file);
        return new ReviewState(reviewFile.statuses(), reviewFile, file, Clock.systemUTC());
    }

    /**
     * Returns a state that starts from {@code current} (sample id to status) and records each decision
     * in {@code log}, timed by {@code clock}.
     */
    public static ReviewState withLog(Map<String, ReviewStatus> current, ReviewLog log, Clock clock) {
        return new ReviewState(current, log, null, clock);
    }

    /** Returns an empty state that is never saved, for a dataset whose decisions cannot be written. */
    public static ReviewState inMemory() {
        return new ReviewState(Map.of(), ReviewLog.NONE, null, Clock.systemUTC());
    }

    /** Returns the review file this state rewrites, empty when it saves elsewhere or nowhere. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public ReviewStatus status(String sampleId) {
        return statuses.getOrDefault(sampleId, ReviewStatus.UNREVIEWED);
    }

    /** Returns a copy of every status other than unreviewed, keyed by sample id. */
    public Map<String, ReviewStatus> statuses() {
        return Map.copyOf(statuses);
    }

    /** Returns a counter that grows with every change. */
    public long revision() {
        return revision;
    }

    /** Adds a listener that runs, on the thread that made the change, after every change. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * Sets the status of one sample, remembers the previous one for {@link #undo()} and records the decision.
     *
     * @throws IOException if the log cannot record it; the status is set all the same
     */
    public void decide(String sampleId, ReviewStatus status) throws IOException {
        undo.push(new Change(sampleId, status(sampleId)));
        put(sampleId, status);
        log.record(new ReviewDecision(sampleId, status, clock.instant(), false));
    }

    /**
     * Restores the status that the last decision replaced and records that as an undo decision.
     *
     * @return the id of the sample whose decision was undone, empty when there is nothing to undo
     * @throws IOException if the log cannot record it; the status is restored all the same
     */
    public Optional<String> undo() throws IOException {
        Change last = undo.poll();
        if (last == null) {
            return Optional.empty();
        }
        put(last.sampleId(), last.before());
        log.record(new ReviewDecision(last.sampleId(), last.before(), clock.instant(), true));
        return Optional.of(last.sampleId());
    }

    /** Counts the samples of {@code samples} in each status; every status is present. */
    public Map<ReviewStatus, Integer> counts(List<Sample> samples) {
        Map<ReviewStatus, Integer> counts = new EnumMap<>(ReviewStatus.class);
        for (ReviewStatus status : ReviewStatus.values()) {
            counts.put(status, 0);
        }
        for (Sample sample : samples) {
            counts.merge(status(sample.id()), 1, Integer::sum);
        }
        return counts;
    }

    /** Returns the ids of the accepted and edited samples of {@code samples}, in their order. */
    public List<String> keptIds(List<Sample> samples) {
        List<String> ids = new ArrayList<>();
        for (Sample sample : samples) {
            if (status(sample.id()).kept()) {
                ids.add(sample.id());
            }
        }
        return ids;
    }

    /**
     * Writes the kept ids of {@code samples} as a curated list: one id per line, as
     * {@code augment --curated} reads it.
     *
     * @return the number of ids written
     */
    public int exportCuratedList(List<Sample> samples, Path target) throws IOException {
        List<String> ids = keptIds(samples);
        StringBuilder text = new StringBuilder();
        for (String id : ids) {
            text.append(id).append('\n');
        }
        AtomicFiles.write(target, text.toString().getBytes(StandardCharsets.UTF_8));
        return ids.size();
    }

    private void put(String sampleId, ReviewStatus status) {
        if (status == ReviewStatus.UNREVIEWED) {
            statuses.remove(sampleId);
        } else {
            statuses.put(sampleId, status);
        }
        revision++;
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
