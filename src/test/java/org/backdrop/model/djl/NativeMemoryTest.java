package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelOptions;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Runs an identity model with a dynamic batch on a [10000, 3] float input many times and checks that the
 * process's resident memory stays flat. Each run allocates 120 KB of native input and 120 KB of native
 * output. A loop that does not close its ONNX Runtime tensors and results grows by about 0.2 MiB per run
 * (measured with ONNX Runtime 1.23.2, see docs/benchmarks.md), so 300 runs would add about 60 MiB. The
 * bound of 16 MiB is well below that and above the noise of the JIT and the allocators after a warm-up.
 *
 * <p>Each reading follows a full garbage collection, because the Java heap (the translator's arrays)
 * otherwise fills its committed size page by page and shows up in RSS as growth that is not native.
 * Even so, readings swing by up to about 25 MiB as allocators keep and return pages, so the test compares
 * floors: the lowest of several readings before and after the measured runs. A leak raises the floor.
 */
class NativeMemoryTest {

    private static final int WARM_UP_RUNS = 100;
    private static final int CHECKPOINTS = 6;
    private static final int RUNS_PER_CHECKPOINT = 50;
    private static final long BOUND_KIB = 16 * 1024;

    @Test
    void repeatedInferenceKeepsRssFlat() throws Exception {
        Path model = SharedData.regressionCase("CV-24/identity_dynamic_batch.onnx");
        float[][] input = new float[10_000][3];
        input[9_999][2] = 7;

        try (OnnxModelService<float[][], float[]> service =
                OnnxModelService.open(model, new FloatMatrixTranslator(), new ModelOptions(DeviceRequest.CPU, 1, 0))) {
            runTimes(service, input, WARM_UP_RUNS);
            long before = residentFloorKib(service, input);
            long after = residentFloorKib(service, input);
            long growth = after - before;

            assertTrue(growth < BOUND_KIB, "RSS floor grew by " + growth + " KiB over " + CHECKPOINTS * RUNS_PER_CHECKPOINT + " runs");
        }
    }

    private static void runTimes(OnnxModelService<float[][], float[]> service, float[][] input, int runs) throws Exception {
        for (int i = 0; i < runs; i++) {
            float[] output = service.predict(input);
            assertArrayEquals(new float[] {0, 0, 7}, Arrays.copyOfRange(output, 29_997, 30_000));
        }
    }

    /** Runs the model {@code CHECKPOINTS * RUNS_PER_CHECKPOINT} times; returns the lowest RSS after each checkpoint's GC. */
    private static long residentFloorKib(OnnxModelService<float[][], float[]> service, float[][] input) throws Exception {
        long floor = Long.MAX_VALUE;
        for (int i = 0; i < CHECKPOINTS; i++) {
            runTimes(service, input, RUNS_PER_CHECKPOINT);
            System.gc();
            floor = Math.min(floor, residentKib());
        }
        return floor;
    }

    /** Reads VmRSS from /proc/self/status, in KiB; Linux only. */
    static long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS line in /proc/self/status");
    }
}
