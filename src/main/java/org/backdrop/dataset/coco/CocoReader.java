package org.backdrop.dataset.coco;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetReader;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.coco.CocoLinker.CocoDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a COCO instances file (boxes, polygons, RLE masks, {@code iscrowd}) into a {@link Dataset}.
 *
 * <p><b>Which file.</b> {@link #read} takes the annotation file itself, or a folder that contains exactly
 * one file named {@code annotations*.json} or {@code instances_*.json}.
 *
 * <p><b>Where the images are.</b> {@link Dataset#root()} is the folder that every {@code file_name}
 * is relative to, and each sample's {@link org.backdrop.dataset.ImageRef.File} is the
 * {@code file_name} with {@code /} separators. With an image folder given to the constructor, that
 * folder is the root. Otherwise the root is the first of these folders that contains one of the first
 * 16 listed images: the annotation file's folder, its {@code images/} subfolder, and for
 * {@code instances_<split>.json} the folders {@code <split>/} beside the file and {@code ../<split>/}
 * (COCO's own {@code annotations/instances_val2017.json} next to {@code val2017/}). When no folder
 * contains one, the root is the annotation file's folder. The reader checks no other image file: it
 * neither opens nor decodes images.
 *
 * <p><b>Records.</b> Sample ids are the image ids as decimal text, categories keep their ids, names and
 * supercategories (empty when absent or null), and samples keep the file order of {@code images},
 * including images without annotations. Each sample's annotations keep their file order; the
 * top-level keys may come in any order and unknown fields are ignored. An annotation without an
 * {@code area} field has area NaN; {@code segmentation} null or an empty list gives no segmentation.
 * Polygons keep their parts; RLE masks keep whether {@code counts} was a compressed string, so that
 * {@link CocoWriter} writes the same form.
 *
 * <p><b>Invalid records</b> are listed in {@link Dataset#invalid()} under the image file they belong to
 * (or the annotation file, relative to the root, when no image identifies them), and reading goes
 * on. A skipped annotation leaves its image in the dataset. Skipped are images with a missing id or
 * {@code file_name}, an absolute {@code file_name} or one that leads out of the root, an id already
 * used by an earlier image (which keeps the id's annotations), or a declared size above
 * {@link ReadOptions#maxPixels()}; and annotations with an unknown image or category id, a
 * box with a negative width or height, a polygon with an odd number of coordinates, RLE counts that
 * do not sum to height × width, or an RLE size that differs from the image size.
 *
 * <p><b>Memory.</b> Records are kept in primitive arrays and {@link Dataset#samples()} is a lazy view
 * that builds each {@link org.backdrop.dataset.Sample} when it is asked for, so callers should index
 * the list rather than copy it. Instances are immutable and thread-safe.
 */
public final class CocoReader implements DatasetReader {

    private static final Logger LOG = LoggerFactory.getLogger(CocoReader.class);

    private final Path imageDir;

    /** Creates a reader that finds the image folder by itself, as the class documentation describes. */
    public CocoReader() {
        this.imageDir = null;
    }

    /** Creates a reader that resolves every {@code file_name} against {@code imageDir}. */
    public CocoReader(Path imageDir) {
        this.imageDir = Objects.requireNonNull(imageDir, "imageDir").toAbsolutePath().normalize();
    }

    @Override
    public DatasetFormat format() {
        return DatasetFormat.COCO;
    }

    /**
     * Returns true for a {@code .json} file that is a JSON object whose first key among
     * {@code images}, {@code annotations} and {@code categories} comes within its first megabyte, and
     * for a folder containing exactly one file named {@code annotations*.json} or
     * {@code instances_*.json} that is such a file. Returns false for anything else, never throws.
     */
    @Override
    public boolean recognizes(Path root) {
        return CocoLayout.recognizes(root);
    }

    /**
     * Reads the COCO annotation file at {@code path} (or the one in folder {@code path}).
     *
     * @throws DatasetException when the file cannot be found or read, is not well-formed JSON (the
     *     message names the file, line and column), or is not a JSON object with an {@code images} list
     * @throws CancellationException when {@code progress} reports cancellation
     */
    @Override
    public Dataset read(Path path, ReadOptions options, ProgressListener progress) throws DatasetException {
        Path annotationFile = CocoLayout.annotationFile(path);
        LOG.info("Reading COCO annotations from {}", annotationFile);
        long start = System.nanoTime();

        CocoParse parse = CocoParser.parse(annotationFile, progress);
        Path root = imageDir != null ? imageDir : CocoLayout.imageRoot(annotationFile, parse.images());
        CocoDataset linked = CocoLinker.link(parse, root, CocoLayout.relativeName(root, annotationFile), options.maxPixels());

        if (parse.shortPolygonParts() > 0) {
            LOG.warn("{} polygon parts in {} have fewer than 3 points and cover no pixels (the first in annotation {})",
                    parse.shortPolygonParts(), annotationFile, parse.firstShortPolygonAnnotation());
        }
        if (!linked.invalid().isEmpty()) {
            LOG.warn("Skipped {} invalid records in {}; the dataset lists each with its reason", linked.invalid().size(), annotationFile);
        }
        LOG.info("Read {} images, {} annotations and {} categories in {} ms; images are under {}",
                linked.samples().size(), linked.samples().annotationCount(), linked.categories().size(),
                (System.nanoTime() - start) / 1_000_000, root);
        return new Dataset(DatasetFormat.COCO, root, linked.categories(), linked.samples(), linked.invalid());
    }
}
