package org.backdrop.dataset.coco;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.SafePaths;
import org.backdrop.dataset.coco.CocoParse.RecordProblem;

/**
 * Links what {@link CocoParser} read: checks image file names and ids, looks up each annotation's
 * image and category, and groups the annotations by image, keeping their file order.
 *
 * <p>Rules for records that cannot be used:
 * <ul>
 *   <li>an image whose declared width times height exceeds the pixel limit is skipped together with
 *       its annotations;
 *   <li>an image with an unsafe {@code file_name} (absolute, or leading out of the root) is skipped
 *       together with its annotations;
 *   <li>of several images with the same id the first is kept, the others are skipped, and
 *       annotations with that id belong to the first;
 *   <li>of several categories with the same id the first is kept;
 *   <li>an annotation whose image or category id is not listed, or whose RLE size differs from its
 *       image's size, is skipped; its image stays.
 * </ul>
 */
final class CocoLinker {

    private final CocoParse parse;
    private final Path root;
    private final String annotationFile;
    private final long maxPixels;
    private final CocoImages images;
    private final CocoAnnotations annotations;

    private final List<Category> categories = new ArrayList<>();
    private final List<InvalidSample> imageProblems = new ArrayList<>();
    private final List<InvalidSample> categoryProblems = new ArrayList<>();
    private final List<InvalidSample> annotationProblems = new ArrayList<>();
    private LongIntMap imageRows;
    private LongIntMap skippedImageRows;
    private int[] skippedAnnotationsPerImage;

    private CocoLinker(CocoParse parse, Path root, String annotationFile, long maxPixels) {
        this.parse = parse;
        this.root = root;
        this.annotationFile = annotationFile;
        this.maxPixels = maxPixels;
        this.images = parse.images();
        this.annotations = parse.annotations();
    }

    /**
     * Links {@code parse}.
     *
     * @param root the folder that image file names are relative to
     * @param annotationFile the annotation file as named in {@link InvalidSample#file()} for records
     *     that no image file identifies
     * @param maxPixels images whose declared width times height exceeds this are skipped
     */
    static CocoDataset link(CocoParse parse, Path root, String annotationFile, long maxPixels) {
        return new CocoLinker(parse, root, annotationFile, maxPixels).link();
    }

    /** The linked dataset: unique categories, the lazy sample list, and every skipped record. */
    record CocoDataset(List<Category> categories, CocoSamples samples, List<InvalidSample> invalid) {}

    private CocoDataset link() {
        indexImages();
        LongIntMap categoryRows = indexCategories();
        reportRecordProblems();
        int[] imageOfAnnotation = linkAnnotations(categoryRows);
        reportImages();

        List<InvalidSample> invalid = new ArrayList<>(imageProblems);
        invalid.addAll(categoryProblems);
        invalid.addAll(annotationProblems);
        return new CocoDataset(categories, groupByImage(imageOfAnnotation), invalid);
    }

    /** Sorts the linked annotations by image row with a counting sort, which keeps their file order. */
    private CocoSamples groupByImage(int[] imageOfAnnotation) {
        int[] starts = new int[images.size() + 1];
        for (int row : imageOfAnnotation) {
            if (row >= 0) {
                starts[row + 1]++;
            }
        }
        for (int row = 0; row < images.size(); row++) {
            starts[row + 1] += starts[row];
        }
        int[] order = new int[starts[images.size()]];
        int[] next = Arrays.copyOf(starts, images.size());
        for (int annotation = 0; annotation < imageOfAnnotation.length; annotation++) {
            int row = imageOfAnnotation[annotation];
            if (row >= 0) {
                order[next[row]++] = annotation;
            }
        }

        int[] sampleRows = new int[images.size()];
        int sampleCount = 0;
        for (int row = 0; row < images.size(); row++) {
            if (images.problem(row) == null) {
                sampleRows[sampleCount++] = row;
            }
        }
        return new CocoSamples(images, annotations, Arrays.copyOf(sampleRows, sampleCount), starts, order);
    }

    private void indexImages() {
        imageRows = new LongIntMap(images.size());
        for (int row = 0; row < images.size(); row++) {
            if (images.problem(row) != null) {
                continue;
            }
            long pixels = (long) images.width(row) * images.height(row);
            if (pixels > maxPixels) {
                images.reject(row, "image " + images.id(row) + ": its declared size " + images.width(row) + " x " + images.height(row)
                        + " (width x height) has more pixels than the limit of " + maxPixels + "; raise the limit if the size is right");
                continue;
            }
            String unsafe = unsafeFileName(images.fileName(row));
            if (unsafe != null) {
                images.reject(row, "image " + images.id(row) + ": " + unsafe + "; fix its file_name");
                continue;
            }
            int first = imageRows.putIfAbsent(images.id(row), row);
            if (first >= 0) {
                images.reject(row, "image id " + images.id(row) + " is also used by '" + images.fileName(first)
                        + "', listed earlier, which keeps the id and its annotations; give this image its own id");
            }
        }
        skippedImageRows = new LongIntMap(16);
        for (int row = 0; row < images.size(); row++) {
            long id = images.id(row);
            if (images.problem(row) != null && id != CocoImages.NO_ID && imageRows.get(id) < 0) {
                skippedImageRows.putIfAbsent(id, row);
            }
        }
        skippedAnnotationsPerImage = new int[images.size()];
    }

    private String unsafeFileName(String fileName) {
        try {
            SafePaths.resolveInside(root, fileName);
            return null;
        } catch (SafePaths.UnsafePathException | InvalidPathException e) {
            return e.getMessage();
        }
    }

    private LongIntMap indexCategories() {
        LongIntMap rows = new LongIntMap(parse.categories().size());
        for (Category category : parse.categories()) {
            int first = rows.putIfAbsent(category.id(), categories.size());
            if (first >= 0) {
                categoryProblems.add(new InvalidSample(annotationFile, "category id " + category.id() + " is listed twice ('"
                        + categories.get(first).name() + "' and '" + category.name() + "'); the first is kept. Give each category its own id."));
            } else {
                categories.add(category);
            }
        }
        return rows;
    }

    /** Returns, for each annotation row, its image row, or -1 when the annotation is skipped. */
    private int[] linkAnnotations(LongIntMap categoryRows) {
        int[] imageOfAnnotation = new int[annotations.size()];
        for (int annotation = 0; annotation < annotations.size(); annotation++) {
            imageOfAnnotation[annotation] = -1;
            long imageId = annotations.imageId(annotation);
            int row = imageRows.get(imageId);
            if (row < 0) {
                int skipped = skippedImageRows.get(imageId);
                if (skipped >= 0) {
                    skippedAnnotationsPerImage[skipped]++;
                } else {
                    annotationProblems.add(new InvalidSample(annotationFile, "annotation " + annotations.id(annotation)
                            + ": its image_id " + imageId + " is not in the images list; add the image or remove the annotation"));
                }
                continue;
            }
            String problem = annotationProblem(annotation, row, categoryRows);
            if (problem != null) {
                annotationProblems.add(new InvalidSample(filePath(row), "annotation " + annotations.id(annotation) + ": " + problem));
                continue;
            }
            imageOfAnnotation[annotation] = row;
        }
        return imageOfAnnotation;
    }

    private String annotationProblem(int annotation, int row, LongIntMap categoryRows) {
        int categoryId = annotations.categoryId(annotation);
        if (categoryRows.get(categoryId) < 0) {
            return "its category_id " + categoryId + " is not in the categories list; add the category or fix the id";
        }
        if (annotations.hasRle(annotation) && images.height(row) > 0 && images.width(row) > 0
                && (annotations.rleHeight(annotation) != images.height(row) || annotations.rleWidth(annotation) != images.width(row))) {
            return "its RLE size " + annotations.rleHeight(annotation) + " x " + annotations.rleWidth(annotation)
                    + " differs from the image size " + images.height(row) + " x " + images.width(row)
                    + " (height x width); the mask must cover the whole image";
        }
        return null;
    }

    private void reportImages() {
        for (int row = 0; row < images.size(); row++) {
            String problem = images.problem(row);
            if (problem == null) {
                continue;
            }
            int skipped = skippedAnnotationsPerImage[row];
            String annotationsNote = skipped == 0 ? "" : " (" + skipped + (skipped == 1 ? " annotation" : " annotations") + " skipped with it)";
            String file = images.fileName(row) == null ? annotationFile : images.fileName(row).replace('\\', '/');
            imageProblems.add(new InvalidSample(file, problem + annotationsNote));
        }
    }

    private void reportRecordProblems() {
        for (String problem : parse.categoryProblems()) {
            categoryProblems.add(new InvalidSample(annotationFile, problem));
        }
        for (RecordProblem problem : parse.annotationProblems()) {
            String file = annotationFile;
            if (problem.imageId() != null && imageRows.get(problem.imageId()) >= 0) {
                file = filePath(imageRows.get(problem.imageId()));
            }
            annotationProblems.add(new InvalidSample(file, problem.record() + ": " + problem.reason()));
        }
    }

    private String filePath(int row) {
        return images.fileName(row).replace('\\', '/');
    }
}
