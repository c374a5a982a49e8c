package org.backdrop.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The settings of one training run.
 *
 * @param architecture the network to build, or {@link Architecture#TORCHSCRIPT} to fine-tune {@code transferFrom}
 * @param epochs the number of passes over the training mix, at least 1
 * @param batchSize images per optimizer step, at least 1
 * @param learningRate the learning rate of the first step, above 0
 * @param schedule how the learning rate falls over the run
 * @param momentum SGD momentum, 0 to below 1
 * @param weightDecay L2 weight decay, at least 0, applied to every parameter
 * @param seed the seed for weight initialisation, data order and augmentation
 * @param augment whether training images get a random padded crop and horizontal flip
 * @param out the run folder: metrics, checkpoints and the final model go here
 * @param resume whether to continue from the run folder's last checkpoint
 * @param transferFrom the TorchScript file to fine-tune; set exactly when {@code architecture} is
 *     {@link Architecture#TORCHSCRIPT}, else null
 * @param freezeEpochs the number of first epochs that train only the new head of a TorchScript network,
 *     from 0 to {@code epochs}; 0 for the other architectures
 */
public record TrainingOptions(Architecture architecture, int epochs, int batchSize, float learningRate,
        LearningRateSchedule.Kind schedule, float momentum, float weightDecay, long seed, boolean augment, Path out,
        boolean resume, Path transferFrom, int freezeEpochs) {

    /** Side length in pixels of the square RGB images every network here takes. */
    public static final int INPUT_SIZE = 32;

    public TrainingOptions {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(out, "out");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be above 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be from 0 to below 1, got " + momentum);
        }
        if (!(weightDecay >= 0) || Float.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be at least 0, got " + weightDecay);
        }
        if ((architecture == Architecture.TORCHSCRIPT) != (transferFrom != null)) {
            throw new IllegalArgumentException("a TorchScript file is needed exactly for the model torchscript=FILE, got model "
                    + architecture.cliName() + " with file " + transferFrom);
        }
        if (freezeEpochs < 0 || freezeEpochs > epochs) {
            throw new IllegalArgumentException("freeze epochs must be from 0 to the number of epochs (" + epochs + "), got " + freezeEpochs);
        }
        if (freezeEpochs > 0 && architecture != Architecture.TORCHSCRIPT) {
            throw new IllegalArgumentException("freeze epochs apply only to fine-tuning a TorchScript model (torchscript=FILE), not to "
                    + architecture.cliName() + ", which trains from scratch");
        }
    }

    /**
     * Returns the CIFAR-10 recipe of He et al. (2016) scaled to {@code epochs}: ResNet-20, batch 128,
     * learning rate 0.1 with the step schedule, momentum 0.9, weight decay 0.0001, augmentation on,
     * seed 0.
     */
    public static TrainingOptions defaults(Path out, int epochs) {
        return new TrainingOptions(Architecture.RESNET20, epochs, 128, 0.1f, LearningRateSchedule.Kind.STEP, 0.9f, 1e-4f, 0,
                true, out, false, null, 0);
    }

    /** Returns a copy with another batch size and learning rate. */
    public TrainingOptions withBatch(int newBatchSize, float newLearningRate) {
        return new TrainingOptions(architecture, epochs, newBatchSize, newLearningRate, schedule, momentum, weightDecay, seed,
                augment, out, resume, transferFrom, freezeEpochs);
    }

    /** Returns a copy with another seed and augmentation setting. */
    public TrainingOptions withSeed(long newSeed, boolean newAugment) {
        return new TrainingOptions(architecture, epochs, batchSize, learningRate, schedule, momentum, weightDecay, newSeed,
                newAugment, out, resume, transferFrom, freezeEpochs);
    }

    /** Returns a copy that writes to {@code newOut} and resumes from it when {@code newResume} is set. */
    public TrainingOptions withOut(Path newOut, boolean newResume) {
        return new TrainingOptions(architecture, epochs, batchSize, learningRate, schedule, momentum, weightDecay, seed,
                augment, newOut, newResume, transferFrom, freezeEpochs);
    }

    /** Returns a copy that fine-tunes the TorchScript network in {@code file}, training only its head for {@code newFreezeEpochs}. */
    public TrainingOptions withTransfer(Path file, int newFreezeEpochs) {
        return new TrainingOptions(Architecture.TORCHSCRIPT, epochs, batchSize, learningRate, schedule, momentum, weightDecay, seed,
                augment, out, resume, file, newFreezeEpochs);
    }

    /** Returns a copy with another number of epochs. */
    public TrainingOptions withEpochs(int newEpochs) {
        return new TrainingOptions(architecture, newEpochs, batchSize, learningRate, schedule, momentum, weightDecay, seed,
                augment, out, resume, transferFrom, freezeEpochs);
    }
}
