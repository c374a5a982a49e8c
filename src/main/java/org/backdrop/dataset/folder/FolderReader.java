package org.backdrop.dataset.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetProgress;
import org.backdrop.dataset.DatasetReader;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;

/**
 * Reads an image folder in the ImageNet style: one subfolder per class with the class's images
 * inside, at any depth, and optionally a VOC annotation file beside an image
 * ({@code dog/n0001.JPEG} with {@code dog/n0001.xml}, as in ImageNet's box annotations).
 *
 * <p>Class ids are positions in the class folder names sorted by {@code String.compareTo}, so
 * {@code cat} is 0 and {@code dog} is 1, as torchvision's {@code ImageFolder} numbers them. Hidden
 * files and folders (names starting with a dot) and files that are not images are ignored. A
 * sample's id is its path without extension ({@code dog/n0001}); its size comes from the image
 * header. Every object of an annotation file takes the folder's class; when the file names
 * another class (an ImageNet synset id such as {@code n02084071}), that name is kept in the
 * object's attributes under {@code name}.
 */
public final class FolderReader implements DatasetReader {

    @Override
    public DatasetFormat format() {
        return DatasetFormat.FOLDER;
    }

    /**
     * Returns true when {@code root} has class folders with images, or only loose images, and is not a
     * VOC, COCO or CIFAR-10 folder.
     */
    @Override
    public boolean recognizes(Path root) {
        try {
            return FolderLayout.looksLikeClassFolders(root) || FolderLayout.looksLikeLooseImages(root);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads every image under the class folders; images whose header or annotation file cannot be
     * read are listed as invalid.
     *
     * @throws DatasetException if {@code root} has no class folder or cannot be listed
     * @throws CancellationException if {@code progress} reports cancellation
     */
    @Override
    public Dataset read(Path root, ReadOptions options, ProgressListener progress) throws DatasetException {
        List<Path> classFolders;
        List<List<Path>> imagesByClass = new ArrayList<>();
        try {
            classFolders = FolderLayout.classFolders(root);
            for (Path folder : classFolders) {
                imagesByClass.add(images(folder));
            }
        } catch (IOException e) {
            throw new DatasetException("cannot list the image folder " + root + ": " + e.getMessage(), e);
        }
        if (classFolders.isEmpty()) {
            return readLooseImages(root, options, progress);
        }

        List<Category> categories = new ArrayList<>();
        for (int id = 0; id < classFolders.size(); id++) {
            categories.add(new Category(id, classFolders.get(id).getFileName().toString()));
        }
        int total = imagesByClass.stream().mapToInt(List::size).sum();
        FolderSampleReader sampleReader = new FolderSampleReader(root, options);
        List<Sample> samples = new ArrayList<>();
        List<InvalidSample> invalid = new ArrayList<>();
        long nextAnnotationId = 1;
        int done = 0;
        for (Category category : categories) {
            for (Path image : imagesByClass.get(category.id())) {
                DatasetProgress.step(progress, done++, total, "Reading image headers", "reading " + root);
                try {
                    Sample sample = sampleReader.read(image, category, nextAnnotationId);
                    samples.add(sample);
                    nextAnnotationId += sample.annotations().size();
                } catch (FolderSampleReader.InvalidImageException e) {
                    invalid.add(new InvalidSample(FolderSampleReader.relativeName(root, image), e.getMessage()));
                }
            }
        }
        progress.progress(total, total, "Reading image headers");
        return new Dataset(DatasetFormat.FOLDER, root, categories, samples, invalid);
    }

    /** Reads a folder of images without class folders: samples without labels, and no categories. */
    private static Dataset readLooseImages(Path root, ReadOptions options, ProgressListener progress) throws DatasetException {
        List<Path> loose;
        try {
            loose = FolderLayout.looksLikeLooseImages(root) ? images(root) : List.of();
        } catch (IOException e) {
            throw new DatasetException("cannot list the image folder " + root + ": " + e.getMessage(), e);
        }
        if (loose.isEmpty()) {
            throw new DatasetException("no class folder and no image in " + root
                    + "; an image folder dataset has one subfolder of images per class, or images directly inside");
        }
        FolderSampleReader sampleReader = new FolderSampleReader(root, options);
        List<Sample> samples = new ArrayList<>();
        List<InvalidSample> invalid = new ArrayList<>();
        for (int done = 0; done < loose.size(); done++) {
            Path image = loose.get(done);
            DatasetProgress.step(progress, done, loose.size(), "Reading image headers", "reading " + root);
            try {
                samples.add(sampleReader.readUnlabelled(image));
            } catch (FolderSampleReader.InvalidImageException e) {
                invalid.add(new InvalidSample(FolderSampleReader.relativeName(root, image), e.getMessage()));
            }
        }
        progress.progress(loose.size(), loose.size(), "Reading image headers");
        return new Dataset(DatasetFormat.FOLDER, root, List.of(), samples, invalid);
    }

    /** Returns the images below {@code folder}, skipping hidden files and folders, sorted by path. */
    private static List<Path> images(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> Files.isRegularFile(file) && FolderLayout.isImage(file))
                    .filter(file -> !hasHiddenPart(folder.relativize(file)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean hasHiddenPart(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
