package org.backdrop.eval.voc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backdrop.dataset.voc.VocAnnotationFile;
import org.backdrop.dataset.voc.VocXml;
import org.backdrop.eval.EvaluationInputException;

/**
 * Reads PASCAL VOC annotation files ({@code Annotations/<image>.xml}) and image set files
 * ({@code ImageSets/Main/test.txt}) for evaluation.
 *
 * <p>XML goes through the dataset package's {@link VocXml}, which rejects DOCTYPE declarations, so
 * neither external entities nor entity expansion can reach the file system or the network.
 * Coordinates may be fractional, and a missing {@code difficult} element means 0.
 */
public final class VocAnnotationReader {

    private VocAnnotationReader() {}

    /**
     * Reads an image set file: one image id per line, the first word of each line; blank lines are
     * skipped.
     *
     * @throws IOException if the file cannot be read
     */
    public static List<String> readImageSet(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                ids.add(trimmed.split("\\s+", 2)[0]);
            }
        }
        return ids;
    }

    /**
     * Reads {@code <annotations>/<id>.xml} for every image id, keeping image set order.
     *
     * @throws IOException if a file cannot be read
     * @throws EvaluationInputException if a file is missing or is not a valid VOC annotation; the
     *     message names the file and the object
     */
    public static Map<String, List<VocObject>> readAll(Path annotations, List<String> imageIds) throws IOException {
        VocXml parser = new VocXml();
        Map<String, List<VocObject>> objects = new LinkedHashMap<>();
        for (String id : imageIds) {
            Path file = annotations.resolve(id + ".xml");
            if (!file.normalize().startsWith(annotations.normalize())) {
                throw new EvaluationInputException("image id " + id + " points outside " + annotations + "; image ids are file names without folders");
            }
            objects.put(id, read(parser, file));
        }
        return objects;
    }

    /**
     * Reads the objects of one annotation file.
     *
     * @throws IOException if the file cannot be read
     * @throws EvaluationInputException if the file is missing or is not a valid VOC annotation
     */
    public static List<VocObject> read(Path file) throws IOException {
        return read(new VocXml(), file);
    }

    private static List<VocObject> read(VocXml parser, Path file) throws IOException {
        VocAnnotationFile annotation;
        try {
            annotation = parser.parse(file);
        } catch (NoSuchFileException e) {
            throw new EvaluationInputException(file + ": annotation file not found; every image of the image set needs one", e);
        } catch (VocXml.InvalidAnnotationException e) {
            throw new EvaluationInputException(file + " " + e.getMessage(), e);
        }
        List<VocObject> objects = new ArrayList<>(annotation.objects().size());
        for (org.backdrop.dataset.voc.VocObject object : annotation.objects()) {
            // NOTE: the box went through BoundingBox.fromVoc, so a fractional corner can come back one
            // unit in the last place off. Integer corners, which VOC files hold, come back exactly.
            double[] corners = object.box().toVoc();
            objects.add(new VocObject(object.name(), corners[0], corners[1], corners[2], corners[3], object.difficult()));
        }
        return objects;
    }
}
