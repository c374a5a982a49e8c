package org.backdrop.dataset.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.backdrop.dataset.voc.VocAnnotationFile;
import org.backdrop.dataset.voc.VocObject;
import org.backdrop.dataset.voc.VocXmlWriter;
import org.backdrop.image.ImageDecodeException;
import org.backdrop.image.ImageEncoder;
import org.backdrop.image.ImageHeader;
import org.backdrop.image.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an image folder with one folder per category. Empty categories get a folder too, so class
 * ids stay the positions of the sorted names. Each sample's image goes into its class's folder,
 * copied byte for byte, or encoded as PNG when it has no file. A sample with boxes gets a VOC
 * annotation file beside its image.
 *
 * <p>A sample needs exactly one label; others are skipped with a reason. The file name is the
 * sample's id without a leading {@code <class>/}, so {@code dog/n0001} is written as
 * {@code dog/n0001.JPEG}. Characters that file systems forbid become {@code _} in folder and file
 * names. Reading the output numbers classes by sorted folder name, so category ids that do not
 * follow name order change, and the writer logs a warning.
 */
public final class FolderWriter implements ReportingDatasetWriter {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWriter.class);

    @Override
    public DatasetFormat format() {
        return DatasetFormat.FOLDER;
    }

    /**
     * Writes every sample with one label and lists the others as skipped.
     *
     * @throws DatasetException if a folder or file cannot be written
     * @throws CancellationException if {@code progress} reports cancellation; samples written before then stay
     */
    @Override
    public WriteReport writeWithReport(Dataset dataset, SampleImages images, Path outDir, ProgressListener progress) throws DatasetException {
        Map<Integer, String> folders = classFolders(dataset.categories());
        try {
            for (String folder : folders.values()) {
                Files.createDirectories(SafePaths.resolveInside(outDir, folder));
            }
        } catch (IOException e) {
            throw new DatasetException("cannot create the class folders in " + outDir + ": " + e.getMessage(), e);
        }

        FileNames fileNames = new FileNames();
        WriteReport.Builder report = new WriteReport.Builder(LOG);
        List<Sample> samples = dataset.samples();
        for (int i = 0; i < samples.size(); i++) {
            DatasetProgress.step(progress, i, samples.size(), "Writing image folders", "writing " + outDir);
            Sample sample = samples.get(i);
            try {
                writeSample(dataset, sample, images, folders, fileNames, outDir);
                report.written();
            } catch (SampleSkippedException e) {
                report.skipped(sample, e.getMessage());
            } catch (IOException e) {
                throw new DatasetException("cannot write sample " + sample.id() + " to " + outDir + ": " + e.getMessage(), e);
            }
        }
        progress.progress(samples.size(), samples.size(), "Writing image folders");
        return report.build();
    }

    /**
     * Returns the sample's class: its one image label, or for a detection sample without labels the
     * category of its largest object that is not a crowd region. The ImageNet-9 layout likewise files an
     * image under its object's class, with the boxes beside it.
     */
    private static int classOf(Sample sample) throws SampleSkippedException {
        if (sample.labels().size() == 1) {
            return sample.labels().get(0);
        }
        if (!sample.labels().isEmpty()) {
            throw new SampleSkippedException("has " + sample.labels().size() + " labels; an image folder sample needs exactly one class");
        }
        Annotation largest = null;
        for (Annotation annotation : sample.annotations()) {
            if (!annotation.crowd() && (largest == null || annotation.box().area() > largest.box().area())) {
                largest = annotation;
            }
        }
        if (largest == null) {
            throw new SampleSkippedException("has no label and no object; an image folder sample needs a class");
        }
        return largest.categoryId();
    }

    private static void writeSample(Dataset dataset, Sample sample, SampleImages images, Map<Integer, String> folders, FileNames fileNames,
            Path outDir) throws IOException, SampleSkippedException {
        int label = classOf(sample);
        String folder = folders.get(label);
        if (folder == null) {
            throw new SampleSkippedException("label " + label + " is not one of the dataset's category ids");
        }
        String stem = fileNames.unique(folder + "/" + relativeStem(sample, dataset.category(label).orElseThrow()), "");

        Optional<Path> source;
        try {
            source = images.file(dataset, sample);
        } catch (SafePaths.UnsafePathException e) {
            throw new SampleSkippedException("image path is not allowed: " + e.getMessage(), e);
        }
        int[] size = source.isPresent() ? copyImage(sample, source.get(), stem, outDir) : encodeImage(dataset, sample, images, stem, outDir);

        if (!sample.annotations().isEmpty()) {
            String imageName = Path.of(stem).getFileName() + (source.isPresent() ? extensionOf(source.get()) : ".png");
            writeAnnotations(dataset, sample, imageName, size, SafePaths.resolveInside(outDir, stem + ".xml"));
        }
    }

    /** Returns the file path inside the class folder without extension, from the sample id without its {@code .} and {@code ..} parts. */
    private static String relativeStem(Sample sample, Category category) {
        String id = sample.id();
        String prefix = category.name() + "/";
        if (id.startsWith(prefix)) {
            id = id.substring(prefix.length());
        }
        List<String> segments = new ArrayList<>();
        for (String segment : id.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".") && !segment.equals("..")) {
                segments.add(FileNames.segment(segment, "sample"));
            }
        }
        return segments.isEmpty() ? "sample" : String.join("/", segments);
    }

    private static int[] copyImage(Sample sample, Path source, String stem, Path outDir) throws SampleSkippedException {
        try {
            AtomicFiles.copy(source, SafePaths.resolveInside(outDir, stem + extensionOf(source)));
            if (sample.width() > 0 && sample.height() > 0) {
                return new int[] {sample.width(), sample.height()};
            }
            ImageHeader header = ImageHeader.read(source);
            return new int[] {header.orientedWidth(), header.orientedHeight()};
        } catch (IOException | ImageDecodeException e) {
            throw new SampleSkippedException("image cannot be copied: " + e.getMessage(), e);
        }
    }

    private static int[] encodeImage(Dataset dataset, Sample sample, SampleImages images, String stem, Path outDir) throws SampleSkippedException {
        try {
            RgbImage pixels = images.load(dataset, sample);
            AtomicFiles.write(SafePaths.resolveInside(outDir, stem + ".png"), ImageEncoder.encodePng(pixels));
            return new int[] {pixels.width(), pixels.height()};
        } catch (IOException e) {
            throw new SampleSkippedException("image cannot be read or encoded: " + e.getMessage(), e);
        }
    }

    private static void writeAnnotations(Dataset dataset, Sample sample, String imageName, int[] size, Path target) throws IOException {
        List<VocObject> objects = new ArrayList<>();
        for (Annotation annotation : sample.annotations()) {
            Map<String, String> attributes = new HashMap<>(annotation.attributes());
            String name = attributes.remove(FolderSampleReader.NAME_ATTRIBUTE);
            if (name == null) {
                name = dataset.category(annotation.categoryId()).map(Category::name).orElse("class_" + annotation.categoryId());
            }
            objects.add(new VocObject(name, annotation.box(), annotation.difficult(), annotation.truncated(), attributes));
        }
        VocAnnotationFile file = new VocAnnotationFile(imageName, size[0], size[1], false, objects);
        AtomicFiles.write(target, VocXmlWriter.write(file));
    }

    /** Assigns each category a folder name, unique and safe, and warns when reading back would renumber ids. */
    private static Map<Integer, String> classFolders(List<Category> categories) {
        FileNames names = new FileNames();
        Map<Integer, String> folders = new HashMap<>();
        for (Category category : categories) {
            folders.put(category.id(), names.unique(FileNames.segment(category.name(), "class_" + category.id()), ""));
        }
        List<Integer> idsByName = categories.stream()
                .sorted(Comparator.comparing(category -> folders.get(category.id())))
                .map(Category::id)
                .toList();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            expected.add(i);
        }
        if (!idsByName.equals(expected)) {
            LOG.warn("Category ids {} in folder-name order are not 0, 1, 2, ...; reading the image folder back numbers the classes"
                    + " by sorted folder name", idsByName);
        }
        return folders;
    }

    private static String extensionOf(Path file) {
        String extension = FileNames.extension(file.getFileName().toString());
        return extension.isEmpty() ? ".jpg" : extension;
    }
}
