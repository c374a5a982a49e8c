package org.backdrop.engine.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.backdrop.dataset.InvalidSample;
import org.junit.jupiter.api.Test;

class ClassifierDocumentTest {

    /**
     * A result in the layout of {@code eval-cls --json}: three classes, the original with 6 samples
     * (5 right) and a variant with 6 samples (3 right), where class 2 has no sample.
     */
    private static final String DOCUMENT = """
            {
              "model" : "/m/net.onnx",
              "spec" : "/m/net.spec.json",
              "device" : {"requested" : "cpu", "used" : "cpu", "reason" : "requested"},
              "datasets" : [ {
                "name" : "original", "path" : "/d/original", "samples" : 6, "correct" : 5, "accuracy" : 0.8333333333333334,
                "perClassAccuracy" : [ {"class" : 0, "name" : "cat", "samples" : 4, "accuracy" : 0.75},
                                       {"class" : 1, "name" : "ship", "samples" : 2, "accuracy" : 1.0},
                                       {"class" : 2, "name" : "2", "samples" : 0, "accuracy" : null} ],
                "confusionMatrix" : [ [3, 1, 0], [0, 2, 0], [0, 0, 0] ],
                "skipped" : [ ]
              }, {
                "name" : "red", "path" : "/d/red", "samples" : 6, "correct" : 3, "accuracy" : 0.5,
                "perClassAccuracy" : [ {"class" : 0, "name" : "cat", "samples" : 4, "accuracy" : 0.5},
                                       {"class" : 1, "name" : "ship", "samples" : 2, "accuracy" : 0.5},
                                       {"class" : 2, "name" : "2", "samples" : 0, "accuracy" : null} ],
                "confusionMatrix" : [ [2, 2, 0], [1, 1, 0], [0, 0, 0] ],
                "skipped" : [ {"file" : "/d/red/cat/7.png", "reason" : "cannot decode the image"} ]
              } ],
              "comparisons" : [ {"original" : "original", "variant" : "red", "pairedSamples" : 6, "originalAccuracy" : 0.8333333333333334,
                                 "variantAccuracy" : 0.5, "accuracyDrop" : 0.33333333333333337, "flips" : [ "cat/1", "ship/0" ]} ],
              "bgGap" : null
            }
            """;

    @Test
    void readsEveryDatasetAndComparison() throws Exception {
        ClassifierDocument document = ClassifierDocument.read(new ObjectMapper().readTree(DOCUMENT));

        assertEquals(2, document.datasets().size());
        ClassifierDocument.DatasetResult original = document.datasets().get(0);
        assertEquals("original", original.name());
        assertEquals(6, original.report().sampleCount());
        assertEquals(5, original.report().correctCount());
        assertEquals(5.0 / 6, original.report().accuracy(), 1e-12);
        assertEquals(List.of("cat", "ship", "2"), original.classNames());
        assertEquals(0.75, original.report().perClassAccuracy().get(0));
        assertTrue(Double.isNaN(original.report().perClassAccuracy().get(2)), "a class without samples has no accuracy");
        assertArrayEquals(new long[][] {{3, 1, 0}, {0, 2, 0}, {0, 0, 0}}, original.report().confusion().toArray());
        assertEquals(List.of(), original.skipped());

        ClassifierDocument.DatasetResult red = document.datasets().get(1);
        assertEquals(0.5, red.report().accuracy());
        assertEquals(List.of(new InvalidSample("/d/red/cat/7.png", "cannot decode the image")), red.skipped());

        assertEquals(List.of(new ClassifierDocument.Comparison("red", 6, 0.33333333333333337, List.of("cat/1", "ship/0"))), document.comparisons());
    }

    @Test
    void missingFieldIsNamed() throws Exception {
        String withoutCorrect = DOCUMENT.replace("\"correct\" : 5, ", "");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassifierDocument.read(new ObjectMapper().readTree(withoutCorrect)));
        assertTrue(error.getMessage().contains("\"correct\""), error.getMessage());
    }

    @Test
    void nonSquareMatrixIsRejected() throws Exception {
        String ragged = DOCUMENT.replace("[ [3, 1, 0], [0, 2, 0], [0, 0, 0] ]", "[ [3, 1, 0], [0, 2], [0, 0, 0] ]");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClassifierDocument.read(new ObjectMapper().readTree(ragged)));
        assertTrue(error.getMessage().contains("original"), error.getMessage());
    }

    @Test
    void documentWithoutDatasetsIsRejected() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> ClassifierDocument.read(new ObjectMapper().readTree("{\"datasets\": [], \"comparisons\": []}")));
    }
}
