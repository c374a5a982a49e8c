package org.backdrop.dataset.coco;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReportingDatasetWriter;
import org.backdrop.dataset.SafePaths;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.dataset.WriteReport;
import org.backdrop.image.ImageEncoder;
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
public final class CocoWriter implements ReportingDatasetWriter {

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
     * Writes {@code dataset} to {@code outDir}, replacing files of the same names. A sample whose image
     * cannot be copied, decoded or encoded is skipped with its reason, and its annotations are left out
     * of {@code annotations.json}.
     *
     * @throws DatasetException when two images would get the same file name, a number is NaN or
     *     infinite, a polygon cannot be rasterised for its area, or {@code annotations.json} cannot be
     *     written. The message names the file.
     * @throws CancellationException when {@code progress} reports cancellation; images written so far
     *     stay, {@code annotations.json} is not written
     */
    @Override
    public WriteReport writeWithReport(Dataset dataset, SampleImages images, Path outDir, ProgressListener progress) throws DatasetException {
        CocoExportPlan plan = CocoExportPlan.of(dataset, images);
        Dataset written = dataset;
        List<InvalidSample> skipped = new ArrayList<>();
        if (copyImages) {
            skipped = writeImages(dataset, images, plan, outDir.resolve(IMAGE_FOLDER), progress);
        }
        if (!skipped.isEmpty()) {
            Set<String> failed = new HashSet<>();
            skipped.forEach(sample -> failed.add(sample.file()));
            List<Sample> kept = dataset.samples().stream().filter(sample -> !failed.contains(sample.image().describe())).toList();
            written = new Dataset(dataset.format(), dataset.root(), dataset.categories(), kept, dataset.invalid());
            plan = CocoExportPlan.of(written, images);
        }

        Path target = outDir.resolve(ANNOTATION_FILE);
        Dataset toWrite = written;
        CocoExportPlan finalPlan = plan;
        try {
            AtomicFiles.write(target, temporary -> CocoJsonWriter.write(temporary, toWrite, finalPlan, progress));
        } catch (IOException | IllegalArgumentException e) {
            throw new DatasetException("failed to write " + target + ": " + e.getMessage(), e);
        }
        LOG.info("Wrote {} images in COCO format to {}", written.samples().size(), outDir);
        return new WriteReport(written.samples().size(), skipped);
    }

    /** Writes each distinct image file once and returns the samples whose image failed. */
    private static List<InvalidSample> writeImages(Dataset dataset, SampleImages images, CocoExportPlan plan, Path imageFolder,
            ProgressListener progress) {
        List<Sample> samples = dataset.samples();
        List<InvalidSample> skipped = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            if (progress.isCancelled()) {
                throw new CancellationException("writing COCO images to " + imageFolder + " was cancelled");
            }
            if (written.add(plan.fileName(i))) {
                try {
                    writeImage(dataset, images, samples.get(i), target(imageFolder, plan.fileName(i)));
                } catch (DatasetException e) {
                    LOG.warn("Skipping sample {} ({}): {}", samples.get(i).id(), samples.get(i).image().describe(), e.getMessage());
                    skipped.add(new InvalidSample(samples.get(i).image().describe(), e.getMessage()));
                }
            }
            progress.progress(i + 1, samples.size(), "Writing COCO images");
        }
        return skipped;
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
                byte[] png = ImageEncoder.encodePng(images.load(dataset, sample));
                AtomicFiles.write(target, temporary -> Files.write(temporary, png));
            }
        } catch (IOException | SafePaths.UnsafePathException e) {
            throw new DatasetException("failed to write image " + target + " from " + sample.image().describe() + ": " + e.getMessage(), e);
        }
    }
}
