package org.backdrop.dataset.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.FileNames;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.voc.VocObject;
import org.backdrop.dataset.voc.VocXml;
import org.backdrop.image.ImageDecodeException;
import org.backdrop.image.ImageHeader;

/** Reads one image of an image folder and the VOC annotation file beside it, if any. */
final class FolderSampleReader {

    /** The attribute that keeps an object's class name when it differs from the folder's. */
    static final String NAME_ATTRIBUTE = "name";

    private final Path root;
    private final ReadOptions options;
    private final VocXml xml = new VocXml();

    FolderSampleReader(Path root, ReadOptions options) {
        this.root = root;
        this.options = options;
    }

    /** Returns the path of {@code file} relative to {@code root}, with {@code /} separators. */
    static String relativeName(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /**
     * Reads {@code image}, which lies in the folder of {@code category}.
     *
     * @param firstAnnotationId the dataset-wide id of the sample's first object
     * @throws InvalidImageException if the image header or the annotation file cannot be used
     */
    Sample read(Path image, Category category, long firstAnnotationId) throws InvalidImageException {
        Sample plain = readUnlabelled(image);
        List<Annotation> annotations = readAnnotations(image, plain.id(), category, firstAnnotationId);
        return new Sample(plain.id(), plain.image(), plain.width(), plain.height(), List.of(category.id()), annotations);
    }

    /** Reads {@code image} as a sample without a class and without annotations. */
    Sample readUnlabelled(Path image) throws InvalidImageException {
        String relative = relativeName(root, image);
        ImageHeader header;
        try {
            header = ImageHeader.read(image);
        } catch (ImageDecodeException e) {
            throw new InvalidImageException("image header cannot be read: " + e.detail(), e);
        }
        if (header.pixelCount() > options.maxPixels()) {
            throw new InvalidImageException("declares " + header.width() + "x" + header.height() + " pixels, more than the limit of "
                    + options.maxPixels() + "; raise the pixel limit to read it");
        }

        String id = relative.substring(0, relative.length() - FileNames.extension(relative).length());
        return new Sample(id, new ImageRef.File(relative), header.orientedWidth(), header.orientedHeight(), List.of(), List.of());
    }

    private List<Annotation> readAnnotations(Path image, String id, Category category, long firstAnnotationId) throws InvalidImageException {
        String imageName = image.getFileName().toString();
        Path annotationFile = image.resolveSibling(imageName.substring(0, imageName.length() - FileNames.extension(imageName).length()) + ".xml");
        if (!Files.isRegularFile(annotationFile)) {
            return List.of();
        }
        List<VocObject> objects;
        try {
            objects = xml.parse(annotationFile).objects();
        } catch (IOException e) {
            throw new InvalidImageException(id + ".xml " + e.getMessage(), e);
        }
        List<Annotation> annotations = new ArrayList<>();
        for (VocObject object : objects) {
            Map<String, String> attributes = new HashMap<>(object.attributes());
            if (!object.name().equals(category.name())) {
                attributes.put(NAME_ATTRIBUTE, object.name());
            }
            annotations.add(new Annotation(firstAnnotationId + annotations.size(), category.id(), object.box(), null, false, Double.NaN,
                    object.difficult(), object.truncated(), attributes));
        }
        return annotations;
    }

    /** Thrown when an image cannot be used; the message names the fault and the fix. */
    static final class InvalidImageException extends Exception {
        InvalidImageException(String message) {
            super(message);
        }

        InvalidImageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
