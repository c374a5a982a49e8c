package org.backdrop.dataset.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.coco.CocoParse.RecordProblem;
import org.backdrop.mask.Rle;

/**
 * Reads a COCO instances file with Jackson's streaming parser into {@link CocoImages} and
 * {@link CocoAnnotations}, one record at a time, so that no tree of the whole file is ever built.
 *
 * <p>The top-level keys may come in any order. Unknown keys, and unknown fields inside records, are
 * skipped. A record with a wrong or missing field is set aside with the reason and parsing goes on;
 * only JSON that is not well-formed, or a top level that is not an object with an {@code images}
 * list, stops it.
 */
final class CocoParser {

    /** The factory for COCO files; thread-safe once built. */
    static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private static final int RECORDS_PER_PROGRESS = 8192;
    private static final int MIN_POLYGON_COORDINATES = 6;
    private static final String PROGRESS_MESSAGE = "Reading COCO annotations";

    private final Path file;
    private final long fileSize;
    private final ProgressListener progress;

    private final CocoImages images = new CocoImages();
    private final CocoAnnotations annotations = new CocoAnnotations();
    private final List<Category> categories = new ArrayList<>();
    private final List<RecordProblem> annotationProblems = new ArrayList<>();
    private final List<String> categoryProblems = new ArrayList<>();
    private final SegmentationBuffer segmentation = new SegmentationBuffer();
    private final double[] box = new double[4];
    private long records;
    private long shortPolygonParts;
    private long firstShortPolygonAnnotation = -1;

    /** The first problem of the record being read, or null. */
    private String problem;

    /** Whether the last value read by one of the {@code ...Value} methods was of the right type. */
    private boolean valueOk;

    private CocoParser(Path file, long fileSize, ProgressListener progress) {
        this.file = file;
        this.fileSize = fileSize;
        this.progress = progress;
    }

    /**
     * Parses {@code file}.
     *
     * @throws DatasetException when the file cannot be read, is not well-formed JSON (the message gives
     *     the line and column), or is not a JSON object with an {@code images} list
     * @throws CancellationException when {@code progress} reports cancellation
     */
    static CocoParse parse(Path file, ProgressListener progress) throws DatasetException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
            CocoParser reader = new CocoParser(file, Files.size(file), progress);
            reader.readDocument(parser);
            return reader.result();
        } catch (StreamReadException e) {
            JsonLocation where = e.getLocation();
            throw new DatasetException(file + " is not valid JSON at line " + where.getLineNr() + ", column " + where.getColumnNr()
                    + ": " + e.getOriginalMessage() + ". Repair the file or export it again.", e);
        } catch (IOException e) {
            throw new DatasetException("failed to read " + file + ": " + e.getMessage(), e);
        }
    }

    private CocoParse result() {
        annotations.trim();
        return new CocoParse(images, annotations, List.copyOf(categories), List.copyOf(annotationProblems), List.copyOf(categoryProblems),
                shortPolygonParts, firstShortPolygonAnnotation);
    }

    private void readDocument(JsonParser parser) throws IOException, DatasetException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw notCoco(parser, "the top level is not a JSON object");
        }
        boolean sawImages = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "images" -> {
                    requireList(parser, value, name);
                    readList(parser, this::readImage);
                    sawImages = true;
                }
                case "annotations" -> {
                    requireList(parser, value, name);
                    readList(parser, this::readAnnotation);
                }
                case "categories" -> {
                    requireList(parser, value, name);
                    readList(parser, this::readCategory);
                }
                default -> parser.skipChildren();
            }
        }
        if (!sawImages) {
            throw new DatasetException(file + " has no \"images\" list, so it is not a COCO instances file. "
                    + "Pass an instances file such as instances_val2017.json.");
        }
        if (parser.nextToken() != null) {
            throw notCoco(parser, "there is more content after the top-level object");
        }
        progress.progress(fileSize, fileSize, PROGRESS_MESSAGE);
    }

    private void requireList(JsonParser parser, JsonToken value, String key) throws IOException, DatasetException {
        if (value != JsonToken.START_ARRAY) {
            throw notCoco(parser, "\"" + key + "\" is " + describe(parser, value) + ", not a list");
        }
    }

    private interface RecordReader {
        void read(JsonParser parser, JsonToken start) throws IOException;
    }

    private void readList(JsonParser parser, RecordReader reader) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            problem = null;
            reader.read(parser, token);
            if (++records % RECORDS_PER_PROGRESS == 0) {
                reportProgress(parser);
            }
        }
    }

    private void reportProgress(JsonParser parser) {
        if (progress.isCancelled()) {
            throw new CancellationException("reading " + file + " was cancelled");
        }
        progress.progress(parser.currentLocation().getByteOffset(), fileSize, PROGRESS_MESSAGE);
    }

    private void readImage(JsonParser parser, JsonToken start) throws IOException {
        JsonLocation where = parser.currentTokenLocation();
        if (start != JsonToken.START_OBJECT) {
            parser.skipChildren();
            images.add(CocoImages.NO_ID, 0, 0, null, "the image record at " + position(where) + " is " + describe(parser, start) + ", not an object");
            return;
        }
        long id = 0;
        boolean hasId = false;
        int width = 0;
        int height = 0;
        String fileName = null;

        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "id" -> {
                    id = longValue(parser, value, name);
                    hasId = valueOk;
                }
                case "width" -> width = sizeValue(parser, value, name);
                case "height" -> height = sizeValue(parser, value, name);
                case "file_name" -> fileName = stringValue(parser, value, name);
                default -> parser.skipChildren();
            }
        }

        if (!hasId) {
            fail("it has no id");
        }
        if (fileName == null) {
            fail("it has no file_name");
        }
        String reason = problem == null ? null : (hasId ? "image " + id : "the image record at " + position(where)) + ": " + problem;
        images.add(hasId ? id : CocoImages.NO_ID, width, height, fileName, reason);
    }

    private void readCategory(JsonParser parser, JsonToken start) throws IOException {
        JsonLocation where = parser.currentTokenLocation();
        if (start != JsonToken.START_OBJECT) {
            parser.skipChildren();
            categoryProblems.add("the category record at " + position(where) + " is " + describe(parser, start) + ", not an object");
            return;
        }
        int id = 0;
        boolean hasId = false;
        String name = null;
        String supercategory = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "id" -> {
                    id = intValue(parser, value, field);
                    hasId = valueOk;
                }
                case "name" -> name = stringValue(parser, value, field);
                case "supercategory" -> supercategory = stringValue(parser, value, field);
                default -> parser.skipChildren();
            }
        }
        if (!hasId) {
            fail("it has no id");
        }
        if (problem != null) {
            String record = hasId ? "category " + id : "the category record at " + position(where);
            categoryProblems.add(record + ": " + problem);
            return;
        }
        categories.add(new Category(id, name == null ? "" : name, supercategory == null ? "" : supercategory));
    }

    private void readAnnotation(JsonParser parser, JsonToken start) throws IOException {
        JsonLocation where = parser.currentTokenLocation();
        if (start != JsonToken.START_OBJECT) {
            parser.skipChildren();
            annotationProblems.add(new RecordProblem("the annotation record at " + position(where), null, "it is " + describe(parser, start) + ", not an object"));
            return;
        }
        segmentation.reset();
        long id = 0;
        boolean hasId = false;
        Long imageId = null;
        int categoryId = 0;
        boolean hasCategory = false;
        boolean hasBox = false;
        boolean crowd = false;
        double area = Double.NaN;

        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "id" -> {
                    id = longValue(parser, value, name);
                    hasId = valueOk;
                }
                case "image_id" -> {
                    long read = longValue(parser, value, name);
                    imageId = valueOk ? read : null;
                }
                case "category_id" -> {
                    categoryId = intValue(parser, value, name);
                    hasCategory = valueOk;
                }
                case "iscrowd" -> crowd = crowdValue(parser, value);
                case "area" -> area = doubleValue(parser, value, name);
                case "bbox" -> hasBox = readBox(parser, value);
                case "segmentation" -> readSegmentation(parser, value);
                default -> parser.skipChildren();
            }
        }

        checkAnnotation(hasId, imageId, hasCategory, hasBox);
        if (problem != null) {
            String record = hasId ? "annotation " + id : "the annotation record at " + position(where);
            annotationProblems.add(new RecordProblem(record, imageId, problem));
            return;
        }
        countShortPolygonParts(id);
        annotations.add(id, imageId, categoryId, box, area, crowd, segmentation);
    }

    private void checkAnnotation(boolean hasId, Long imageId, boolean hasCategory, boolean hasBox) {
        if (!hasId) {
            fail("it has no id");
        }
        if (imageId == null) {
            fail("it has no image_id");
        }
        if (!hasCategory) {
            fail("it has no category_id");
        }
        if (!hasBox) {
            fail("it has no bbox");
        } else if (box[2] < 0 || box[3] < 0) {
            fail("its bbox [" + box[0] + ", " + box[1] + ", " + box[2] + ", " + box[3] + "] has a negative width or height");
        }
    }

    private void countShortPolygonParts(long id) {
        if (segmentation.kind() != SegmentationBuffer.Kind.POLYGONS) {
            return;
        }
        for (int part = 0; part < segmentation.partCount(); part++) {
            if (segmentation.partLength(part) < MIN_POLYGON_COORDINATES) {
                shortPolygonParts++;
                if (firstShortPolygonAnnotation < 0) {
                    firstShortPolygonAnnotation = id;
                }
            }
        }
    }

    /** Reads {@code [x, y, width, height]} into {@link #box}; returns false when it is not such a list. */
    private boolean readBox(JsonParser parser, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            fail("bbox must be a list [x, y, width, height], found " + describe(parser, start));
            parser.skipChildren();
            return false;
        }
        int count = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (!token.isNumeric()) {
                fail("bbox must hold numbers, found " + describe(parser, token));
                parser.skipChildren();
                return false;
            }
            if (count < 4) {
                box[count] = parser.getDoubleValue();
            }
            count++;
        }
        if (count != 4) {
            fail("bbox must hold 4 numbers [x, y, width, height], found " + count);
            return false;
        }
        return true;
    }

    private void readSegmentation(JsonParser parser, JsonToken start) throws IOException {
        switch (start) {
            case VALUE_NULL -> segmentation.reset();
            case START_ARRAY -> readPolygons(parser);
            case START_OBJECT -> readRle(parser);
            default -> {
                fail("segmentation must be a list of polygons or an RLE object, found " + describe(parser, start));
                parser.skipChildren();
            }
        }
    }

    private void readPolygons(JsonParser parser) throws IOException {
        segmentation.startPolygons();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_ARRAY) {
                fail("segmentation must be a list of polygons such as [[x1, y1, x2, y2, x3, y3]], found "
                        + describe(parser, token) + " in the outer list");
                parser.skipChildren();
                continue;
            }
            int length = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (!token.isNumeric()) {
                    fail("polygon coordinates must be numbers, found " + describe(parser, token));
                    parser.skipChildren();
                    continue;
                }
                if (!segmentation.tryAddCenti(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())) {
                    segmentation.addExact(parser.getDoubleValue());
                }
                length++;
            }
            if (length % 2 != 0) {
                fail("polygon " + (segmentation.partCount() + 1) + " has an odd number of coordinates (" + length
                        + "); every point needs an x and a y");
            }
            segmentation.endPart(length);
        }
    }

    private void readRle(JsonParser parser) throws IOException {
        int height = -1;
        int width = -1;
        String compressedCounts = null;
        boolean hasCounts = false;
        segmentation.startRle(false);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "size" -> {
                    int[] size = readRleSize(parser, value);
                    height = size[0];
                    width = size[1];
                }
                case "counts" -> {
                    hasCounts = true;
                    if (value == JsonToken.VALUE_STRING) {
                        compressedCounts = parser.getText();
                    } else {
                        readCountList(parser, value);
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (height < 0) {
            fail("the RLE segmentation has no size [height, width]");
        } else if (!hasCounts) {
            fail("the RLE segmentation has no counts");
        } else if (compressedCounts != null) {
            decodeCompressed(compressedCounts, height, width);
        } else {
            checkCountSum(height, width);
        }
        segmentation.setRleSize(height, width);
    }

    private int[] readRleSize(JsonParser parser, JsonToken start) throws IOException {
        int[] size = {-1, -1};
        if (start != JsonToken.START_ARRAY) {
            fail("RLE size must be a list [height, width], found " + describe(parser, start));
            parser.skipChildren();
            return size;
        }
        int count = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            int value = sizeValue(parser, token, "RLE size");
            if (count < 2) {
                size[count] = value;
            }
            count++;
        }
        if (count != 2) {
            fail("RLE size must hold 2 integers [height, width], found " + count);
            return new int[] {-1, -1};
        }
        return size;
    }

    private void readCountList(JsonParser parser, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            fail("RLE counts must be a list of integers or a compressed string, found " + describe(parser, start));
            parser.skipChildren();
            return;
        }
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            segmentation.addCount(sizeValue(parser, token, "RLE counts"));
        }
    }

    private void decodeCompressed(String counts, int height, int width) {
        try {
            Rle rle = Rle.fromCompressedString(counts, height, width);
            segmentation.startRle(true);
            segmentation.setCounts(rle.counts());
        } catch (IllegalArgumentException e) {
            fail("its RLE counts string is invalid: " + e.getMessage());
        }
    }

    private void checkCountSum(int height, int width) {
        long sum = 0;
        int[] counts = segmentation.countsArray();
        for (int i = 0; i < segmentation.countLength(); i++) {
            sum += counts[i];
        }
        long pixels = (long) height * width;
        if (sum != pixels) {
            fail("its RLE counts sum to " + sum + " pixels, but the size " + height + " x " + width + " (height x width) has "
                    + pixels + "; the counts do not belong to this size");
        }
    }

    private boolean crowdValue(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        return longValue(parser, token, "iscrowd") != 0;
    }

    private long longValue(JsonParser parser, JsonToken token, String field) throws IOException {
        valueOk = true;
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        fail(field + " must be an integer, found " + describe(parser, token));
        parser.skipChildren();
        return 0;
    }

    private int intValue(JsonParser parser, JsonToken token, String field) throws IOException {
        valueOk = true;
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        fail(field + " must be an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ", found " + describe(parser, token));
        parser.skipChildren();
        return 0;
    }

    /** Reads a pixel count or size: an int of 0 or more. */
    private int sizeValue(JsonParser parser, JsonToken token, String field) throws IOException {
        valueOk = true;
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT && parser.getIntValue() >= 0) {
            return parser.getIntValue();
        }
        fail(field + " must be an integer from 0 to " + Integer.MAX_VALUE + ", found " + describe(parser, token));
        parser.skipChildren();
        return 0;
    }

    private double doubleValue(JsonParser parser, JsonToken token, String field) throws IOException {
        valueOk = true;
        if (token.isNumeric()) {
            return parser.getDoubleValue();
        }
        fail(field + " must be a number, found " + describe(parser, token));
        parser.skipChildren();
        return Double.NaN;
    }

    /** Reads a string; JSON null gives null. */
    private String stringValue(JsonParser parser, JsonToken token, String field) throws IOException {
        valueOk = true;
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token != JsonToken.VALUE_NULL) {
            fail(field + " must be a string, found " + describe(parser, token));
            parser.skipChildren();
        }
        return null;
    }

    private void fail(String reason) {
        valueOk = false;
        if (problem == null) {
            problem = reason;
        }
    }

    private DatasetException notCoco(JsonParser parser, String what) {
        return new DatasetException(file + " is not a COCO instances file: " + what + " (at " + position(parser.currentTokenLocation())
                + "). A COCO file is one JSON object with images, annotations and categories lists.");
    }

    private static String position(JsonLocation where) {
        return "line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /** Describes the current value for a message: a short excerpt of a scalar, or its kind. */
    private static String describe(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "null";
            case VALUE_STRING -> "the string \"" + excerpt(parser.getText()) + "\"";
            default -> excerpt(parser.getText());
        };
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
