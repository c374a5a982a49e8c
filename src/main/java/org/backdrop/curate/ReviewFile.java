package org.backdrop.curate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backdrop.dataset.AtomicFiles;

/**
 * The review file of a dataset opened without a project: a header line and then one
 * {@code id<TAB>status} line per reviewed sample, rewritten through a temporary file after every
 * decision. It keeps the current statuses only; a project store keeps the whole decision log.
 */
final class ReviewFile implements ReviewLog {

    private static final String HEADER = "# backdrop review 1: sample id, tab, status";

    private final Path file;
    private final Map<String, ReviewStatus> statuses;

    private ReviewFile(Path file, Map<String, ReviewStatus> statuses) {
        this.file = file;
        this.statuses = statuses;
    }

    /**
     * Reads {@code file}, or starts empty when it does not exist.
     *
     * @throws IOException if the file cannot be read or a line is invalid; the message names the line
     */
    static ReviewFile read(Path file) throws IOException {
        Map<String, ReviewStatus> statuses = new HashMap<>();
        if (!Files.exists(file)) {
            return new ReviewFile(file, statuses);
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
                statuses.put(line.substring(0, tab), ReviewStatus.parse(line.substring(tab + 1).strip()));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new ReviewFile(file, statuses);
    }

    Path file() {
        return file;
    }

    /** Returns a copy of the statuses read or recorded so far; unreviewed samples are absent. */
    Map<String, ReviewStatus> statuses() {
        return new HashMap<>(statuses);
    }

    @Override
    public void record(ReviewDecision decision) throws IOException {
        if (decision.status() == ReviewStatus.UNREVIEWED) {
            statuses.remove(decision.sampleId());
        } else {
            statuses.put(decision.sampleId(), decision.status());
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        statuses.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> text.append(entry.getKey()).append('\t').append(entry.getValue().label()).append('\n'));
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
