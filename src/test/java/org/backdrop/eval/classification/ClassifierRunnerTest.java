package org.backdrop.eval.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.RgbImage;
import org.backdrop.model.ClassScores;
import org.backdrop.model.Classifier;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.InferenceDevice;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.OutputSpec.ScoreKind;
import org.junit.jupiter.api.Test;

class ClassifierRunnerTest {

    /** Predicts the class given by each 1 x 1 image's red value, and records the size of each batch it is given. */
    private static final class RedClassifier implements Classifier {
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public List<ClassScores> classify(List<RgbImage> images) {
            batchSizes.add(images.size());
            List<ClassScores> scores = new ArrayList<>();
            for (RgbImage image : images) {
                float[] values = new float[3];
                values[image.rgb(0, 0)[0]] = 1;
                scores.add(new ClassScores(values, ScoreKind.PROBABILITIES));
            }
            return scores;
        }

        @Override
        public ModelSpec spec() {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public InferenceDevice device() {
            return new InferenceDevice(DeviceRequest.CPU, "cpu", "test");
        }

        @Override
        public int batchSize() {
            return 2;
        }

        @Override
        public void close() {}
    }

    /** Returns an image whose red value is the number in the file name; "broken" cannot be loaded. */
    private static final SampleImages IMAGES = new SampleImages() {
        @Override
        public RgbImage load(Dataset dataset, Sample sample) throws IOException {
            String name = sample.image().describe();
            if (name.equals("broken")) {
                throw new IOException("truncated JPEG");
            }
            return new RgbImage(1, 1, new byte[] {Byte.parseByte(name), 0, 0});
        }
    };

    @Test
    void predictsInBatchesAndSkips() throws Exception {
        // Categories 10 and 11 map to model classes 1 and 2 by name.
        Dataset dataset = new Dataset(DatasetFormat.FOLDER, Path.of("variant"), List.of(new Category(10, "b"), new Category(11, "c")), List.of(
                sample("s1", "1", List.of(10)),
                sample("s2", "2", List.of(10)),
                sample("s3", "broken", List.of(11)),
                sample("s4", "0", List.of()),
                sample("s5", "2", List.of(11))), List.of());
        RedClassifier classifier = new RedClassifier();

        ClassificationRun run = ClassifierRunner.run(classifier, dataset, IMAGES,
                LabelMapping.between(dataset.categories(), List.of("a", "b", "c"), 3), ProgressListener.NONE);

        assertEquals(List.of(new Prediction("s1", 1, 1), new Prediction("s2", 1, 2), new Prediction("s5", 2, 2)), run.predictions());
        // s4's labels are checked when it is reached; s3's image loads only when its batch fills with s5.
        assertEquals(List.of(
                new InvalidSample("0", "has 0 class labels; classification needs exactly one"),
                new InvalidSample("broken", "image cannot be loaded: truncated JPEG")), run.skipped());
        assertEquals(List.of(2, 1), classifier.batchSizes);
        assertFalse(run.cancelled());
    }

    private static Sample sample(String id, String file, List<Integer> labels) {
        return new Sample(id, new ImageRef.File(file), 1, 1, labels, List.of());
    }
}
