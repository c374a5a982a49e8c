package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ResNet-20 must be able to memorise a small set of real CIFAR-10 images. */
class OverfitTest {

    private static final int EPOCHS = 25;

    @Test
    void resnet20MemorisesHundredImages(@TempDir Path out) throws Exception {
        Dataset hundred = TrainingData.cifarFixture(10);
        assertEquals(100, hundred.samples().size());
        TrainingOptions options = TrainingOptions.defaults(out, EPOCHS)
                .withBatch(20, 0.05f)
                .withSeed(1, false);

        TrainingResult result = ClassifierTrainer.train(List.of(TrainingSource.of("cifar100", hundred)), List.of(), options,
                ProgressListener.NONE, EpochListener.NONE);

        double accuracy = result.lastEpoch().orElseThrow().trainAccuracy();
        assertTrue(accuracy >= 0.95, "training accuracy after " + EPOCHS + " epochs was " + accuracy);
    }
}
