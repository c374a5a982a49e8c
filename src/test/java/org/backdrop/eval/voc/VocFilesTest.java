package org.backdrop.eval.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.eval.EvaluationInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocFilesTest {

    @TempDir
    Path folder;

    @Test
    void detectionFileNamesGiveClass() {
        assertEquals("cat", VocDetectionReader.className("cat.txt"));
        assertEquals("cat", VocDetectionReader.className("det_test_cat.txt"));
        assertEquals("cat", VocDetectionReader.className("comp4_det_test_cat.txt"));
    }

    @Test
    void twoFilesForOneClassAreRejected() throws IOException {
        Files.writeString(folder.resolve("cat.txt"), "img1 0.9 1 1 10 10\n");
        Files.writeString(folder.resolve("det_test_cat.txt"), "img1 0.8 1 1 10 10\n");

        EvaluationInputException error = assertThrows(EvaluationInputException.class, () -> VocDetectionReader.readFolder(folder));

        assertTrue(error.getMessage().contains("class cat"), error.getMessage());
    }

    @Test
    void emptyDetectionFileHasNoDetections() throws IOException {
        Path file = Files.writeString(folder.resolve("cat.txt"), "");

        assertEquals(List.of(), VocDetectionReader.read(file));
    }

    @Test
    void badDetectionLineNamesLine() throws IOException {
        Path file = Files.writeString(folder.resolve("cat.txt"), "img1 0.9 1 1 10 10\nimg2 high 1 1 10 10\n");

        EvaluationInputException error = assertThrows(EvaluationInputException.class, () -> VocDetectionReader.read(file));

        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void fractionalCoordinatesAreRead() throws IOException {
        Path file = Files.writeString(folder.resolve("img1.xml"), """
                <annotation>
                  <object><name>dog</name><difficult>1</difficult>
                    <bndbox><xmin>10.5</xmin><ymin>20</ymin><xmax>30.25</xmax><ymax>40</ymax></bndbox></object>
                </annotation>
                """);

        assertEquals(List.of(new VocObject("dog", 10.5, 20, 30.25, 40, true)), VocAnnotationReader.read(file));
    }

    @Test
    void missingDifficultMeansZero() throws IOException {
        Path file = Files.writeString(folder.resolve("img1.xml"), """
                <annotation><object><name>dog</name><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>3</xmax><ymax>4</ymax></bndbox></object></annotation>
                """);

        assertEquals(List.of(new VocObject("dog", 1, 2, 3, 4, false)), VocAnnotationReader.read(file));
    }

    @Test
    void externalEntityIsRejected() throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "dog");
        Path file = Files.writeString(folder.resolve("img1.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE annotation [<!ENTITY name SYSTEM "%s">]>
                <annotation><object><name>&name;</name><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>3</xmax><ymax>4</ymax></bndbox></object></annotation>
                """.formatted(secret.toUri()));

        EvaluationInputException error = assertThrows(EvaluationInputException.class, () -> VocAnnotationReader.read(file));

        assertTrue(error.getMessage().contains("img1.xml"), error.getMessage());
    }

    @Test
    void imageSetTakesFirstWord() throws IOException {
        Path file = Files.writeString(folder.resolve("test.txt"), "000001\n\n000002  -1\n");

        assertEquals(List.of("000001", "000002"), VocAnnotationReader.readImageSet(file));
    }
}
