package org.backdrop.train;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import org.backdrop.model.djl.PyTorchEngine;
import org.junit.jupiter.api.Test;

/**
 * Times one SGD step of ResNet-20 at batch 128 on the CPU, for docs/benchmarks.md. Not part of the
 * normal suite: run it with {@code -Dbackdrop.bench=true -Dtest=TrainingStepBenchmark}. The data
 * pipeline is left out, as in the PyTorch script under {@code src/test/resources/bench}.
 */
class TrainingStepBenchmark {

    private static final int BATCH = 128;
    private static final int WARM_UP = 3;
    private static final int TIMED = 10;

    @Test
    void resnet20StepTime() {
        assumeTrue(Boolean.getBoolean("backdrop.bench"), "benchmark runs only with -Dbackdrop.bench=true");
        PyTorchEngine.start();
        LearningRateSchedule schedule = new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0.1f, 1, 1);
        MomentumSgd optimizer = new MomentumSgd(schedule, 0.9f, 1e-4f);

        try (Model model = Model.newInstance("bench", Device.cpu(), "PyTorch")) {
            model.setBlock(Architecture.RESNET20.build(10));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer);
            try (Trainer trainer = model.newTrainer(config); NDManager manager = model.getNDManager().newSubManager()) {
                trainer.initialize(new Shape(1, 3, 32, 32));
                NDArray images = manager.randomNormal(new Shape(BATCH, 3, 32, 32));
                NDArray labels = manager.randomInteger(0, 10, new Shape(BATCH), DataType.INT64);

                for (int i = 0; i < WARM_UP; i++) {
                    step(trainer, images, labels);
                }
                long started = System.nanoTime();
                for (int i = 0; i < TIMED; i++) {
                    step(trainer, images, labels);
                }
                double seconds = (System.nanoTime() - started) / 1e9 / TIMED;
                // Standard error, because the test logging configuration hides INFO lines.
                System.err.printf("DJL %s PyTorch engine, ResNet-20, batch %d: %.3f s per step, %d images/s%n",
                        ai.djl.engine.Engine.getDjlVersion(), BATCH, seconds, Math.round(BATCH / seconds));
                assertTrue(seconds > 0);
            }
        }
    }

    private static void step(Trainer trainer, NDArray images, NDArray labels) {
        try (NDManager scope = images.getManager().newSubManager(); GradientCollector collector = trainer.newGradientCollector()) {
            collector.zeroGradients();
            NDArray input = images.duplicate();
            input.attach(scope);
            NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
            NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
            collector.backward(loss);
        }
        trainer.step();
    }
}
