package org.backdrop.dataset.coco;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic COCO instances file shaped like {@code instances_train2017.json}: 118,287 images,
 * about 860,000 annotations and about 480 MB, for {@link CocoLoadBenchmark}.
 *
 * <p>Images are 640 × 480 or 480 × 640 with the official file-name pattern. Annotations follow the
 * official file's field order and number format ({@code json.dump} with its default separators).
 * About 1% are crowd regions with uncompressed RLE counts. The rest are polygons in one part (9 in 10)
 * or two to three parts. A part has 4 to 160 points, about 21 on average and skewed towards small
 * objects, with coordinates of two decimals. The category ids are COCO's 80 ids from 1 to 90.
 * Output depends only on the seed.
 *
 * <p>Usage: {@code CocoBenchmarkFile OUTPUT.json [SEED]}.
 */
public final class CocoBenchmarkFile {

    private static final int IMAGES = 118_287;
    private static final double ANNOTATIONS_PER_IMAGE = 7.27;
    private static final double CROWD_SHARE = 0.01;
    private static final int[] CATEGORY_IDS = {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 27, 28, 31, 32, 33, 34,
        35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65,
        67, 70, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 84, 85, 86, 87, 88, 89, 90};

    private final SplittableRandom random;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(1 << 16);
    private long annotationId = 1;

    private CocoBenchmarkFile(SplittableRandom random, Writer out) {
        this.random = random;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: CocoBenchmarkFile OUTPUT.json [SEED]");
            System.exit(1);
        }
        Path output = Path.of(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2017;
        write(output, seed);
        System.out.printf("wrote %s: %,d bytes%n", output, Files.size(output));
    }

    /** Writes the file for {@code seed} to {@code output}, replacing it. */
    public static void write(Path output, long seed) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            new CocoBenchmarkFile(new SplittableRandom(seed), out).writeDocument();
        }
    }

    private void writeDocument() throws IOException {
        out.write("{\"info\": {\"description\": \"Synthetic file shaped like COCO 2017 train\", \"year\": 2017}, \"licenses\": [], ");
        long[] ids = new long[IMAGES];
        int[] widths = new int[IMAGES];
        int[] heights = new int[IMAGES];

        out.write("\"images\": [");
        writeImages(ids, widths, heights);
        out.write("], \"annotations\": [");
        writeAnnotations(ids, widths, heights);
        out.write("], \"categories\": [");
        for (int i = 0; i < CATEGORY_IDS.length; i++) {
            out.write((i > 0 ? ", " : "") + "{\"supercategory\": \"thing\", \"id\": " + CATEGORY_IDS[i] + ", \"name\": \"class" + CATEGORY_IDS[i] + "\"}");
        }
        out.write("]}");
    }

    private void writeImages(long[] ids, int[] widths, int[] heights) throws IOException {
        long id = 9;
        for (int i = 0; i < IMAGES; i++) {
            id += 1 + random.nextInt(8);
            ids[i] = id;
            boolean portrait = random.nextInt(4) == 0;
            widths[i] = portrait ? 480 : 640;
            heights[i] = portrait ? 640 : 480;
            String fileName = String.format("%012d.jpg", id);

            line.setLength(0);
            line.append(i > 0 ? ", " : "")
                    .append("{\"license\": ").append(1 + random.nextInt(8))
                    .append(", \"file_name\": \"").append(fileName).append('"')
                    .append(", \"coco_url\": \"http://images.cocodataset.org/train2017/").append(fileName).append('"')
                    .append(", \"height\": ").append(heights[i]).append(", \"width\": ").append(widths[i])
                    .append(", \"date_captured\": \"2013-11-14 11:18:45\"")
                    .append(", \"flickr_url\": \"http://farm7.staticflickr.com/6116/6255196340_da26cf2c9e_z.jpg\"")
                    .append(", \"id\": ").append(id).append('}');
            out.append(line);
        }
    }

    private void writeAnnotations(long[] ids, int[] widths, int[] heights) throws IOException {
        boolean first = true;
        for (int i = 0; i < IMAGES; i++) {
            int count = annotationCount();
            for (int k = 0; k < count; k++) {
                line.setLength(0);
                line.append(first ? "" : ", ");
                first = false;
                appendAnnotation(ids[i], widths[i], heights[i]);
                out.append(line);
            }
        }
    }

    private int annotationCount() {
        // Exponential with mean ANNOTATIONS_PER_IMAGE and capped at 90: most images have a few objects, some dozens.
        double value = -ANNOTATIONS_PER_IMAGE * Math.log(1 - random.nextDouble());
        return (int) Math.min(Math.round(value), 90);
    }

    private void appendAnnotation(long imageId, int width, int height) {
        boolean crowd = random.nextDouble() < CROWD_SHARE;
        double boxWidth = 4 + random.nextDouble() * (width * (random.nextInt(5) == 0 ? 0.8 : 0.25));
        double boxHeight = 4 + random.nextDouble() * (height * (random.nextInt(5) == 0 ? 0.8 : 0.25));
        double x = random.nextDouble() * (width - boxWidth);
        double y = random.nextDouble() * (height - boxHeight);
        line.append("{\"segmentation\": ");
        double area;
        if (crowd) {
            area = appendRle(width, height, (int) x, (int) y, (int) boxWidth, (int) boxHeight);
        } else {
            area = appendPolygons(x, y, boxWidth, boxHeight);
        }
        line.append(", \"area\": ").append(area)
                .append(", \"iscrowd\": ").append(crowd ? 1 : 0)
                .append(", \"image_id\": ").append(imageId)
                .append(", \"bbox\": [");
        appendCenti(centi(x));
        line.append(", ");
        appendCenti(centi(y));
        line.append(", ");
        appendCenti(centi(boxWidth));
        line.append(", ");
        appendCenti(centi(boxHeight));
        line.append("], \"category_id\": ").append(CATEGORY_IDS[random.nextInt(CATEGORY_IDS.length)])
                .append(", \"id\": ").append(annotationId++).append('}');
    }

    /** Appends polygons inside the box and returns a plausible area with many decimals, as COCO's have. */
    private double appendPolygons(double x, double y, double boxWidth, double boxHeight) {
        int parts = random.nextInt(10) == 0 ? 2 + random.nextInt(2) : 1;
        line.append('[');
        for (int part = 0; part < parts; part++) {
            if (part > 0) {
                line.append(", ");
            }
            int points = pointCount();
            line.append('[');
            double centerX = x + boxWidth / 2;
            double centerY = y + boxHeight / 2;
            for (int p = 0; p < points; p++) {
                double angle = 2 * Math.PI * p / points;
                double scale = 0.6 + 0.4 * random.nextDouble();
                if (p > 0) {
                    line.append(", ");
                }
                appendCenti(centi(centerX + Math.cos(angle) * scale * boxWidth / 2));
                line.append(", ");
                appendCenti(centi(centerY + Math.sin(angle) * scale * boxHeight / 2));
            }
            line.append(']');
        }
        line.append(']');
        return boxWidth * boxHeight * (0.5 + 0.3 * random.nextDouble());
    }

    private int pointCount() {
        // Skewed towards small objects: 19 in 20 parts have 4 to 59 points (log-uniform), the rest 40 to 160.
        if (random.nextInt(20) == 0) {
            return 40 + random.nextInt(121);
        }
        return 3 + (int) Math.exp(random.nextDouble() * Math.log(57));
    }

    /** Appends an uncompressed RLE of a rough blob in the box and returns its foreground area. */
    private long appendRle(int width, int height, int x0, int y0, int boxWidth, int boxHeight) {
        line.append("{\"counts\": [");
        long area = 0;
        long position = 0;
        boolean firstCount = true;
        for (int column = x0; column < x0 + boxWidth && column < width; column++) {
            int top = y0 + random.nextInt(Math.max(1, boxHeight / 4));
            int length = Math.max(1, boxHeight / 2 + random.nextInt(Math.max(1, boxHeight / 4)));
            length = Math.min(length, height - top);
            long start = (long) column * height + top;
            line.append(firstCount ? "" : ", ").append(start - position).append(", ").append(length);
            firstCount = false;
            position = start + length;
            area += length;
        }
        line.append(firstCount ? "" : ", ").append((long) width * height - position);
        line.append("], \"size\": [").append(height).append(", ").append(width).append("]}");
        return area;
    }

    private static int centi(double value) {
        return (int) Math.round(value * 100);
    }

    /** Appends hundredths as Python prints a float rounded to two decimals: 12.5, 12.25, 12.0. */
    private void appendCenti(int centi) {
        line.append(centi / 100).append('.');
        int fraction = centi % 100;
        if (fraction % 10 == 0) {
            line.append(fraction / 10);
        } else {
            line.append(fraction / 10).append(fraction % 10);
        }
    }
}
