package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run cancelled after an epoch and resumed ends with the weights of a run that never stopped. */
class ResumeTest {

    private static final int EPOCHS = 3;

    @Test
    void resumedRunMatchesUninterrupted(@TempDir Path temp) throws Exception {
        Dataset data = TrainingData.generated(temp.resolve("data"), 12);
        List<TrainingSource> sources = List.of(TrainingSource.of("generated", data));
        TrainingOptions options = TrainingOptions.defaults(temp.resolve("whole"), EPOCHS).withBatch(8, 0.05f).withSeed(3, true);

        ClassifierTrainer.train(sources, List.of(), options, ProgressListener.NONE, EpochListener.NONE);

        Path split = temp.resolve("split");
        AtomicBoolean cancel = new AtomicBoolean();
        TrainingResult first = ClassifierTrainer.train(sources, List.of(), options.withOut(split, false), cancelling(cancel),
                metrics -> cancel.set(metrics.epoch() == 1));
        TrainingResult second = ClassifierTrainer.train(sources, List.of(), options.withOut(split, true), ProgressListener.NONE,
                EpochListener.NONE);

        assertTrue(first.cancelled());
        assertEquals(1, first.completedEpochs());
        assertFalse(second.cancelled());
        assertEquals(EPOCHS, Files.readAllLines(split.resolve("metrics.jsonl")).size());
        Map<String, float[]> whole = parameters(temp.resolve("whole"));
        Map<String, float[]> resumed = parameters(split);
        assertEquals(whole.keySet(), resumed.keySet());
        for (String name : whole.keySet()) {
            assertArrayEquals(whole.get(name), resumed.get(name), name);
        }
    }

    private static ProgressListener cancelling(AtomicBoolean cancel) {
        return new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
    }

    private static Map<String, float[]> parameters(Path run) throws Exception {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        try (Model model = Model.newInstance("check", Device.cpu(), "PyTorch")) {
            model.setBlock(Architecture.RESNET20.build(2));
            model.load(run, "model");
            for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
                arrays.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
            }
        }
        return arrays;
    }
}
