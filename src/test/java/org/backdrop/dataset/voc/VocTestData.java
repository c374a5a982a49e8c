package org.backdrop.dataset.voc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backdrop.testing.TestImages;

/** Builds tiny VOC folders inside a test's temporary folder. */
final class VocTestData {

    private VocTestData() {}

    /** Writes {@code Annotations/<id>.xml} with {@code objects} (already XML) and the given size. */
    static Path writeAnnotation(Path voc, String id, String filename, int width, int height, String objects) throws IOException {
        Path file = voc.resolve("Annotations/" + id + ".xml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "<annotation><filename>" + filename + "</filename><size><width>" + width + "</width><height>"
                + height + "</height><depth>3</depth></size>" + objects + "</annotation>");
    }

    /** Returns one {@code <object>} element with a box in VOC's 1-based corners. */
    static String object(String name, int xmin, int ymin, int xmax, int ymax) {
        return "<object><name>" + name + "</name><bndbox><xmin>" + xmin + "</xmin><ymin>" + ymin + "</ymin><xmax>" + xmax
                + "</xmax><ymax>" + ymax + "</ymax></bndbox></object>";
    }

    /** Writes a black PNG of {@code width x height} at {@code relative} under {@code voc}. */
    static Path writeImage(Path voc, String relative, int width, int height) throws IOException {
        return TestImages.writePng(voc.resolve(relative), width, height);
    }

    /** Copies {@code source} to {@code relative} under {@code voc}. */
    static Path copy(Path source, Path voc, String relative) throws IOException {
        Path file = voc.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.copy(source, file);
    }
}
