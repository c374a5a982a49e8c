package org.backdrop.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.Sample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SampleFilterTest {

    private final List<Sample> samples = List.of(sample("Cat_01", 0), sample("cat_02", 0), sample("dog_01", 1), sample("dog_02", 1));
    private final Map<String, Long> pixels = Map.of("Cat_01", 150L, "cat_02", 149L, "dog_01", 400L);
    private final Map<String, MaskOrigin> origins = Map.of("Cat_01", MaskOrigin.GRABCUT, "cat_02", MaskOrigin.EDITED, "dog_01", MaskOrigin.GRABCUT);
    private final SampleMasks masks = new SampleMasks() {
        @Override
        public long objectPixels(String sampleId) {
            return pixels.getOrDefault(sampleId, -1L);
        }

        @Override
        public Optional<MaskOrigin> origin(String sampleId) {
            return Optional.ofNullable(origins.get(sampleId));
        }
    };
    private ReviewState review;

    private static Sample sample(String id, int label) {
        return new Sample(id, new ImageRef.File(id + ".png"), 32, 32, List.of(label), List.<Annotation>of());
    }

    @BeforeEach
    void review() throws Exception {
        review = ReviewState.inMemory();
        review.decide("dog_01", ReviewStatus.ACCEPTED);
        review.decide("cat_02", ReviewStatus.REJECTED);
    }

    private List<String> ids(SampleFilter filter) {
        return filter.apply(samples, review, masks).stream().map(Sample::id).toList();
    }

    @Test
    void emptyFilterKeepsAll() {
        assertEquals(List.of("Cat_01", "cat_02", "dog_01", "dog_02"), ids(SampleFilter.all()));
    }

    @Test
    void classKeepsLabel() {
        assertEquals(List.of("dog_01", "dog_02"), ids(new SampleFilter(OptionalInt.of(1), Optional.empty(), Optional.empty(), 0, "")));
    }

    @Test
    void statusMatchesUnreviewed() {
        assertEquals(List.of("Cat_01", "dog_02"),
                ids(new SampleFilter(OptionalInt.empty(), Optional.of(ReviewStatus.UNREVIEWED), Optional.empty(), 0, "")));
    }

    @Test
    void originDropsSamplesWithoutMask() {
        assertEquals(List.of("Cat_01", "dog_01"),
                ids(new SampleFilter(OptionalInt.empty(), Optional.empty(), Optional.of(MaskOrigin.GRABCUT), 0, "")));
    }

    @Test
    void pixelThresholdIsInclusive() {
        // A sample passes at exactly the threshold; one pixel fewer, or no mask, fails.
        assertEquals(List.of("Cat_01", "dog_01"), ids(new SampleFilter(OptionalInt.empty(), Optional.empty(), Optional.empty(), 150, "")));
    }

    @Test
    void idTextIgnoresCase() {
        assertEquals(List.of("Cat_01", "cat_02"), ids(new SampleFilter(OptionalInt.empty(), Optional.empty(), Optional.empty(), 0, " CAT ")));
    }

    @Test
    void criteriaCombine() {
        assertEquals(List.of("dog_01"),
                ids(new SampleFilter(OptionalInt.of(1), Optional.of(ReviewStatus.ACCEPTED), Optional.of(MaskOrigin.GRABCUT), 1, "dog")));
    }

    @Test
    void negativeThresholdIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SampleFilter(OptionalInt.empty(), Optional.empty(), Optional.empty(), -1, ""));
    }
}
