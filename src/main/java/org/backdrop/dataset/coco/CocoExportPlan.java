package org.backdrop.dataset.coco;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.FileNames;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.RgbImage;

/**
 * The ids, file names and sizes that {@link CocoWriter} gives each sample, decided before anything is
 * written.
 *
 * <p>Image ids: when every sample id is the decimal text of an integer ({@code "42"}, not
 * {@code "042"}) and no two are equal, as for datasets read from COCO or CIFAR-10, those integers are
 * the image ids. Otherwise (VOC file stems, folder paths) images are numbered 1, 2, 3, … in dataset
 * order.
 *
 * <p>Annotation ids are kept when they are distinct and no sample has image-level labels. Otherwise
 * every annotation is numbered 1, 2, 3, … in the order written.
 *
 * <p>File names, relative to the output's {@code images/} folder: an image file keeps its path
 * relative to the source root, so its file stem stays. A CIFAR record becomes
 * {@code <batch file stem>_<index, 5 digits>.png}, such as {@code data_batch_1_00042.png}.
 */
final class CocoExportPlan {

    private final long[] imageIds;
    private final String[] fileNames;
    private final int[] widths;
    private final int[] heights;
    private final boolean renumberAnnotations;

    private CocoExportPlan(long[] imageIds, String[] fileNames, int[] widths, int[] heights, boolean renumberAnnotations) {
        this.imageIds = imageIds;
        this.fileNames = fileNames;
        this.widths = widths;
        this.heights = heights;
        this.renumberAnnotations = renumberAnnotations;
    }

    /**
     * Plans the export of {@code dataset}. A sample whose declared width or height is 0 is decoded
     * through {@code images} to learn its size, because COCO requires both.
     *
     * @throws DatasetException when two different images would get the same file name, or an image
     *     that must be decoded for its size cannot be
     */
    static CocoExportPlan of(Dataset dataset, SampleImages images) throws DatasetException {
        List<Sample> samples = dataset.samples();
        int count = samples.size();
        long[] numericIds = new long[count];
        boolean idsUsable = true;
        LongIntMap seenImageIds = new LongIntMap(count);
        LongIntMap seenAnnotationIds = new LongIntMap(1024);
        boolean annotationIdsUsable = true;
        String[] fileNames = new String[count];
        Map<String, ImageRef> imagesByFileName = new HashMap<>();
        int[] widths = new int[count];
        int[] heights = new int[count];

        for (int i = 0; i < count; i++) {
            Sample sample = samples.get(i);
            Long numeric = canonicalInteger(sample.id());
            idsUsable = idsUsable && numeric != null && seenImageIds.putIfAbsent(numeric, i) < 0;
            numericIds[i] = idsUsable ? numeric : 0;
            for (Annotation annotation : sample.annotations()) {
                annotationIdsUsable = annotationIdsUsable && seenAnnotationIds.putIfAbsent(annotation.id(), 0) < 0;
            }
            annotationIdsUsable = annotationIdsUsable && sample.labels().isEmpty();

            fileNames[i] = fileName(sample.image(), images.file(dataset, sample));
            ImageRef earlier = imagesByFileName.putIfAbsent(fileNames[i], sample.image());
            if (earlier != null && !earlier.equals(sample.image())) {
                throw new DatasetException("images " + earlier.describe() + " and " + sample.image().describe()
                        + " would both be written as " + fileNames[i] + "; rename one of them");
            }
            sizeOf(dataset, sample, images, widths, heights, i);
        }

        long[] imageIds = new long[count];
        for (int i = 0; i < count; i++) {
            imageIds[i] = idsUsable ? numericIds[i] : i + 1;
        }
        return new CocoExportPlan(imageIds, fileNames, widths, heights, !annotationIdsUsable);
    }

    long imageId(int sample) {
        return imageIds[sample];
    }

    /** Returns the file name relative to the output's {@code images/} folder, with {@code /} separators. */
    String fileName(int sample) {
        return fileNames[sample];
    }

    int width(int sample) {
        return widths[sample];
    }

    int height(int sample) {
        return heights[sample];
    }

    /** Returns true when annotations are numbered 1, 2, 3, … instead of keeping their ids. */
    boolean renumberAnnotations() {
        return renumberAnnotations;
    }

    private static Long canonicalInteger(String id) {
        try {
            long value = Long.parseLong(id);
            return Long.toString(value).equals(id) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Returns the output file name: a file's own relative path when it is copied, the same path with a
     * {@code .png} extension when its pixels are encoded (augmented variants), and a name built from
     * the batch and index for CIFAR records. A copied file whose extension differs from the sample's
     * path, such as the PNG that the Spark engine renders for a JPEG sample, gets the copied file's
     * extension, so that the name matches the bytes.
     */
    private static String fileName(ImageRef image, Optional<Path> copied) {
        if (image instanceof ImageRef.CifarRecord record) {
            String batch = record.batchFile().replace('\\', '/');
            String name = batch.substring(batch.lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            return String.format("%s_%05d.png", stem, record.index());
        }
        String path = ((ImageRef.File) image).path().replace('\\', '/');
        String extension = copied.map(file -> FileNames.extension(file.getFileName().toString())).orElse(".png");
        if (copied.isPresent() && extension.equalsIgnoreCase(FileNames.extension(path))) {
            return path;
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return (dot > slash ? path.substring(0, dot) : path) + extension;
    }

    private static void sizeOf(Dataset dataset, Sample sample, SampleImages images, int[] widths, int[] heights, int index)
            throws DatasetException {
        if (sample.width() > 0 && sample.height() > 0) {
            widths[index] = sample.width();
            heights[index] = sample.height();
            return;
        }
        try {
            RgbImage pixels = images.load(dataset, sample);
            widths[index] = pixels.width();
            heights[index] = pixels.height();
        } catch (IOException e) {
            throw new DatasetException("failed to decode " + sample.image().describe() + " to learn its size, which COCO requires: "
                    + e.getMessage(), e);
        }
    }
}
