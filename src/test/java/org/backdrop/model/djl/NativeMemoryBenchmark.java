package org.backdrop.model.djl;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelOptions;

/**
 * Measures RSS over many runs of an identity model on a [10000, 3] input: through
 * {@link OnnxModelService}, and for contrast through ONNX Runtime's Java API without closing tensors
 * and results. Not a test; run it by hand (see docs/benchmarks.md):
 *
 * <pre>java -Xmx256m -cp ... org.backdrop.model.djl.NativeMemoryBenchmark identity_dynamic_batch.onnx 2000</pre>
 */
public final class NativeMemoryBenchmark {

    private static final int ROWS = 10_000;

    private NativeMemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        float[][] input = new float[ROWS][3];

        try (OnnxModelService<float[][], float[]> service =
                OnnxModelService.open(model, new FloatMatrixTranslator(), new ModelOptions(DeviceRequest.CPU, 1, 0))) {
            for (int i = 0; i < 100; i++) {
                service.predict(input);
            }
            long before = rssFloorKib();
            for (int i = 0; i < runs; i++) {
                service.predict(input);
            }
            report("OnnxModelService", runs, before, rssFloorKib());
        }

        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(model.toString())) {
            float[] values = new float[ROWS * 3];
            long before = rssFloorKib();
            for (int i = 0; i < runs; i++) {
                OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(values), new long[] {ROWS, 3});
                session.run(Map.of("x", tensor));
            }
            report("ONNX Runtime without close()", runs, before, rssFloorKib());
        }
    }

    private static void report(String loop, int runs, long beforeKib, long afterKib) {
        System.out.printf("%s, %d runs: RSS floor %d -> %d MiB (%+d MiB)%n", loop, runs, beforeKib / 1024, afterKib / 1024, (afterKib - beforeKib) / 1024);
    }

    /** Returns the lowest of five RSS readings, each after a garbage collection and a pause for cleaners. */
    private static long rssFloorKib() throws Exception {
        long floor = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            floor = Math.min(floor, NativeMemoryTest.residentKib());
        }
        return floor;
    }
}
