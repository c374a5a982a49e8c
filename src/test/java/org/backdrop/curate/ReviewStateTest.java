package org.backdrop.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backdrop.dataset.Sample;
import org.backdrop.segment.MaskFilter;
import org.backdrop.ui.StudioTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewStateTest {

    @TempDir
    Path temp;

    @Test
    void decisionSurvivesReopening() throws IOException {
        Path file = temp.resolve("data.review.tsv");
        ReviewState state = ReviewState.open(file);

        state.decide("cat/cat0.png", ReviewStatus.ACCEPTED);
        state.decide("dog/dog1.png", ReviewStatus.REJECTED);
        ReviewState reopened = ReviewState.open(file);

        assertEquals(ReviewStatus.ACCEPTED, reopened.status("cat/cat0.png"));
        assertEquals(ReviewStatus.REJECTED, reopened.status("dog/dog1.png"));
        assertEquals(ReviewStatus.UNREVIEWED, reopened.status("cat/cat1.png"));
    }

    @Test
    void undoRestoresPreviousStatus() throws IOException {
        ReviewState state = ReviewState.open(temp.resolve("r.tsv"));
        state.decide("a", ReviewStatus.ACCEPTED);
        state.decide("a", ReviewStatus.REJECTED);

        assertEquals(Optional.of("a"), state.undo());
        assertEquals(ReviewStatus.ACCEPTED, state.status("a"));
        assertEquals(Optional.of("a"), state.undo());
        assertEquals(ReviewStatus.UNREVIEWED, state.status("a"));
        assertEquals(Optional.empty(), state.undo());
    }

    @Test
    void undoIsSaved() throws IOException {
        Path file = temp.resolve("r.tsv");
        ReviewState state = ReviewState.open(file);
        state.decide("a", ReviewStatus.ACCEPTED);

        state.undo();

        assertEquals(ReviewStatus.UNREVIEWED, ReviewState.open(file).status("a"));
    }

    @Test
    void curatedListReadsBack() throws Exception {
        List<Sample> samples = StudioTestData.read(StudioTestData.write(temp)).samples();
        ReviewState state = ReviewState.inMemory();
        state.decide(samples.get(0).id(), ReviewStatus.ACCEPTED);
        state.decide(samples.get(2).id(), ReviewStatus.EDITED);
        state.decide(samples.get(3).id(), ReviewStatus.REJECTED);
        Path list = temp.resolve("curated.txt");

        int written = state.exportCuratedList(samples, list);

        assertEquals(2, written);
        assertEquals(List.of(samples.get(0).id(), samples.get(2).id()), Files.readAllLines(list, StandardCharsets.UTF_8));
        assertEquals(2, MaskFilter.readCuratedList(list).size());
    }

    @Test
    void countsCoverEveryStatus() throws Exception {
        List<Sample> samples = StudioTestData.read(StudioTestData.write(temp)).samples();
        ReviewState state = ReviewState.inMemory();
        state.decide(samples.get(0).id(), ReviewStatus.ACCEPTED);
        state.decide(samples.get(1).id(), ReviewStatus.ACCEPTED);
        state.decide(samples.get(5).id(), ReviewStatus.REJECTED);

        var counts = state.counts(samples);

        assertEquals(3, counts.get(ReviewStatus.UNREVIEWED));
        assertEquals(2, counts.get(ReviewStatus.ACCEPTED));
        assertEquals(1, counts.get(ReviewStatus.REJECTED));
        assertEquals(0, counts.get(ReviewStatus.EDITED));
    }

    @Test
    void invalidLineNamesLine() throws IOException {
        Path file = temp.resolve("bad.tsv");
        Files.writeString(file, "# header\na\taccepted\nb\tmaybe\n");

        IOException error = assertThrows(IOException.class, () -> ReviewState.open(file));

        assertTrue(error.getMessage().contains("line 3"), error.getMessage());
    }

    @Test
    void decisionsGoToLogWithTime() throws IOException {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        List<ReviewDecision> logged = new ArrayList<>();
        ReviewState state = ReviewState.withLog(Map.of("a", ReviewStatus.REJECTED), logged::add, Clock.fixed(now, ZoneOffset.UTC));

        state.decide("a", ReviewStatus.ACCEPTED);
        state.undo();

        assertEquals(List.of(new ReviewDecision("a", ReviewStatus.ACCEPTED, now, false), new ReviewDecision("a", ReviewStatus.REJECTED, now, true)),
                logged);
        assertEquals(ReviewStatus.REJECTED, state.status("a"));
    }

    @Test
    void failedLogKeepsStatus() {
        ReviewState state = ReviewState.withLog(Map.of(), decision -> {
            throw new IOException("disk full");
        }, Clock.systemUTC());

        assertThrows(IOException.class, () -> state.decide("a", ReviewStatus.ACCEPTED));

        assertEquals(ReviewStatus.ACCEPTED, state.status("a"));
    }

    @Test
    void listenersRunOnEveryChange() throws IOException {
        ReviewState state = ReviewState.inMemory();
        List<Long> seen = new ArrayList<>();
        state.addListener(() -> seen.add(state.revision()));

        state.decide("a", ReviewStatus.ACCEPTED);
        state.undo();

        assertEquals(List.of(1L, 2L), seen);
    }

    @Test
    void fileSitsBesideDataset() {
        assertEquals(temp.resolve("voc.review.tsv"), ReviewState.fileFor(temp.resolve("voc")));
    }
}
