package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.image.ImageDecoder;
import org.backdrop.image.RgbImage;
import org.backdrop.model.Classifier;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.djl.Classifiers;
import org.backdrop.model.spec.ModelSpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tunes the 3-class TorchScript ResNet written by src/test/python/torchscript_fixtures.py on a
 * 2-class dataset: the first epoch, with the backbone frozen, changes only the new head, and the
 * second, unfrozen, changes the backbone too.
 */
class TransferLearningTest {

    private static final Path BASE = Path.of("src/test/resources/models/torchscript/tiny_transfer.pt");

    @Test
    void frozenEpochChangesOnlyHead(@TempDir Path temp) throws Exception {
        Dataset data = TrainingData.generated(temp.resolve("data"), 6);
        List<TrainingSource> sources = List.of(TrainingSource.of("generated", data));
        Path out = temp.resolve("run");
        TrainingOptions options = TrainingOptions.defaults(out, 2).withBatch(4, 0.05f).withTransfer(BASE, 1);
        Map<String, float[]> base = parameters(BASE);

        AtomicBoolean cancel = new AtomicBoolean();
        TrainingResult first = ClassifierTrainer.train(sources, List.of(), options, cancelling(cancel),
                metrics -> cancel.set(metrics.epoch() == 1));
        Map<String, float[]> afterFrozen = parameters(out.resolve("checkpoints/epoch-0001/model.pt"));
        TrainingResult second = ClassifierTrainer.train(sources, List.of(), options.withOut(out, true), ProgressListener.NONE,
                EpochListener.NONE);
        Map<String, float[]> afterUnfrozen = parameters(out.resolve("model.pt"));

        assertTrue(first.cancelled());
        assertFalse(second.cancelled());
        assertEquals(base.keySet(), afterFrozen.keySet());
        assertEquals(3 * 8, base.get("fc.weight").length);
        assertEquals(2 * 8, afterFrozen.get("fc.weight").length);
        assertEquals(2, afterFrozen.get("fc.bias").length);
        for (String name : base.keySet()) {
            if (!TransferModel.isHead(name)) {
                assertArrayEquals(base.get(name), afterFrozen.get(name), name + " changed while the backbone was frozen");
            }
        }
        assertFalse(Arrays.equals(afterFrozen.get("fc.weight"), afterUnfrozen.get("fc.weight")), "the head did not train after unfreezing");
        long changedBackbone = base.keySet().stream()
                .filter(name -> !TransferModel.isHead(name))
                .filter(name -> !Arrays.equals(afterFrozen.get(name), afterUnfrozen.get(name)))
                .count();
        assertEquals(base.size() - 2, changedBackbone, "every backbone parameter trains after unfreezing");
    }

    @Test
    void resumedFineTuneMatchesUninterrupted(@TempDir Path temp) throws Exception {
        Dataset data = TrainingData.generated(temp.resolve("data"), 4);
        List<TrainingSource> sources = List.of(TrainingSource.of("generated", data));
        TrainingOptions options = TrainingOptions.defaults(temp.resolve("whole"), 2).withBatch(4, 0.05f).withSeed(5, true)
                .withTransfer(BASE, 1);
        ClassifierTrainer.train(sources, List.of(), options, ProgressListener.NONE, EpochListener.NONE);

        Path split = temp.resolve("split");
        AtomicBoolean cancel = new AtomicBoolean();
        ClassifierTrainer.train(sources, List.of(), options.withOut(split, false), cancelling(cancel), metrics -> cancel.set(true));
        ClassifierTrainer.train(sources, List.of(), options.withOut(split, true), ProgressListener.NONE, EpochListener.NONE);

        Map<String, float[]> whole = parameters(temp.resolve("whole/model.pt"));
        Map<String, float[]> resumed = parameters(split.resolve("model.pt"));
        assertEquals(whole.keySet(), resumed.keySet());
        for (String name : whole.keySet()) {
            assertArrayEquals(whole.get(name), resumed.get(name), name);
        }
    }

    @Test
    void fineTunedModelRunsInEvaluation(@TempDir Path temp) throws Exception {
        Dataset data = TrainingData.generated(temp.resolve("data"), 4);
        Path out = temp.resolve("run");
        TrainingOptions options = TrainingOptions.defaults(out, 1).withBatch(4, 0.05f).withTransfer(BASE, 0);

        TrainingResult result = ClassifierTrainer.train(List.of(TrainingSource.of("generated", data)), List.of(), options,
                ProgressListener.NONE, EpochListener.NONE);

        Path model = result.torchScript().orElseThrow();
        RgbImage image = ImageDecoder.decode(data.root().resolve("dark/000.png"));
        try (Classifier classifier = Classifiers.load(model, ModelSpecReader.read(out.resolve("model.spec.json")),
                new ModelOptions(DeviceRequest.CPU, 1, 0))) {
            assertEquals(2, classifier.classify(List.of(image)).get(0).classCount());
        }
    }

    @Test
    void moduleWithoutSetHeadRejected(@TempDir Path temp) throws Exception {
        Dataset data = TrainingData.generated(temp.resolve("data"), 2);
        Path plain = Path.of("src/test/resources/models/torchscript/tiny_classifier.pt");
        TrainingOptions options = TrainingOptions.defaults(temp.resolve("run"), 1).withBatch(4, 0.05f).withTransfer(plain, 0);

        TrainingException error = assertThrows(TrainingException.class, () -> ClassifierTrainer.train(
                List.of(TrainingSource.of("generated", data)), List.of(), options, ProgressListener.NONE, EpochListener.NONE));

        assertTrue(error.getMessage().contains("set_head"), error.getMessage());
        assertTrue(error.getMessage().contains(plain.toString()), error.getMessage());
    }

    @Test
    void freezeEpochsNeedTorchScript(@TempDir Path temp) {
        TrainingOptions scratch = TrainingOptions.defaults(temp, 2);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new TrainingOptions(scratch.architecture(),
                2, 4, 0.1f, scratch.schedule(), 0.9f, 0f, 0, true, temp, false, null, 1));

        assertTrue(error.getMessage().contains("torchscript=FILE"), error.getMessage());
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

    /** Reads every parameter of a TorchScript file, by name, through DJL's PyTorch engine. */
    private static Map<String, float[]> parameters(Path file) throws Exception {
        assertTrue(Files.isRegularFile(file), file.toString());
        Map<String, float[]> arrays = new LinkedHashMap<>();
        try (Model model = Model.newInstance("check", Device.cpu(), "PyTorch")) {
            model.load(file.toAbsolutePath());
            for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
                arrays.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
            }
        }
        return arrays;
    }
}
