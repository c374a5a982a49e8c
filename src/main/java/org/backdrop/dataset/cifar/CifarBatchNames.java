package org.backdrop.dataset.cifar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Batch file names and their order: {@code data_batch_1} to {@code data_batch_N} by number, then
 * {@code test_batch}, then any other batch by name. Global sample ids count records in this order,
 * and the batch name of each record keeps the train/test split through a round trip.
 */
final class CifarBatchNames {

    static final String BINARY_EXTENSION = ".bin";

    private static final Pattern TRAIN = Pattern.compile("data_batch_(\\d{1,9})");
    private static final String TEST = "test_batch";

    private CifarBatchNames() {}

    /** Orders file names (with or without {@code .bin}) as described in the class comment. */
    static final Comparator<String> ORDER = Comparator.comparingInt(CifarBatchNames::rank)
            .thenComparingLong(CifarBatchNames::trainNumber)
            .thenComparing(Comparator.naturalOrder());

    /** Returns true for {@code data_batch_N} and {@code test_batch}, with or without {@code .bin}. */
    static boolean isStandard(String fileName) {
        return rank(fileName) < 2;
    }

    /** Returns {@code name} without a trailing {@code .bin}. */
    static String stem(String fileName) {
        return fileName.endsWith(BINARY_EXTENSION) ? fileName.substring(0, fileName.length() - BINARY_EXTENSION.length()) : fileName;
    }

    /** Lists the regular files directly in {@code folder} whose names pass {@code filter}, in batch order. */
    static List<Path> list(Path folder, Predicate<String> filter) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> filter.test(file.getFileName().toString()))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString(), ORDER))
                    .toList();
        }
    }

    private static int rank(String fileName) {
        String stem = stem(fileName);
        if (TRAIN.matcher(stem).matches()) {
            return 0;
        }
        return stem.equals(TEST) ? 1 : 2;
    }

    private static long trainNumber(String fileName) {
        Matcher matcher = TRAIN.matcher(stem(fileName));
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
