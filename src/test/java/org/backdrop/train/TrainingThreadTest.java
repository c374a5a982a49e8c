package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.model.djl.PyTorchEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a thread other than the one that started the engine, as the studio's tasks do. */
class TrainingThreadTest {

    @Test
    void trainsOnAnotherThread(@TempDir Path temp) throws Exception {
        Dataset data = TrainingData.generated(temp.resolve("data"), 4);
        PyTorchEngine.start();
        CompletableFuture<TrainingResult> result = new CompletableFuture<>();

        Thread worker = new Thread(() -> {
            try {
                result.complete(ClassifierTrainer.train(List.of(TrainingSource.of("generated", data)), List.of(),
                        TrainingOptions.defaults(temp.resolve("run"), 1).withBatch(4, 0.05f), ProgressListener.NONE, EpochListener.NONE));
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        }, "studio-task");
        worker.start();

        assertEquals(1, result.get(120, TimeUnit.SECONDS).completedEpochs());
    }
}
