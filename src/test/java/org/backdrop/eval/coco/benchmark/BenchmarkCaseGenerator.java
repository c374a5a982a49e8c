package org.backdrop.eval.coco.benchmark;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.backdrop.mask.Rle;

/**
 * Writes seeded COCO evaluation cases for the detection evaluation benchmark: {@code gt.json} (objects
 * with polygons, about 1% crowd regions as uncompressed RLE), {@code dt.json} (boxes, scores and
 * compressed RLE masks) and {@code dt_bbox.json} (the same detections without masks).
 *
 * <p>Two shapes: {@code val2017} (5,000 images, 80 categories, about 36,000 objects, 100 detections per
 * image, like COCO val2017) and {@code crowded} (1,500 images with 1 to 2,000 objects each, skewed
 * towards fewer). Run it with {@code <val2017|crowded> <output folder> [seed]}; the same seed gives the
 * same files.
 */
public final class BenchmarkCaseGenerator {

    /** COCO's 80 category ids: 1 to 90 without the ids that COCO left unused. */
    private static final int[] COCO_CATEGORY_IDS = cocoCategoryIds();

    private final SplittableRandom random;
    private final boolean crowded;
    private final List<double[]> objectBoxes = new ArrayList<>();
    private final List<Integer> objectCategories = new ArrayList<>();

    private BenchmarkCaseGenerator(long seed, boolean crowded) {
        this.random = new SplittableRandom(seed);
        this.crowded = crowded;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !(args[0].equals("val2017") || args[0].equals("crowded"))) {
            throw new IllegalArgumentException("usage: BenchmarkCaseGenerator <val2017|crowded> <output folder> [seed]");
        }
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2017;
        Path folder = Files.createDirectories(Path.of(args[1]));
        new BenchmarkCaseGenerator(seed, args[0].equals("crowded")).write(folder);
    }

    private int imageCount() {
        return crowded ? 1500 : 5000;
    }

    private int categoryCount() {
        return crowded ? 5 : 80;
    }

    private int objectCount() {
        if (crowded) {
            double u = random.nextDouble();
            return 1 + (int) (1999 * u * u * u);
        }
        return 1 + random.nextInt(13);
    }

    private void write(Path folder) throws IOException {
        JsonFactory factory = new JsonFactory();
        int[] widths = new int[imageCount()];
        int[] heights = new int[imageCount()];
        long objects = 0;
        long detections = 0;
        try (JsonGenerator gt = factory.createGenerator(folder.resolve("gt.json").toFile(), JsonEncoding.UTF8);
                JsonGenerator dt = factory.createGenerator(folder.resolve("dt.json").toFile(), JsonEncoding.UTF8);
                JsonGenerator dtBoxes = factory.createGenerator(folder.resolve("dt_bbox.json").toFile(), JsonEncoding.UTF8)) {
            gt.writeStartObject();
            gt.writeArrayFieldStart("images");
            for (int i = 0; i < imageCount(); i++) {
                boolean portrait = random.nextInt(4) == 0;
                widths[i] = portrait ? 480 : 640;
                heights[i] = portrait ? 640 : 360 + random.nextInt(121);
                gt.writeStartObject();
                gt.writeNumberField("id", imageId(i));
                gt.writeNumberField("width", widths[i]);
                gt.writeNumberField("height", heights[i]);
                gt.writeStringField("file_name", String.format(Locale.ROOT, "%012d.jpg", imageId(i)));
                gt.writeEndObject();
            }
            gt.writeEndArray();
            gt.writeArrayFieldStart("categories");
            for (int k = 0; k < categoryCount(); k++) {
                gt.writeStartObject();
                gt.writeNumberField("id", COCO_CATEGORY_IDS[k]);
                gt.writeStringField("name", "category_" + COCO_CATEGORY_IDS[k]);
                gt.writeEndObject();
            }
            gt.writeEndArray();

            gt.writeArrayFieldStart("annotations");
            dt.writeStartArray();
            dtBoxes.writeStartArray();
            long annotationId = 1;
            for (int i = 0; i < imageCount(); i++) {
                objectBoxes.clear();
                objectCategories.clear();
                int count = objectCount();
                for (int j = 0; j < count; j++) {
                    writeObject(gt, annotationId++, imageId(i), widths[i], heights[i]);
                }
                objects += count;
                detections += writeDetections(dt, dtBoxes, imageId(i), widths[i], heights[i]);
            }
            gt.writeEndArray();
            gt.writeEndObject();
            dt.writeEndArray();
            dtBoxes.writeEndArray();
        }
        System.err.printf(Locale.ROOT, "wrote %d images, %d objects and %d detections to %s%n", imageCount(), objects, detections, folder);
    }

    private static long imageId(int index) {
        return 100_000L + 7L * index;
    }

    private void writeObject(JsonGenerator gt, long id, long imageId, int width, int height) throws IOException {
        double[] box = randomBox(width, height);
        int category = COCO_CATEGORY_IDS[random.nextInt(categoryCount())];
        boolean crowd = random.nextInt(100) == 0;
        objectBoxes.add(box);
        objectCategories.add(category);

        gt.writeStartObject();
        gt.writeNumberField("id", id);
        gt.writeNumberField("image_id", imageId);
        gt.writeNumberField("category_id", category);
        gt.writeNumberField("iscrowd", crowd ? 1 : 0);
        gt.writeArrayFieldStart("bbox");
        for (double value : box) {
            gt.writeNumber(round2(value));
        }
        gt.writeEndArray();
        if (crowd) {
            int[] runs = rectangleRuns(box, width, height);
            gt.writeNumberField("area", box[2] * box[3]);
            gt.writeObjectFieldStart("segmentation");
            gt.writeArrayFieldStart("size");
            gt.writeNumber(height);
            gt.writeNumber(width);
            gt.writeEndArray();
            gt.writeArrayFieldStart("counts");
            for (int run : runs) {
                gt.writeNumber(run);
            }
            gt.writeEndArray();
            gt.writeEndObject();
        } else {
            double[] polygon = polygon(box, crowded ? 8 : 16);
            gt.writeNumberField("area", round2(shoelaceArea(polygon)));
            gt.writeArrayFieldStart("segmentation");
            gt.writeStartArray();
            for (double value : polygon) {
                gt.writeNumber(round2(value));
            }
            gt.writeEndArray();
            gt.writeEndArray();
        }
        gt.writeEndObject();
    }

    /** Writes jittered copies of the objects and random false positives; val2017 images get exactly 100. */
    private int writeDetections(JsonGenerator dt, JsonGenerator dtBoxes, long imageId, int width, int height) throws IOException {
        int target = crowded ? objectBoxes.size() + objectBoxes.size() / 10 : 100;
        int written = 0;
        for (int j = 0; j < objectBoxes.size() && written < target; j++) {
            int copies = crowded ? 1 : 1 + random.nextInt(2);
            for (int c = 0; c < copies && written < target; c++) {
                double[] box = jitter(objectBoxes.get(j), width, height);
                int category = random.nextInt(10) == 0 ? COCO_CATEGORY_IDS[random.nextInt(categoryCount())] : objectCategories.get(j);
                writeDetection(dt, dtBoxes, imageId, category, box, 0.3 + 0.7 * random.nextDouble(), width, height);
                written++;
            }
        }
        while (written < target) {
            writeDetection(dt, dtBoxes, imageId, COCO_CATEGORY_IDS[random.nextInt(categoryCount())], randomBox(width, height),
                    0.6 * random.nextDouble(), width, height);
            written++;
        }
        return written;
    }

    private void writeDetection(JsonGenerator dt, JsonGenerator dtBoxes, long imageId, int category, double[] box, double score, int width, int height)
            throws IOException {
        double roundedScore = Math.round(score * 1000) / 1000.0;
        for (JsonGenerator out : List.of(dt, dtBoxes)) {
            out.writeStartObject();
            out.writeNumberField("image_id", imageId);
            out.writeNumberField("category_id", category);
            out.writeArrayFieldStart("bbox");
            for (double value : box) {
                out.writeNumber(round2(value));
            }
            out.writeEndArray();
            out.writeNumberField("score", roundedScore);
            if (out == dt) {
                out.writeObjectFieldStart("segmentation");
                out.writeArrayFieldStart("size");
                out.writeNumber(height);
                out.writeNumber(width);
                out.writeEndArray();
                out.writeStringField("counts", new Rle(height, width, ellipseRuns(box, width, height)).toCompressedString());
                out.writeEndObject();
            }
            out.writeEndObject();
        }
    }

    private double[] randomBox(int width, int height) {
        double size = crowded ? Math.exp(Math.log(6) + random.nextDouble() * Math.log(60 / 6.0)) : Math.exp(Math.log(8) + random.nextDouble() * Math.log(400 / 8.0));
        double w = Math.min(width - 1, size * (0.5 + random.nextDouble()));
        double h = Math.min(height - 1, size * (0.5 + random.nextDouble()));
        double x = random.nextDouble() * (width - w);
        double y = random.nextDouble() * (height - h);
        return new double[] {x, y, w, h};
    }

    private double[] jitter(double[] box, int width, int height) {
        double x = clamp(box[0] + box[2] * 0.1 * random.nextGaussian(), 0, width - 2);
        double y = clamp(box[1] + box[3] * 0.1 * random.nextGaussian(), 0, height - 2);
        double w = clamp(box[2] * (1 + 0.1 * random.nextGaussian()), 1, width - x);
        double h = clamp(box[3] * (1 + 0.1 * random.nextGaussian()), 1, height - y);
        return new double[] {x, y, w, h};
    }

    /** Returns a star-shaped polygon with {@code vertices} corners inside the box. */
    private double[] polygon(double[] box, int vertices) {
        double[] xy = new double[2 * vertices];
        double cx = box[0] + box[2] / 2;
        double cy = box[1] + box[3] / 2;
        for (int v = 0; v < vertices; v++) {
            double angle = 2 * Math.PI * v / vertices;
            double radius = 0.75 + 0.25 * random.nextDouble();
            xy[2 * v] = cx + Math.cos(angle) * radius * box[2] / 2;
            xy[2 * v + 1] = cy + Math.sin(angle) * radius * box[3] / 2;
        }
        return xy;
    }

    private static double shoelaceArea(double[] xy) {
        double twice = 0;
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            twice += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
        }
        return Math.abs(twice) / 2;
    }

    /** Returns column-major runs of the pixels whose centres lie in the box. */
    private static int[] rectangleRuns(double[] box, int width, int height) {
        int x0 = (int) Math.round(box[0]);
        int x1 = Math.min(width, (int) Math.round(box[0] + box[2]));
        int y0 = (int) Math.round(box[1]);
        int y1 = Math.min(height, (int) Math.round(box[1] + box[3]));
        return columnRuns(width, height, x0, x1, x -> new int[] {y0, y1});
    }

    /** Returns column-major runs of the ellipse inscribed in the box. */
    private static int[] ellipseRuns(double[] box, int width, int height) {
        double cx = box[0] + box[2] / 2;
        double cy = box[1] + box[3] / 2;
        double rx = box[2] / 2;
        double ry = box[3] / 2;
        int x0 = Math.max(0, (int) Math.floor(box[0]));
        int x1 = Math.min(width, (int) Math.ceil(box[0] + box[2]));
        return columnRuns(width, height, x0, x1, x -> {
            double dx = (x + 0.5 - cx) / rx;
            if (Math.abs(dx) >= 1) {
                return new int[] {0, 0};
            }
            double half = ry * Math.sqrt(1 - dx * dx);
            int top = (int) Math.max(0, Math.round(cy - half));
            int bottom = (int) Math.min(height, Math.round(cy + half));
            return new int[] {top, Math.max(top, bottom)};
        });
    }

    private interface ColumnSpan {
        int[] span(int x);
    }

    private static int[] columnRuns(int width, int height, int x0, int x1, ColumnSpan spans) {
        List<Integer> runs = new ArrayList<>();
        long background = (long) x0 * height;
        for (int x = x0; x < x1; x++) {
            int[] span = spans.span(x);
            if (span[1] <= span[0]) {
                background += height;
                continue;
            }
            background += span[0];
            runs.add((int) background);
            runs.add(span[1] - span[0]);
            background = height - span[1];
        }
        background += (long) (width - x1) * height;
        runs.add((int) background);
        return runs.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static int[] cocoCategoryIds() {
        int[] unused = {12, 26, 29, 30, 45, 66, 68, 69, 71, 83};
        int[] ids = new int[80];
        int next = 0;
        for (int id = 1; id <= 90; id++) {
            if (java.util.Arrays.binarySearch(unused, id) < 0) {
                ids[next++] = id;
            }
        }
        return ids;
    }
}
