package org.backdrop.dataset.voc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.SafePaths;
import org.backdrop.dataset.Sample;
import org.backdrop.image.ImageDecodeException;
import org.backdrop.image.ImageHeader;
import org.backdrop.mask.RleSegmentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one VOC sample: its annotation file when there is one, its image reference and its masks.
 * Object k of the annotation file (1-based) gets the pixels with value k in
 * {@code SegmentationObject/<id>.png} as its instance mask, as the devkit numbers them. Without an
 * annotation file, each instance in the mask becomes an object whose class is the most frequent
 * class index under it and whose box is the instance's extent.
 */
final class VocSampleReader {

    private static final Logger LOG = LoggerFactory.getLogger(VocSampleReader.class);

    private final Path voc;
    private final VocCategories categories;
    private final Map<String, String> imagesByStem;
    private final ReadOptions options;
    private final VocXml xml = new VocXml();

    /**
     * @param voc the VOC folder
     * @param imagesByStem file names in {@code JPEGImages} by their name without extension
     */
    VocSampleReader(Path voc, VocCategories categories, Map<String, String> imagesByStem, ReadOptions options) {
        this.voc = voc;
        this.categories = categories;
        this.imagesByStem = imagesByStem;
        this.options = options;
    }

    /**
     * Reads sample {@code id} from {@code Annotations/<id>.xml} and its masks.
     *
     * @param firstAnnotationId the dataset-wide id of the sample's first object
     * @throws InvalidSampleException if the annotation, image or masks cannot be used
     */
    Sample readAnnotated(String id, long firstAnnotationId) throws InvalidSampleException {
        VocAnnotationFile annotation;
        try {
            annotation = xml.parse(SafePaths.resolveInside(voc, VocLayout.ANNOTATIONS + "/" + id + ".xml"));
        } catch (IOException e) {
            throw new InvalidSampleException(e.getMessage(), e);
        }
        String image = imagePath(id, annotation.filename());
        int width = annotation.width();
        int height = annotation.height();
        if (width == 0 || height == 0) {
            ImageHeader header = readImageHeader(image);
            width = header.orientedWidth();
            height = header.orientedHeight();
        }
        checkPixelLimit(width, height);
        Optional<VocMasks> masks = readMasks(id, width, height);

        List<Annotation> annotations = new ArrayList<>();
        List<VocObject> objects = annotation.objects();
        for (int k = 0; k < objects.size(); k++) {
            VocObject object = objects.get(k);
            int number = k + 1;
            RleSegmentation segmentation = masks.filter(found -> found.objects() != null)
                    .map(found -> new RleSegmentation(found.instanceMask(number), true))
                    .orElse(null);
            annotations.add(new Annotation(firstAnnotationId + k, categories.idFor(object.name()), object.box(), segmentation,
                    false, Double.NaN, object.difficult(), object.truncated(), object.attributes()));
        }
        masks.ifPresent(found -> warnAboutExtraInstances(id, found, objects.size()));
        return new Sample(id, new ImageRef.File(image), width, height, List.of(), annotations);
    }

    /**
     * Reads sample {@code id} from its masks alone, for datasets without annotation files.
     *
     * @throws InvalidSampleException if the image or masks cannot be used
     */
    Sample readFromMasks(String id, long firstAnnotationId) throws InvalidSampleException {
        String image = imagePath(id, "");
        VocMasks masks = readMasks(id, 0, 0).orElseThrow(() -> new InvalidSampleException("has no mask in "
                + VocMasks.CLASS_FOLDER + " or " + VocMasks.OBJECT_FOLDER));
        checkPixelLimit(masks.width(), masks.height());

        List<Annotation> annotations = new ArrayList<>();
        IndexedMask regions = masks.objects() != null ? masks.objects() : masks.classes();
        long[] histogram = regions.histogram();
        for (int value = 1; value < IndexedMask.VOID; value++) {
            if (histogram[value] == 0) {
                continue;
            }
            int classIndex = masks.objects() != null ? majorityClass(masks, value, id) : value;
            if (classIndex < 0) {
                continue;
            }
            annotations.add(new Annotation(firstAnnotationId + annotations.size(), categories.idForIndex(classIndex),
                    extent(regions, value), new RleSegmentation(regions.maskOf(value), true), false, Double.NaN, false, false, Map.of()));
        }
        return new Sample(id, new ImageRef.File(image), masks.width(), masks.height(), List.of(), annotations);
    }

    /** Returns the image's path relative to the VOC folder: the annotation's file name, else {@code <id>.*}. */
    private String imagePath(String id, String filename) throws InvalidSampleException {
        Path images = voc.resolve(VocLayout.IMAGES);
        if (!filename.isEmpty()) {
            Path file;
            try {
                file = SafePaths.resolveInside(images, filename);
            } catch (SafePaths.UnsafePathException e) {
                throw new InvalidSampleException("names image '" + filename + "', which is not inside " + VocLayout.IMAGES
                        + "; use a plain file name: " + e.getMessage(), e);
            }
            if (Files.isRegularFile(file)) {
                return voc.toAbsolutePath().normalize().relativize(file).toString().replace('\\', '/');
            }
        }
        String byStem = imagesByStem.get(id);
        if (byStem != null) {
            return VocLayout.IMAGES + "/" + byStem;
        }
        String expected = filename.isEmpty() ? id + ".jpg" : filename;
        throw new InvalidSampleException("image file " + VocLayout.IMAGES + "/" + expected + " not found; add the image or remove the sample");
    }

    private ImageHeader readImageHeader(String image) throws InvalidSampleException {
        try {
            return ImageHeader.read(SafePaths.resolveInside(voc, image));
        } catch (ImageDecodeException e) {
            throw new InvalidSampleException("has no <size> and the size of " + image + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void checkPixelLimit(int width, int height) throws InvalidSampleException {
        if ((long) width * height > options.maxPixels()) {
            throw new InvalidSampleException("declares " + width + "x" + height + " pixels, more than the limit of "
                    + options.maxPixels() + "; raise the pixel limit to read it");
        }
    }

    /** Reads the sample's masks and checks that they are {@code width x height} (not checked when 0). */
    private Optional<VocMasks> readMasks(String id, int width, int height) throws InvalidSampleException {
        Optional<VocMasks> masks;
        try {
            masks = VocMasks.read(voc, id);
        } catch (IOException e) {
            throw new InvalidSampleException("has a mask that cannot be read: " + e.getMessage(), e);
        }
        if (masks.isPresent() && width > 0 && (masks.get().width() != width || masks.get().height() != height)) {
            throw new InvalidSampleException("has " + masks.get().width() + "x" + masks.get().height() + " masks but a "
                    + width + "x" + height + " image; the masks must match the image size");
        }
        return masks;
    }

    /** Returns the most frequent class index (not 0 or 255) under instance {@code value}, or -1 when there is none. */
    private static int majorityClass(VocMasks masks, int value, String id) throws InvalidSampleException {
        if (masks.classes() == null) {
            throw new InvalidSampleException("has an instance mask but neither an annotation file nor a "
                    + VocMasks.CLASS_FOLDER + " mask, so the class of its objects is unknown");
        }
        long[] votes = new long[256];
        byte[] instances = masks.objects().values();
        byte[] classes = masks.classes().values();
        for (int i = 0; i < instances.length; i++) {
            if ((instances[i] & 0xFF) == value) {
                votes[classes[i] & 0xFF]++;
            }
        }
        int best = -1;
        for (int index = 1; index < IndexedMask.VOID; index++) {
            if (votes[index] > 0 && (best < 0 || votes[index] > votes[best])) {
                best = index;
            }
        }
        if (best < 0) {
            LOG.warn("Instance {} of sample {} covers no class in {}; it is left out", value, id, VocMasks.CLASS_FOLDER);
        }
        return best;
    }

    /** Returns the box around the pixels with {@code value}. */
    private static BoundingBox extent(IndexedMask mask, int value) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.valueAt(x, y) == value) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return new BoundingBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static void warnAboutExtraInstances(String id, VocMasks masks, int objectCount) {
        if (masks.objects() == null) {
            return;
        }
        long[] histogram = masks.objects().histogram();
        for (int value = objectCount + 1; value < IndexedMask.VOID; value++) {
            if (histogram[value] > 0) {
                LOG.warn("{}/{}.png has instance {} but the annotation has only {} objects; those pixels belong to no object",
                        VocMasks.OBJECT_FOLDER, id, value, objectCount);
                return;
            }
        }
    }

    /** Thrown when a sample cannot be used; the message names the fault and the fix. */
    static final class InvalidSampleException extends Exception {
        InvalidSampleException(String message) {
            super(message);
        }

        InvalidSampleException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
