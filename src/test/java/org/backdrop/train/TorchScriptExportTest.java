package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.Sample;
import org.backdrop.image.RgbImage;
import org.backdrop.model.ClassScores;
import org.backdrop.model.Classifier;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.djl.Classifiers;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trained network written as TorchScript and run through the evaluation path gives the logits of the
 * DJL network it came from, computed here from the DJL parameters and the stored mean and std.
 */
class TorchScriptExportTest {

    @Test
    void exportedModelMatchesDjlNetwork(@TempDir Path temp) throws Exception {
        Dataset data = TrainingData.generated(temp.resolve("data"), 6);
        Path out = temp.resolve("run");
        TrainingResult result = ClassifierTrainer.train(List.of(TrainingSource.of("generated", data)), List.of(),
                TrainingOptions.defaults(out, 1).withBatch(4, 0.05f), ProgressListener.NONE, EpochListener.NONE);

        assertEquals(out.resolve("model.pt"), result.torchScript().orElseThrow());
        ModelSpec spec = ModelSpecReader.read(out.resolve("model.spec.json"));
        assertEquals(List.of("dark", "light"), spec.classNames());
        List<RgbImage> images = new ArrayList<>();
        DatasetImages loader = new DatasetImages();
        for (Sample sample : data.samples()) {
            images.add(loader.load(data, sample));
        }

        List<ClassScores> exported;
        try (Classifier classifier = Classifiers.load(out.resolve("model.pt"), spec, new ModelOptions(DeviceRequest.CPU, 8, 0))) {
            exported = classifier.classify(images);
        }
        float[][] expected = djlLogits(out, images);

        assertEquals(images.size(), exported.size());
        for (int i = 0; i < images.size(); i++) {
            float[] logits = exported.get(i).values();
            assertEquals(2, logits.length);
            assertEquals(argMax(expected[i]), argMax(logits), "image " + i);
            for (int c = 0; c < 2; c++) {
                assertEquals(expected[i][c], logits[c], 1e-4, "image " + i + " class " + c);
            }
        }
    }

    /** Runs the DJL network of the run folder on {@code images}, normalised with model.json's mean and std. */
    private static float[][] djlLogits(Path run, List<RgbImage> images) throws Exception {
        JsonNode description = new ObjectMapper().readTree(run.resolve("model.json").toFile());
        float[] input = new float[images.size() * 3 * 32 * 32];
        for (int i = 0; i < images.size(); i++) {
            byte[] rgb = images.get(i).pixels();
            for (int p = 0; p < 32 * 32; p++) {
                for (int c = 0; c < 3; c++) {
                    float value = (rgb[p * 3 + c] & 0xFF) / 255f;
                    float mean = description.get("mean").get(c).floatValue();
                    float std = description.get("std").get(c).floatValue();
                    input[((i * 3 + c) * 32 * 32) + p] = (value - mean) / std;
                }
            }
        }
        try (Model model = Model.newInstance("reference", Device.cpu(), "PyTorch")) {
            model.setBlock(Architecture.RESNET20.build(2));
            model.load(run, "model");
            NDManager manager = model.getNDManager();
            NDArray batch = manager.create(input, new Shape(images.size(), 3, 32, 32));
            NDList outputs = model.getBlock().forward(new ParameterStore(manager, false), new NDList(batch), false);
            float[] values = outputs.singletonOrThrow().toFloatArray();
            float[][] logits = new float[images.size()][2];
            for (int i = 0; i < images.size(); i++) {
                logits[i][0] = values[i * 2];
                logits[i][1] = values[i * 2 + 1];
            }
            assertTrue(Math.abs(logits[0][0] - logits[0][1]) > 0, "the network's logits must differ between classes");
            return logits;
        }
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
