package org.backdrop.eval.voc;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backdrop.eval.EvaluationInputException;

/**
 * Reads VOC detection files: one file per class, one line per detection,
 * {@code <image> <score> <xmin> <ymin> <xmax> <ymax>} separated by white space.
 *
 * <p>In a detections folder the file of class {@code c} is {@code c.txt}, {@code det_test_c.txt} or
 * {@code comp4_det_test_c.txt} (the names that py-faster-rcnn writes). A file name starting with
 * {@code comp4_det_test_} or {@code det_test_} gives the class after that prefix, and any other
 * {@code .txt} file gives the class of its name without the extension. Two files for one class are an
 * error, because mixing runs would go unnoticed.
 */
public final class VocDetectionReader {

    private static final List<String> PREFIXES = List.of("comp4_det_test_", "det_test_");
    private static final String SUFFIX = ".txt";

    private VocDetectionReader() {}

    /**
     * Reads every detection file of a folder, by class name sorted by name.
     *
     * @throws IOException if the folder or a file cannot be read
     * @throws EvaluationInputException if two files belong to one class or a line is invalid
     */
    public static Map<String, List<VocDetection>> readFolder(Path folder) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : entries) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String className = className(file.getFileName().toString());
                Path other = files.put(className, file);
                if (other != null) {
                    throw new EvaluationInputException("both " + other + " and " + file + " hold detections of class " + className
                            + "; keep one detection file per class in " + folder);
                }
            }
        }
        Map<String, List<VocDetection>> detections = new LinkedHashMap<>();
        for (Map.Entry<String, Path> entry : files.entrySet()) {
            detections.put(entry.getKey(), read(entry.getValue()));
        }
        return detections;
    }

    /** Returns the class that a detection file name belongs to, such as {@code cat} for {@code comp4_det_test_cat.txt}. */
    public static String className(String fileName) {
        String base = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
        for (String prefix : PREFIXES) {
            if (base.startsWith(prefix) && base.length() > prefix.length()) {
                return base.substring(prefix.length());
            }
        }
        return base;
    }

    /**
     * Reads one detection file; blank lines are skipped and an empty file gives no detections.
     *
     * @throws IOException if the file cannot be read
     * @throws EvaluationInputException if a line does not hold an image id and five finite numbers
     */
    public static List<VocDetection> read(Path file) throws IOException {
        List<VocDetection> detections = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.strip();
                if (!trimmed.isEmpty()) {
                    detections.add(parse(file, lineNumber, trimmed));
                }
            }
        }
        return detections;
    }

    private static VocDetection parse(Path file, int lineNumber, String line) {
        String[] fields = line.split("\\s+");
        if (fields.length != 6) {
            throw new EvaluationInputException(file + ": line " + lineNumber + " has " + fields.length
                    + " fields; each line must be <image> <score> <xmin> <ymin> <xmax> <ymax>");
        }
        double[] numbers = new double[5];
        for (int i = 0; i < 5; i++) {
            try {
                numbers[i] = Double.parseDouble(fields[i + 1]);
            } catch (NumberFormatException e) {
                throw new EvaluationInputException(file + ": line " + lineNumber + ": \"" + fields[i + 1] + "\" is not a number", e);
            }
            if (!Double.isFinite(numbers[i])) {
                throw new EvaluationInputException(file + ": line " + lineNumber + ": " + fields[i + 1] + " is not finite; scores and coordinates must be finite numbers");
            }
        }
        return new VocDetection(fields[0], numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]);
    }
}
