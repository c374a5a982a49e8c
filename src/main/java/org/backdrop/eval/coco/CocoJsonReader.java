package org.backdrop.eval.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.mask.PolygonSegmentation;
import org.backdrop.mask.Rle;
import org.backdrop.mask.RleSegmentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what COCO evaluation needs from a ground-truth file (COCO "instances" JSON) and a results file
 * (a JSON list of {@code {image_id, category_id, bbox, score[, segmentation]}}), streaming with
 * Jackson. Fields that evaluation does not use (file names, captions, licenses) are skipped, and
 * compressed masks stay compressed.
 *
 * <p>Both readers accept {@code NaN} and {@code Infinity} tokens, as Python's {@code json} writes
 * them, so that they can reject such values with a message that names the record.
 */
public final class CocoJsonReader {

    private static final Logger LOG = LoggerFactory.getLogger(CocoJsonReader.class);

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private CocoJsonReader() {}

    /**
     * Reads images, categories and annotations of a COCO ground-truth file. A missing
     * {@code annotations} list reads as no objects. An annotation without {@code iscrowd} counts as
     * not a crowd, with one warning for the file.
     *
     * @throws IOException if the file cannot be read
     * @throws EvaluationInputException if the file is not valid JSON, or a record lacks an id or
     *     contains an invalid value. The message names the file, the record and its line.
     */
    public static CocoGroundTruth readGroundTruth(Path file) throws IOException {
        return readGroundTruth(file, true);
    }

    /**
     * Reads a ground-truth file as {@link #readGroundTruth(Path)} does, skipping the masks when
     * {@code keepMasks} is false (box evaluation does not need them).
     *
     * @throws IOException if the file cannot be read
     * @throws EvaluationInputException as {@link #readGroundTruth(Path)}
     */
    public static CocoGroundTruth readGroundTruth(Path file, boolean keepMasks) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = FACTORY.createParser(in)) {
            JsonCursor cursor = new JsonCursor(parser, file);
            cursor.next();
            cursor.expect(JsonToken.START_OBJECT, "a ground-truth file");
            List<CocoImage> images = new ArrayList<>();
            List<CocoCategory> categories = new ArrayList<>();
            List<GroundTruthObject> objects = new ArrayList<>();
            int[] withoutCrowdFlag = new int[1];
            String field;
            while ((field = parser.nextFieldName()) != null) {
                switch (field) {
                    case "images" -> readList(cursor, field, index -> images.add(readImage(cursor, index)));
                    case "categories" -> readList(cursor, field, index -> categories.add(readCategory(cursor, index)));
                    case "annotations" -> readList(cursor, field, index -> objects.add(readObject(cursor, withoutCrowdFlag, keepMasks)));
                    default -> cursor.skipValue();
                }
            }
            if (withoutCrowdFlag[0] > 0) {
                LOG.warn("{}: {} annotations have no 'iscrowd' field; they count as iscrowd 0", file, withoutCrowdFlag[0]);
            }
            return new CocoGroundTruth(images, categories, objects);
        } catch (JsonParseException e) {
            throw invalidJson(file, e);
        }
    }

    /**
     * Reads a COCO results file. Detections keep their file order, which decides the ranking of equal
     * scores. An empty {@code bbox} list reads as no box, as in pycocotools.
     *
     * @param keepMasks whether to keep the masks of detections that have a box. Masks of detections
     *     without a box are always kept, because evaluation derives box and area from them. When the
     *     first detection has no box, all masks are kept.
     * @throws IOException if the file cannot be read
     * @throws EvaluationInputException if the file is not a JSON list of detections or a detection
     *     lacks {@code image_id}, {@code category_id} or {@code score}, has neither box nor mask, or
     *     contains an invalid value (a NaN score, a negative box size); the message names the file, the
     *     detection's index in the list and its line
     */
    public static CocoDetections readResults(Path file, boolean keepMasks) throws IOException {
        return readResults(file, keepMasks, ResultsFileParts.MIN_PART_BYTES);
    }

    /** Reads as {@link #readResults(Path, boolean)}, splitting files into parts of at least {@code minPartBytes}. */
    static CocoDetections readResults(Path file, boolean keepMasks, long minPartBytes) throws IOException {
        ResultsFileParts parts = ResultsFileParts.split(file, 2 * Runtime.getRuntime().availableProcessors(), minPartBytes);
        if (parts.count() > 1) {
            CocoDetections.Builder detections = readParts(file, parts, keepMasks);
            boolean masksNeeded = !keepMasks && detections != null && detections.size() > 0 && !detections.hasBox(0);
            if (detections != null && !masksNeeded) {
                return detections.build();
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readList(file, in, keepMasks, true).build();
        }
    }

    /**
     * Reads the parts of a large file in parallel. Returns null when a part fails. The caller then
     * reads the file in one piece and reports the fault with the detection's index and line.
     */
    private static CocoDetections.Builder readParts(Path file, ResultsFileParts parts, boolean keepMasks) {
        List<CocoDetections.Builder> builders;
        try {
            builders = IntStream.range(0, parts.count()).parallel().mapToObj(index -> {
                try (InputStream in = parts.open(index)) {
                    return readList(file, in, keepMasks, false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (EvaluationInputException | UncheckedIOException e) {
            LOG.debug("Reading {} in one piece because a part failed: {}", file, e.getMessage());
            return null;
        }
        CocoDetections.Builder all = new CocoDetections.Builder();
        builders.forEach(all::addAll);
        return all;
    }

    private static CocoDetections.Builder readList(Path file, InputStream in, boolean keepMasks, boolean wholeFile) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            JsonCursor cursor = new JsonCursor(parser, file);
            cursor.next();
            cursor.expect(JsonToken.START_ARRAY, "a results file");
            CocoDetections.Builder detections = new CocoDetections.Builder();
            DetectionReader reader = new DetectionReader(cursor, keepMasks);
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                cursor.enterRecord(detections.size());
                cursor.expect(JsonToken.START_OBJECT, "each detection");
                reader.read(detections);
                if (wholeFile && detections.size() == 1 && !reader.hasBox) {
                    // Areas then come from the masks of all detections (see CocoEvaluator).
                    reader.keepMasks = true;
                }
            }
            if (parser.nextToken() != null) {
                throw cursor.invalid("the results list is followed by more content; a results file must contain exactly one JSON list");
            }
            return detections;
        } catch (JsonParseException e) {
            throw invalidJson(file, e);
        }
    }

    private static EvaluationInputException invalidJson(Path file, JsonParseException e) {
        return new EvaluationInputException(
                file + " (line " + e.getLocation().getLineNr() + "): invalid JSON: " + e.getOriginalMessage(), e);
    }

    private interface ElementReader {
        void read(int index) throws IOException;
    }

    private static void readList(JsonCursor cursor, String field, ElementReader reader) throws IOException {
        cursor.enterRecord("");
        cursor.next();
        cursor.expect(JsonToken.START_ARRAY, "'" + field + "'");
        int index = 0;
        while (cursor.next() != JsonToken.END_ARRAY) {
            cursor.enterRecord(field + "[" + index + "]");
            cursor.expect(JsonToken.START_OBJECT, "each entry of '" + field + "'");
            reader.read(index);
            index++;
        }
        cursor.enterRecord("");
    }

    private static CocoImage readImage(JsonCursor cursor, int index) throws IOException {
        JsonParser parser = cursor.parser();
        Long id = null;
        int width = 0;
        int height = 0;
        String field;
        while ((field = parser.nextFieldName()) != null) {
            switch (field) {
                case "id" -> id = cursor.readId(field);
                case "width" -> width = cursor.readSize(field);
                case "height" -> height = cursor.readSize(field);
                default -> cursor.skipValue();
            }
        }
        if (id == null) {
            throw cursor.invalid("the image has no 'id'");
        }
        return new CocoImage(id, width, height);
    }

    private static CocoCategory readCategory(JsonCursor cursor, int index) throws IOException {
        JsonParser parser = cursor.parser();
        Long id = null;
        String name = "";
        String field;
        while ((field = parser.nextFieldName()) != null) {
            switch (field) {
                case "id" -> id = cursor.readId(field);
                case "name" -> name = cursor.readText(field);
                default -> cursor.skipValue();
            }
        }
        if (id == null) {
            throw cursor.invalid("the category has no 'id'");
        }
        return new CocoCategory(id, name);
    }

    private static GroundTruthObject readObject(JsonCursor cursor, int[] withoutCrowdFlag, boolean keepMask) throws IOException {
        JsonParser parser = cursor.parser();
        Long id = null;
        Long imageId = null;
        Long categoryId = null;
        double[] bbox = null;
        double area = Double.NaN;
        Boolean crowd = null;
        boolean ignore = false;
        InstanceMask mask = null;
        String field;
        while ((field = parser.nextFieldName()) != null) {
            switch (field) {
                case "id" -> id = cursor.readId(field);
                case "image_id" -> imageId = cursor.readId(field);
                case "category_id" -> categoryId = cursor.readId(field);
                case "bbox" -> bbox = cursor.readBox(field);
                case "area" -> area = readArea(cursor);
                case "iscrowd" -> crowd = cursor.readFlag(field);
                case "ignore" -> ignore = cursor.readFlag(field);
                case "segmentation" -> {
                    if (keepMask) {
                        mask = readMask(cursor, field);
                    } else {
                        cursor.skipValue();
                    }
                }
                default -> cursor.skipValue();
            }
        }

        requireField(cursor, id, "id");
        requireField(cursor, imageId, "image_id");
        requireField(cursor, categoryId, "category_id");
        if (crowd == null) {
            withoutCrowdFlag[0]++;
            crowd = false;
        }
        return new GroundTruthObject(id, imageId, categoryId, bbox, area, crowd, ignore, mask);
    }

    private static double readArea(JsonCursor cursor) throws IOException {
        double area = cursor.readFinite("area");
        if (area < 0) {
            throw cursor.invalid("'area' is " + area + "; areas must be at least 0");
        }
        return area;
    }

    /** Reads detections one at a time into reused fields, so that reading allocates little besides masks. */
    private static final class DetectionReader {

        private final JsonCursor cursor;
        private final double[] box = new double[4];
        private boolean keepMasks;
        private boolean hasBox;

        DetectionReader(JsonCursor cursor, boolean keepMasks) {
            this.cursor = cursor;
            this.keepMasks = keepMasks;
        }

        void read(CocoDetections.Builder detections) throws IOException {
            JsonParser parser = cursor.parser();
            long imageId = 0;
            long categoryId = 0;
            double score = 0;
            boolean hasImage = false;
            boolean hasCategory = false;
            boolean hasScore = false;
            boolean hasMask = false;
            InstanceMask mask = null;
            hasBox = false;
            String field;
            while ((field = parser.nextFieldName()) != null) {
                switch (field) {
                    case "image_id" -> {
                        imageId = cursor.readId(field);
                        hasImage = true;
                    }
                    case "category_id" -> {
                        categoryId = cursor.readId(field);
                        hasCategory = true;
                    }
                    case "score" -> {
                        score = cursor.readNumber(field);
                        hasScore = true;
                    }
                    case "bbox" -> hasBox = cursor.readBoxInto(field, box);
                    case "segmentation" -> {
                        if (keepMasks || !hasBox) {
                            mask = readMask(cursor, field);
                            hasMask = mask != null;
                        } else {
                            cursor.skipValue();
                            hasMask = parser.currentToken() != JsonToken.VALUE_NULL;
                        }
                    }
                    default -> cursor.skipValue();
                }
            }

            requireField(cursor, hasImage, "image_id");
            requireField(cursor, hasCategory, "category_id");
            requireField(cursor, hasScore, "score");
            if (!Double.isFinite(score)) {
                throw cursor.invalid("'score' is " + score + "; every detection needs a finite score");
            }
            if (!hasBox && !hasMask) {
                throw cursor.invalid("the detection has neither 'bbox' nor 'segmentation'; give at least one");
            }
            if (!keepMasks && hasBox) {
                mask = null;
            }
            detections.add(imageId, categoryId, score, hasBox ? box : null, mask);
        }
    }

    private static void requireField(JsonCursor cursor, Object value, String field) {
        requireField(cursor, value != null, field);
    }

    private static void requireField(JsonCursor cursor, boolean present, String field) {
        if (!present) {
            throw cursor.invalid("the record has no '" + field + "'");
        }
    }

    /** Reads polygons, an uncompressed RLE or a compressed RLE; returns null for {@code null}. */
    private static InstanceMask readMask(JsonCursor cursor, String field) throws IOException {
        JsonToken token = cursor.next();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.START_ARRAY) {
            return new InstanceMask.Shape(new PolygonSegmentation(readPolygons(cursor, field)));
        }
        if (token != JsonToken.START_OBJECT) {
            throw cursor.invalid("'" + field + "' must be a list of polygons or an RLE object {size, counts}");
        }
        JsonParser parser = cursor.parser();
        int[] size = null;
        String compressed = null;
        int[] runs = null;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            switch (name) {
                case "size" -> size = readInts(cursor, field + ".size");
                case "counts" -> {
                    JsonToken counts = cursor.next();
                    if (counts == JsonToken.VALUE_STRING) {
                        compressed = parser.getText();
                    } else if (counts == JsonToken.START_ARRAY) {
                        runs = readIntsAfterStart(cursor, field + ".counts");
                    } else {
                        throw cursor.invalid("'" + field + ".counts' must be a string or a list of integers");
                    }
                }
                default -> cursor.skipValue();
            }
        }

        if (size == null || size.length != 2) {
            throw cursor.invalid("'" + field + ".size' must be [height, width]");
        }
        if (compressed != null) {
            return new InstanceMask.Compressed(size[0], size[1], compressed);
        }
        if (runs == null) {
            throw cursor.invalid("'" + field + "' has no 'counts'");
        }
        try {
            return new InstanceMask.Shape(new RleSegmentation(new Rle(size[0], size[1], runs), false));
        } catch (IllegalArgumentException e) {
            throw cursor.invalid("'" + field + "' is not a valid RLE: " + e.getMessage());
        }
    }

    private static List<double[]> readPolygons(JsonCursor cursor, String field) throws IOException {
        List<double[]> parts = new ArrayList<>();
        while (cursor.next() != JsonToken.END_ARRAY) {
            cursor.expect(JsonToken.START_ARRAY, "each polygon of '" + field + "'");
            double[] part = new double[16];
            int count = 0;
            while (cursor.next() != JsonToken.END_ARRAY) {
                JsonToken token = cursor.parser().currentToken();
                if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw cursor.invalid("polygons of '" + field + "' must hold numbers");
                }
                double value = cursor.parser().getDoubleValue();
                if (!Double.isFinite(value)) {
                    throw cursor.invalid("a polygon of '" + field + "' contains " + value + "; coordinates must be finite");
                }
                if (count == part.length) {
                    part = Arrays.copyOf(part, count * 2);
                }
                part[count++] = value;
            }
            parts.add(Arrays.copyOf(part, count));
        }
        return parts;
    }

    private static int[] readInts(JsonCursor cursor, String field) throws IOException {
        cursor.next();
        cursor.expect(JsonToken.START_ARRAY, "'" + field + "'");
        return readIntsAfterStart(cursor, field);
    }

    private static int[] readIntsAfterStart(JsonCursor cursor, String field) throws IOException {
        int[] values = new int[16];
        int count = 0;
        JsonParser parser = cursor.parser();
        while (cursor.next() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw cursor.invalid("'" + field + "' must hold integers");
            }
            long value = parser.getLongValue();
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw cursor.invalid("'" + field + "' contains " + value + "; values must be between 0 and " + Integer.MAX_VALUE);
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = (int) value;
        }
        return Arrays.copyOf(values, count);
    }
}
