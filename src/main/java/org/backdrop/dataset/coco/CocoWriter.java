package org.backdrop.dataset.coco;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetWriter;
import org.backdrop.dataset.SafePaths;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a dataset as COCO instances: {@code annotations.json} in the output folder and the images
 * under {@code images/} beside it, so that {@link CocoReader} reads the output back as equal records.
 *
 * <p><b>Images.</b> An image file is copied byte for byte to {@code images/<its path relative to the
 * source root>}. A CIFAR-10 record is decoded and written as a PNG named
 * {@code <batch stem>_<index, 5 digits>.png}. {@link #annotationsOnly()} writes no images.
 *
 * <p><b>Ids.</b> When every sample id is the decimal text of an integer and no two are equal (COCO and
 * CIFAR-10 datasets), those are the image ids; otherwise (VOC file stems, folder paths) images are
 * numbered 1, 2, 3, … in dataset order. Annotation ids are kept when they are distinct and no sample
 * has image-level labels. Otherwise all annotations are numbered 1, 2, 3, … in written order.
 * Categories keep their ids, names and supercategories (the key is left out when it is empty).
 *
 * <p><b>Annotations.</b> Each has {@code id}, {@code image_id}, {@code category_id}, {@code iscrowd},
 * {@code area}, {@code bbox} and {@code segmentation}. Polygons stay polygons and RLE masks keep
 * their form: compressed strings are encoded as pycocotools' {@code rleToString} does. An
 * annotation without a mask gets {@code "segmentation": []}: pycocotools loads it, evaluates boxes
 * and draws nothing for it, whereas its {@code annToRLE} fails on it as it fails on a missing key.
 * An area of NaN is written as the mask's pixel count, or as the box's width times height without a
 * mask. An image-level label (CIFAR-10, image folders) becomes an annotation whose box covers the
 * whole image.
 *
 * <p><b>Files.</b> Every file is written under a temporary name and renamed into place, images
 * first and {@code annotations.json} last, so a run that fails or is cancelled leaves no
 * {@code annotations.json} that names missing images. Instances are immutable and thread-safe.
 */
public final class CocoWriter implements DatasetWriter {

    /** The annotation file's name in the output folder. */
    public static final String ANNOTATION_FILE = "annotations.json";

    /** The folder, in the output folder, that contains the images. */
    public static final String IMAGE_FOLDER = "images";

    private static final Logger LOG = LoggerFactory.getLogger(CocoWriter.class);

    private final boolean copyImages;

    /** Creates a writer that writes the annotation file and the images. */
    public CocoWriter() {
        this(true);
    }

    private CocoWriter(boolean copyImages) {
        this.copyImages = copyImages;
    }

    /**
     * Returns a writer that writes only {@code annotations.json}, for datasets whose images are not at
     * hand or stay where they are.
     */
    public static CocoWriter annotationsOnly() {
        return new CocoWriter(false);
    }

    @Override
    public DatasetFormat format() {
        return DatasetFormat.COCO;
    }

    /**
     * Writes {@code dataset} to {@code outDir}, replacing files of the same names.
     *
     * @throws DatasetException when an image file is missing or cannot be copied or decoded, or two
     *     images would get the same file name. Also when a number is NaN or infinite, a polygon cannot
     *     be rasterised for its area, or a file cannot be written. The message names the file.
     * @throws CancellationException when {@code progress} reports cancellation; images written so far
     *     stay, {@code annotations.json} is not written
     */
    @Override
    public void write(Dataset dataset, SampleImages images, Path outDir, ProgressListener progress) throws DatasetException {
        CocoExportPlan plan = CocoExportPlan.of(dataset, images);
        if (copyImages) {
            writeImages(dataset, images, plan, outDir.resolve(IMAGE_FOLDER), progress);
        }

        Path target = outDir.resolve(ANNOTATION_FILE);
        try {
            AtomicFiles.write(target, temporary -> CocoJsonWriter.write(temporary, dataset, plan, progress));
        } catch (IOException | IllegalArgumentException e) {
            throw new DatasetException("failed to write " + target + ": " + e.getMessage(), e);
        }
        LOG.info("Wrote {} images in COCO format to {}", dataset.samples().size(), outDir);
    }

    private static void writeImages(Dataset dataset, SampleImages images, CocoExportPlan plan, Path imageFolder, ProgressListener progress)
            throws DatasetException {
        List<Sample> samples = dataset.samples();
        Set<String> written = new HashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            if (progress.isCancelled()) {
                throw new CancellationException("writing COCO images to " + imageFolder + " was cancelled");
            }
            if (written.add(plan.fileName(i))) {
                writeImage(dataset, images, samples.get(i), target(imageFolder, plan.fileName(i)));
            }
            progress.progress(i + 1, samples.size(), "Writing COCO images");
        }
    }

    private static Path target(Path imageFolder, String fileName) throws DatasetException {
        try {
            return SafePaths.resolveInside(imageFolder, fileName);
        } catch (SafePaths.UnsafePathException e) {
            throw new DatasetException("failed to write image " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static void writeImage(Dataset dataset, SampleImages images, Sample sample, Path target) throws DatasetException {
        try {
            Optional<Path> source = images.file(dataset, sample);
            if (source.isPresent()) {
                if (!Files.isRegularFile(source.get())) {
                    throw new DatasetException("image file " + source.get() + " of sample " + sample.id()
                            + " was not found; restore it, or write annotations only");
                }
                AtomicFiles.write(target, temporary -> Files.copy(source.get(), temporary, StandardCopyOption.REPLACE_EXISTING));
            } else {
                RgbImage pixels = images.load(dataset, sample);
                AtomicFiles.write(target, temporary -> PngFiles.write(pixels, temporary));
            }
        } catch (IOException | SafePaths.UnsafePathException e) {
            throw new DatasetException("failed to write image " + target + " from " + sample.image().describe() + ": " + e.getMessage(), e);
        }
    }
}
