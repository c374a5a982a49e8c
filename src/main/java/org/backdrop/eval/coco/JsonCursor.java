package org.backdrop.eval.coco;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import org.backdrop.eval.EvaluationInputException;

/**
 * Reads typed values from a Jackson parser and turns every fault into an
 * {@link EvaluationInputException} that names the file, the record and its line.
 */
final class JsonCursor {

    private final JsonParser parser;
    private final Path file;
    private String record = "";
    private int detectionIndex = -1;

    JsonCursor(JsonParser parser, Path file) {
        this.parser = parser;
        this.file = file;
    }

    JsonParser parser() {
        return parser;
    }

    /** Sets the record that later messages name, such as {@code annotations[12]}. */
    void enterRecord(String name) {
        record = name;
        detectionIndex = -1;
    }

    /** Sets the detection (by index in the results list) that later messages name, without building a string per detection. */
    void enterRecord(int detection) {
        record = "";
        detectionIndex = detection;
    }

    JsonToken next() throws IOException {
        return parser.nextToken();
    }

    void expect(JsonToken token, String what) throws IOException {
        if (parser.currentToken() != token) {
            throw invalid(what + " must be " + describe(token) + " but is " + describe(parser.currentToken()));
        }
    }

    /** Reads an integer id; an integral float such as {@code 3.0} is accepted, as Python's dict lookups do. */
    long readId(String field) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
                return (long) value;
            }
        }
        throw invalid("'" + field + "' must be an integer but is " + currentText());
    }

    /** Reads a number; NaN and infinities are returned as such for the caller to judge. */
    double readNumber(String field) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw invalid("'" + field + "' must be a number but is " + currentText());
        }
        return parser.getDoubleValue();
    }

    /** Reads a number that must be finite. */
    double readFinite(String field) throws IOException {
        double value = readNumber(field);
        if (!Double.isFinite(value)) {
            throw invalid("'" + field + "' is " + value + "; it must be a finite number");
        }
        return value;
    }

    /** Reads a non-negative integer such as an image size. */
    int readSize(String field) throws IOException {
        long value = readId(field);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw invalid("'" + field + "' is " + value + "; sizes must be between 0 and " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    /** Reads a 0/1 or true/false flag. */
    boolean readFlag(String field) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDoubleValue() != 0;
        }
        throw invalid("'" + field + "' must be 0, 1, true or false but is " + currentText());
    }

    /** Reads a string, or returns "" for null. */
    String readText(String field) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return "";
        }
        if (token != JsonToken.VALUE_STRING) {
            throw invalid("'" + field + "' must be a string but is " + currentText());
        }
        return parser.getText();
    }

    /**
     * Reads a COCO box {@code [x, y, width, height]}: four finite numbers with width and height at
     * least 0. Returns null for an empty list, which pycocotools treats as no box.
     */
    double[] readBox(String field) throws IOException {
        double[] box = new double[4];
        return readBoxInto(field, box) ? box : null;
    }

    /** Reads a COCO box into {@code box} as {@link #readBox(String)} does; returns false for an empty list. */
    boolean readBoxInto(String field, double[] box) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw invalid("'" + field + "' must be a list [x, y, width, height] but is " + currentText());
        }
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw invalid("'" + field + "' must contain only numbers but contains " + currentText());
            }
            if (count == 4) {
                throw invalid("'" + field + "' has more than 4 values; COCO boxes are [x, y, width, height]");
            }
            box[count++] = parser.getDoubleValue();
        }
        if (count == 0) {
            return false;
        }
        if (count != 4) {
            throw invalid("'" + field + "' has " + count + " values; COCO boxes are [x, y, width, height]");
        }
        for (double value : box) {
            if (!Double.isFinite(value)) {
                throw invalid("'" + field + "' contains " + value + "; box values must be finite");
            }
        }
        if (box[2] < 0 || box[3] < 0) {
            throw invalid("'" + field + "' has a negative size " + box[2] + " x " + box[3] + "; width and height must be at least 0");
        }
        return true;
    }

    void skipValue() throws IOException {
        parser.nextToken();
        parser.skipChildren();
    }

    EvaluationInputException invalid(String message) {
        String where = "";
        if (detectionIndex >= 0) {
            where = " detection [" + detectionIndex + "]";
        } else if (!record.isEmpty()) {
            where = " " + record;
        }
        return new EvaluationInputException(file + ":" + where + " (line " + parser.currentTokenLocation().getLineNr() + "): " + message);
    }

    private String currentText() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "missing (end of file)";
        }
        if (token.isScalarValue()) {
            return token == JsonToken.VALUE_STRING ? "\"" + parser.getText() + "\"" : parser.getText();
        }
        return describe(token);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> token.name();
        };
    }
}
