package org.backdrop.ui.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.dataset.Sample;

/**
 * The review status of each sample of one dataset, with undo, saved to a text file after every
 * decision. The file contains a header line and then one {@code id<TAB>status} line per reviewed sample.
 *
 * <p>Not thread-safe: use it on the JavaFX thread.
 */
public final class ReviewState {

    private static final String HEADER = "# backdrop review 1: sample id, tab, status";

    private record Decision(String sampleId, ReviewStatus before) {}

    private final Path file;
    private final Map<String, ReviewStatus> statuses = new HashMap<>();
    private final Deque<Decision> undo = new ArrayDeque<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();

    private ReviewState(Path file) {
        this.file = file;
    }

    /** Returns the review file of the dataset at {@code datasetRoot}: {@code <name>.review.tsv} beside it. */
    public static Path fileFor(Path datasetRoot) {
        Path absolute = datasetRoot.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".review.tsv");
    }

    /**
     * Reads {@code file}, or starts an empty state when it does not exist.
     *
     * @throws IOException if the file cannot be read or a line is invalid; the message names the line
     */
    public static ReviewState open(Path file) throws IOException {
        ReviewState state = new ReviewState(file);
        if (!Files.exists(file)) {
            return state;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab <= 0) {
                throw new IOException(file + ": line " + (i + 1) + " needs a sample id, a tab and a status");
            }
            try {
                state.statuses.put(line.substring(0, tab), ReviewStatus.parse(line.substring(tab + 1).strip()));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return state;
    }

    /** Returns an empty state that is never saved, for a dataset whose review file cannot be written. */
    public static ReviewState inMemory() {
        return new ReviewState(null);
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public ReviewStatus status(String sampleId) {
        return statuses.getOrDefault(sampleId, ReviewStatus.UNREVIEWED);
    }

    /** A counter that grows with every change, for views to listen to. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /**
     * Sets the status of one sample, remembers the previous one for {@link #undo()} and saves the file.
     *
     * @throws IOException if the file cannot be written; the status is set all the same
     */
    public void decide(String sampleId, ReviewStatus status) throws IOException {
        undo.push(new Decision(sampleId, status(sampleId)));
        put(sampleId, status);
        save();
    }

    /**
     * Restores the status that the last decision replaced and saves the file.
     *
     * @return the id of the sample whose decision was undone, empty when there is nothing to undo
     * @throws IOException if the file cannot be written
     */
    public Optional<String> undo() throws IOException {
        Decision last = undo.poll();
        if (last == null) {
            return Optional.empty();
        }
        put(last.sampleId(), last.before());
        save();
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
            ReviewStatus status = status(sample.id());
            if (status == ReviewStatus.ACCEPTED || status == ReviewStatus.EDITED) {
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
        revision.set(revision.get() + 1);
    }

    private void save() throws IOException {
        if (file == null) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        statuses.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> text.append(entry.getKey()).append('\t').append(entry.getValue().label()).append('\n'));
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
