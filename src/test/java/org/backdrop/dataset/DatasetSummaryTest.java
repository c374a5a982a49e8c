package org.backdrop.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backdrop.mask.PolygonSegmentation;
import org.junit.jupiter.api.Test;

class DatasetSummaryTest {

    private static final BoundingBox BOX = new BoundingBox(0, 0, 4, 4);

    @Test
    void countsObjectsCrowdsAndMasks() {
        Annotation plain = Annotation.ofBox(1, 3, BOX);
        Annotation crowd = new Annotation(2, 3, BOX, null, true, 16, false, false, Map.of());
        Annotation masked = new Annotation(3, 7, BOX,
                new PolygonSegmentation(List.of(new double[] {0, 0, 4, 0, 4, 4})), false, 8, false, false, Map.of());
        Dataset dataset = dataset(
                List.of(new Category(3, "cat"), new Category(7, "dog")),
                List.of(sample("a", List.of(), List.of(plain, crowd)), sample("b", List.of(), List.of(masked))));

        DatasetSummary summary = DatasetSummary.of(dataset);

        assertEquals(2, summary.images());
        assertEquals(3, summary.annotations());
        assertEquals(1, summary.crowd());
        assertEquals(1, summary.withMasks());
        assertEquals(List.of(new DatasetSummary.CategoryCount(3, "cat", 2), new DatasetSummary.CategoryCount(7, "dog", 1)),
                summary.categories());
    }

    @Test
    void imageLabelsCountAsAnnotations() {
        Dataset dataset = dataset(
                List.of(new Category(0, "airplane"), new Category(1, "automobile")),
                List.of(sample("0", List.of(1), List.of()), sample("1", List.of(1), List.of())));

        DatasetSummary summary = DatasetSummary.of(dataset);

        assertEquals(2, summary.annotations());
        assertEquals(List.of(new DatasetSummary.CategoryCount(0, "airplane", 0), new DatasetSummary.CategoryCount(1, "automobile", 2)),
                summary.categories());
    }

    @Test
    void unlistedCategoryIsCountedAsUnknown() {
        Dataset dataset = dataset(List.of(), List.of(sample("a", List.of(), List.of(Annotation.ofBox(1, 42, BOX)))));

        assertEquals(List.of(new DatasetSummary.CategoryCount(42, "(unknown)", 1)), DatasetSummary.of(dataset).categories());
    }

    private static Sample sample(String id, List<Integer> labels, List<Annotation> annotations) {
        return new Sample(id, new ImageRef.File(id + ".jpg"), 4, 4, labels, annotations);
    }

    private static Dataset dataset(List<Category> categories, List<Sample> samples) {
        return new Dataset(DatasetFormat.COCO, Path.of("."), categories, samples, List.of());
    }
}
