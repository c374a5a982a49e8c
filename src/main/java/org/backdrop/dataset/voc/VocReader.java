package org.backdrop.dataset.voc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetProgress;
import org.backdrop.dataset.DatasetReader;
import org.backdrop.dataset.FileNames;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;

/**
 * Reads a PASCAL VOC folder ({@code VOCdevkit/VOC2012} or any folder with {@code Annotations},
 * {@code JPEGImages} and optionally {@code SegmentationClass} and {@code SegmentationObject}).
 *
 * <p>Every {@code Annotations/*.xml} is one sample, in file-name order; its id is the file name
 * without {@code .xml}. Image size comes from the annotation's {@code <size>} (from the image
 * header when that is missing). Objects keep their file order, and each gets its instance mask
 * from {@code SegmentationObject} when the sample has one; the void region is read with
 * {@link VocMasks}. Category ids follow {@link VocCategories}. A folder without
 * {@code Annotations} but with masks (labelme's instance segmentation export) is read from the
 * masks alone. Sample ids do not depend on {@code ImageSets}, which the reader does not use.
 */
public final class VocReader implements DatasetReader {

    @Override
    public DatasetFormat format() {
        return DatasetFormat.VOC;
    }

    /**
     * Returns true when {@code root}, or a {@code VOC20xx} folder below it, is a VOC folder. Several
     * such folders also count, so that {@link #read} can explain that one must be chosen.
     */
    @Override
    public boolean recognizes(Path root) {
        try {
            return VocLayout.locate(root).isPresent();
        } catch (DatasetException e) {
            return true;
        }
    }

    /**
     * Reads every sample; samples whose annotation, image or masks cannot be used are listed as invalid.
     *
     * @throws DatasetException if no VOC folder is found or its folders cannot be listed
     * @throws CancellationException if {@code progress} reports cancellation
     */
    @Override
    public Dataset read(Path root, ReadOptions options, ProgressListener progress) throws DatasetException {
        Path voc = VocLayout.locate(root).orElseThrow(() -> new DatasetException("no PASCAL VOC dataset in " + root
                + "; expected a folder with Annotations/*.xml and JPEGImages, or VOCdevkit/VOC20xx"));
        boolean annotated = Files.isDirectory(voc.resolve(VocLayout.ANNOTATIONS));
        VocCategories categories;
        VocSampleReader sampleReader;
        List<String> ids;
        try {
            categories = VocCategories.load(voc);
            sampleReader = new VocSampleReader(voc, categories, imagesByStem(voc), options);
            ids = annotated ? stems(voc.resolve(VocLayout.ANNOTATIONS), ".xml") : maskStems(voc);
        } catch (IOException e) {
            throw new DatasetException("cannot read the VOC folder " + voc + ": " + e.getMessage(), e);
        }

        List<Sample> samples = new ArrayList<>();
        List<InvalidSample> invalid = new ArrayList<>();
        long nextAnnotationId = 1;
        for (int i = 0; i < ids.size(); i++) {
            DatasetProgress.step(progress, i, ids.size(), "Reading VOC annotations", "reading " + voc);
            String id = ids.get(i);
            try {
                Sample sample = annotated ? sampleReader.readAnnotated(id, nextAnnotationId) : sampleReader.readFromMasks(id, nextAnnotationId);
                samples.add(sample);
                nextAnnotationId += sample.annotations().size();
            } catch (VocSampleReader.InvalidSampleException e) {
                String file = annotated ? VocLayout.ANNOTATIONS + "/" + id + ".xml" : VocLayout.IMAGES + "/" + id;
                invalid.add(new InvalidSample(file, e.getMessage()));
            }
        }
        progress.progress(ids.size(), ids.size(), "Reading VOC annotations");
        return new Dataset(DatasetFormat.VOC, voc, categories.list(), samples, invalid);
    }

    /** Returns the names without extension of the files in {@code folder} ending in {@code extension}, sorted. */
    private static List<String> stems(Path folder, String extension) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(extension) && name.length() > extension.length())
                    .map(name -> name.substring(0, name.length() - extension.length()))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> maskStems(Path voc) throws IOException {
        Set<String> ids = new TreeSet<>(stems(voc.resolve(VocMasks.OBJECT_FOLDER), ".png"));
        ids.addAll(stems(voc.resolve(VocMasks.CLASS_FOLDER), ".png"));
        return List.copyOf(ids);
    }

    private static Map<String, String> imagesByStem(Path voc) throws IOException {
        Map<String, String> images = new HashMap<>();
        Path folder = voc.resolve(VocLayout.IMAGES);
        if (!Files.isDirectory(folder)) {
            return images;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (String name : files.map(file -> file.getFileName().toString()).sorted().toList()) {
                String extension = FileNames.extension(name);
                images.putIfAbsent(name.substring(0, name.length() - extension.length()), name);
            }
        }
        return images;
    }
}
