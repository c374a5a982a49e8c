package org.backdrop.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.cifar.CifarBatches;
import org.backdrop.dataset.cifar.CifarReader;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.backdrop.segment.MaskFilter;
import org.backdrop.segment.MasksFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentJobTest {

    /** The object of every test image: the white square of columns and rows 8 to 23. */
    private static final int SQUARE_START = 8;
    private static final int SQUARE_END = 24;
    private static final int SIDE = 32;
    private static final int SAMPLES = 3;

    @TempDir
    Path folder;

    private Path input;
    private Path masks;
    private Dataset dataset;

    /** Writes 3 CIFAR records: a white square on grey backgrounds of 30, 60 and 90, labels 0, 1, 2. */
    @BeforeEach
    void writeDataset() throws Exception {
        input = Files.createDirectories(folder.resolve("cifar"));
        byte[] batch = new byte[SAMPLES * 3073];
        for (int record = 0; record < SAMPLES; record++) {
            int offset = record * 3073;
            batch[offset] = (byte) record;
            for (int plane = 0; plane < 3; plane++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        batch[offset + 1 + plane * 1024 + y * SIDE + x] = (byte) (inSquare(x, y) ? 255 : 30 * (record + 1));
                    }
                }
            }
        }
        Files.write(input.resolve("data_batch_1.bin"), batch);
        Files.writeString(input.resolve("batches.meta.txt"), "airplane\nautomobile\nbird\n");

        dataset = new CifarReader().read(input, ReadOptions.defaults(), ProgressListener.NONE);
        byte[] square = new byte[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                square[y * SIDE + x] = (byte) (inSquare(x, y) ? 1 : 0);
            }
        }
        List<MasksFile.Entry> entries = new ArrayList<>();
        for (Sample sample : dataset.samples()) {
            entries.add(new MasksFile.Entry(sample.id(), sample.image().describe(), sample.labels().get(0),
                    Rle.fromRowMajor(square, SIDE, SIDE), "annotations"));
        }
        masks = folder.resolve("masks.json");
        MasksFile.write(masks, entries);
    }

    @Test
    void redVariantKeepsObjectAndPaintsBackground() throws Exception {
        Path out = folder.resolve("out");

        run(out, List.of("red"), 1);

        RgbImage image = CifarBatches.readImage(out.resolve("red/data_batch_1.bin"), 1);
        assertArrayEquals(new int[] {255, 255, 255}, image.rgb(10, 10));
        assertArrayEquals(new int[] {255, 0, 0}, image.rgb(0, 0));
        assertArrayEquals(new int[] {255, 0, 0}, image.rgb(31, 20));
    }

    @Test
    void meanVariantAveragesTheBackgrounds() throws Exception {
        Path out = folder.resolve("out");

        run(out, List.of("mean"), 1);

        // Every background pixel is grey 30, 60 or 90 in the three images, so the mean is 60.
        RgbImage image = CifarBatches.readImage(out.resolve("mean/data_batch_1.bin"), 0);
        assertArrayEquals(new int[] {60, 60, 60}, image.rgb(2, 2));
        assertArrayEquals(new int[] {255, 255, 255}, image.rgb(SQUARE_START, SQUARE_START));
    }

    @Test
    void outputBytesDoNotDependOnThreads() throws Exception {
        List<String> backgrounds = List.of("blue", "mean", "noise-uniform", "bg-other-class", "mixed-rand");

        run(folder.resolve("one"), backgrounds, 1);
        run(folder.resolve("three"), backgrounds, 3);

        assertEquals(contents(folder.resolve("one")), contents(folder.resolve("three")));
    }

    @Test
    void rerunFinishesOnlyMissingVariants() throws Exception {
        Path out = folder.resolve("out");
        run(out, List.of("red", "green"), 2);
        Map<String, String> complete = contents(out);

        // An interruption before green was recorded: its folder is gone and the state lists red only.
        deleteTree(out.resolve("green"));
        Path state = out.resolve(RunState.FILE_NAME);
        String text = Files.readString(state);
        Files.writeString(state, text.substring(0, text.indexOf("}, {")) + "} ]\n}\n");
        Files.setLastModifiedTime(out.resolve("red/data_batch_1.bin"), java.nio.file.attribute.FileTime.fromMillis(0));
        run(out, List.of("red", "green"), 2);

        assertEquals(complete, contents(out));
        assertEquals(0, Files.getLastModifiedTime(out.resolve("red/data_batch_1.bin")).toMillis(), "red was written again");
    }

    @Test
    void otherOptionsInSameFolderAreRejected() throws Exception {
        Path out = folder.resolve("out");
        run(out, List.of("red"), 1);

        AugmentException error = assertThrows(AugmentException.class, () -> run(out, List.of("blue"), 1));
        assertTrue(error.getMessage().contains("other options"), error.getMessage());
    }

    @Test
    void manifestListsEveryOutput() throws Exception {
        Path out = folder.resolve("out");

        AugmentResult result = run(out, List.of("red", "black"), 1);

        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.manifest().toFile());
        assertEquals(2 * SAMPLES, manifest.get("outputs").size());
        assertEquals(7, manifest.get("seed").asInt());
        assertTrue(manifest.get("source").get("checksum").asText().startsWith("sha256:"));
    }

    @Test
    void manifestNamesDonorSamples() throws Exception {
        Path out = folder.resolve("out");

        AugmentResult result = run(out, List.of("bg-other-class"), 2);

        // Each of the 3 samples has its own class, so every donor is another sample.
        var outputs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.manifest().toFile()).get("outputs");
        for (var output : outputs) {
            String source = output.get("backgroundSource").asText();
            assertTrue(source.startsWith("sample "), source);
            assertTrue(!source.equals("sample " + output.get("sample").asText()), source);
        }
    }

    @Test
    void combinedSetHoldsOriginalsAndVariant() throws Exception {
        Path out = folder.resolve("out");
        AugmentOptions options = new AugmentOptions(List.of("red"), Optional.of(masks), Optional.empty(), MaskFilter.none(), 0, 0,
                List.of("original", "red"), 7, 1);

        new AugmentJob(input, dataset, options).run(out, ProgressListener.NONE);

        assertEquals(2L * SAMPLES * 3073, Files.size(out.resolve("combined/data_batch_1.bin")));
    }

    private AugmentResult run(Path out, List<String> backgrounds, int threads) throws Exception {
        AugmentOptions options = new AugmentOptions(backgrounds, Optional.of(masks), Optional.empty(), MaskFilter.none(), 0, 0,
                List.of(), 7, threads);
        return new AugmentJob(input, dataset, options).run(out, ProgressListener.NONE);
    }

    private static boolean inSquare(int x, int y) {
        return x >= SQUARE_START && x < SQUARE_END && y >= SQUARE_START && y < SQUARE_END;
    }

    /** Returns every file under {@code root} with its contents as hex, keyed by relative path. */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
