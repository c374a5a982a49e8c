package org.backdrop.eval.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.model.Classifier;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.djl.OnnxModels;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecReader;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ResNet-2B has 10 outputs, the CIFAR-10 classes from airplane (0) to truck (9). */
class ClassifierClassesTest {

    private static final Path SPEC = Path.of("src/test/resources/models/resnet_2b.spec.json");
    private static final ModelOptions CPU = ModelOptions.defaults().withDevice(DeviceRequest.CPU).withBatchSize(1);

    @TempDir
    Path temp;

    @Test
    void countFromSpecOrInference() throws Exception {
        Path model = SharedData.fixture("models/cifar10/resnet_2b.onnx");
        Dataset planes = airplaneDataset();
        String unnamed = Files.readString(SPEC).replaceAll(",\\s*\"classes\": \\[[^]]*\\]", "");
        Path unnamedSpec = Files.writeString(temp.resolve("unnamed.spec.json"), unnamed);

        try (Classifier named = OnnxModels.classifier(model, ModelSpecReader.read(SPEC), CPU)) {
            assertEquals(10, ClassifierClasses.count(named, planes, new DatasetImages()));
        }
        try (Classifier bare = OnnxModels.classifier(model, ModelSpecReader.read(unnamedSpec), CPU)) {
            assertTrue(bare.spec().classNames().isEmpty());
            assertEquals(10, ClassifierClasses.count(bare, planes, new DatasetImages()));

            Dataset empty = new Dataset(DatasetFormat.FOLDER, temp, planes.categories(), List.of(), List.of());
            EvaluationInputException error = assertThrows(EvaluationInputException.class,
                    () -> ClassifierClasses.count(bare, empty, new DatasetImages()));
            assertEquals(temp + ": the dataset has no samples", error.getMessage());
        }
    }

    @Test
    void mappingByNameOrRejected() throws Exception {
        ModelSpec spec = ModelSpecReader.read(SPEC);
        Dataset planes = airplaneDataset();

        LabelMapping mapping = ClassifierClasses.mapping(planes, spec, 10, planes.root());

        assertTrue(mapping.byName());
        assertEquals(0, mapping.modelClass(planes.categories().get(0).id()).orElseThrow());

        Dataset zebras = new Dataset(DatasetFormat.FOLDER, temp, List.of(new Category(12, "zebra", "")), List.of(), List.of());
        EvaluationInputException error = assertThrows(EvaluationInputException.class, () -> ClassifierClasses.mapping(zebras, spec, 10, temp));
        assertTrue(error.getMessage().startsWith(temp + ": the categories [12 \"zebra\"]"), error.getMessage());
    }

    private Dataset airplaneDataset() throws Exception {
        Path data = temp.resolve("planes");
        Files.copy(SharedData.fixture("cifar10/airplane1.png"), Files.createDirectories(data.resolve("airplane")).resolve("a.png"));
        return DatasetReaders.detect(data).read(data, ReadOptions.defaults(), ProgressListener.NONE);
    }
}
