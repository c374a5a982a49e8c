package org.backdrop.dataset.voc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetProgress;
import org.backdrop.dataset.FileNames;
import org.backdrop.dataset.ReportingDatasetWriter;
import org.backdrop.dataset.SafePaths;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.dataset.SampleSkippedException;
import org.backdrop.dataset.WriteReport;
import org.backdrop.image.ImageDecodeException;
import org.backdrop.image.ImageEncoder;
import org.backdrop.image.ImageHeader;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a PASCAL VOC folder: {@code Annotations/<id>.xml}, {@code JPEGImages/<id>.<ext>},
 * {@code SegmentationClass} and {@code SegmentationObject} palette PNGs with the VOC colour map for
 * samples whose annotations have masks (RLE, or polygons rasterised), the {@code ImageSets} lists
 * ({@link VocImageSets}) and, unless the categories are the 20 VOC classes,
 * {@code class_names.txt} ({@link VocClassIndex}).
 *
 * <p>Image files are copied byte for byte; images without a file (CIFAR-10 records) are encoded as
 * PNG. A sample's id becomes its file name, with characters other than letters, digits, {@code .},
 * {@code _} and {@code -} replaced by {@code _}. The void region comes from the source's masks when
 * the source is VOC ({@link VocMasks}); other sources have none.
 */
public final class VocWriter implements ReportingDatasetWriter {

    private static final Logger LOG = LoggerFactory.getLogger(VocWriter.class);

    @Override
    public DatasetFormat format() {
        return DatasetFormat.VOC;
    }

    /**
     * Writes every sample it can and lists the others as skipped.
     *
     * @throws DatasetException if the categories do not fit VOC masks or a file cannot be written
     * @throws CancellationException if {@code progress} reports cancellation; samples written before then stay
     */
    @Override
    public WriteReport writeWithReport(Dataset dataset, SampleImages images, Path outDir, ProgressListener progress) throws DatasetException {
        VocClassIndex classIndex = VocClassIndex.of(dataset.categories());
        FileNames fileNames = new FileNames();
        Map<String, String> writtenIds = new LinkedHashMap<>();
        List<String> segmentedIds = new ArrayList<>();
        WriteReport.Builder report = new WriteReport.Builder(LOG);
        List<Sample> samples = dataset.samples();

        for (int i = 0; i < samples.size(); i++) {
            DatasetProgress.step(progress, i, samples.size(), "Writing VOC samples", "writing " + outDir);
            Sample sample = samples.get(i);
            String id = fileNames.unique(FileNames.sanitize(sample.id(), "sample"), "");
            try {
                boolean segmented = writeSample(dataset, sample, id, images, classIndex, outDir);
                writtenIds.put(sample.id(), id);
                report.written();
                if (segmented) {
                    segmentedIds.add(id);
                }
            } catch (SampleSkippedException e) {
                report.skipped(sample, e.getMessage());
            } catch (IOException e) {
                throw new DatasetException("cannot write VOC sample " + sample.id() + " to " + outDir + ": " + e.getMessage(), e);
            }
        }

        try {
            VocImageSets.write(dataset, writtenIds, segmentedIds, outDir);
            byte[] classNames = classIndex.classNamesFile();
            if (classNames != null) {
                AtomicFiles.write(SafePaths.resolveInside(outDir, VocCategories.CLASS_NAMES_FILE), classNames);
            }
        } catch (IOException e) {
            throw new DatasetException("cannot write the VOC lists in " + outDir + ": " + e.getMessage(), e);
        }
        progress.progress(samples.size(), samples.size(), "Writing VOC samples");
        return report.build();
    }

    /** Writes one sample's image, masks and annotation file; returns whether masks were written. */
    private static boolean writeSample(Dataset dataset, Sample sample, String id, SampleImages images, VocClassIndex classIndex, Path outDir)
            throws IOException, SampleSkippedException {
        List<String> names = objectNames(dataset, sample);
        WrittenImage image = writeImage(dataset, sample, id, images, outDir);

        boolean segmented = VocMaskBuilder.hasMasks(sample);
        if (segmented) {
            VocMasks masks = VocMaskBuilder.build(sample, image.width(), image.height(), classIndex, sourceVoid(dataset, sample, image));
            AtomicFiles.write(SafePaths.resolveInside(outDir, VocMasks.CLASS_FOLDER + "/" + id + ".png"), VocPalette.encodePng(masks.classes()));
            AtomicFiles.write(SafePaths.resolveInside(outDir, VocMasks.OBJECT_FOLDER + "/" + id + ".png"), VocPalette.encodePng(masks.objects()));
        }

        List<VocObject> objects = new ArrayList<>();
        for (int k = 0; k < sample.annotations().size(); k++) {
            Annotation annotation = sample.annotations().get(k);
            // VOC has no crowd regions; its difficult flag is the closest meaning, since evaluation ignores both.
            boolean difficult = annotation.difficult() || annotation.crowd();
            objects.add(new VocObject(names.get(k), annotation.box(), difficult, annotation.truncated(), annotation.attributes()));
        }
        VocAnnotationFile annotationFile = new VocAnnotationFile(image.fileName(), image.width(), image.height(), segmented, objects);
        AtomicFiles.write(SafePaths.resolveInside(outDir, VocLayout.ANNOTATIONS + "/" + id + ".xml"), VocXmlWriter.write(annotationFile));
        return segmented;
    }

    /** Returns the category name of each annotation, or skips the sample when a category is not defined. */
    private static List<String> objectNames(Dataset dataset, Sample sample) throws SampleSkippedException {
        List<String> names = new ArrayList<>();
        for (Annotation annotation : sample.annotations()) {
            Optional<Category> category = dataset.category(annotation.categoryId());
            if (category.isEmpty()) {
                throw new SampleSkippedException("annotation " + annotation.id() + " has category id " + annotation.categoryId()
                        + ", which the dataset does not define");
            }
            names.add(category.get().name());
        }
        return names;
    }

    /** Copies the sample's image file, or encodes its pixels as PNG when it has no file. */
    private static WrittenImage writeImage(Dataset dataset, Sample sample, String id, SampleImages images, Path outDir) throws SampleSkippedException {
        try {
            Optional<Path> source = images.file(dataset, sample);
            if (source.isPresent()) {
                String extension = FileNames.extension(source.get().getFileName().toString());
                String fileName = id + (extension.isEmpty() ? ".jpg" : extension);
                AtomicFiles.copy(source.get(), SafePaths.resolveInside(outDir, VocLayout.IMAGES + "/" + fileName));
                if (sample.width() > 0 && sample.height() > 0) {
                    return new WrittenImage(fileName, sample.width(), sample.height());
                }
                ImageHeader header = ImageHeader.read(source.get());
                return new WrittenImage(fileName, header.orientedWidth(), header.orientedHeight());
            }
            RgbImage pixels = images.load(dataset, sample);
            String fileName = id + ".png";
            AtomicFiles.write(SafePaths.resolveInside(outDir, VocLayout.IMAGES + "/" + fileName), ImageEncoder.encodePng(pixels));
            return new WrittenImage(fileName, pixels.width(), pixels.height());
        } catch (IOException | ImageDecodeException | SafePaths.UnsafePathException e) {
            throw new SampleSkippedException("image cannot be copied: " + e.getMessage(), e);
        }
    }

    /** Returns the source sample's void region when the source is VOC and has masks of the right size. */
    private static Rle sourceVoid(Dataset dataset, Sample sample, WrittenImage image) throws SampleSkippedException {
        if (dataset.format() != DatasetFormat.VOC) {
            return null;
        }
        try {
            Optional<VocMasks> masks = VocMasks.read(dataset.root(), sample.id());
            if (masks.isEmpty() || masks.get().width() != image.width() || masks.get().height() != image.height()) {
                return null;
            }
            return masks.get().voidMask();
        } catch (IOException | SafePaths.UnsafePathException e) {
            throw new SampleSkippedException("source masks cannot be read for the void region: " + e.getMessage(), e);
        }
    }

    private record WrittenImage(String fileName, int width, int height) {}
}
