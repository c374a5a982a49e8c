package org.backdrop.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The outcome of a run.
 *
 * @param completedEpochs epochs finished and checkpointed, including those of earlier runs resumed from
 * @param lastEpoch the metrics of the last finished epoch, empty when none finished
 * @param device the device that trained, such as {@code cpu()} or {@code gpu(0)}
 * @param out the run folder
 * @param model the final model's description for DJL ({@code model.json}), empty when the run was
 *     cancelled before its last epoch
 * @param torchScript the final model as TorchScript ({@code model.pt}, with {@code model.spec.json} beside
 *     it), empty when the run was cancelled before its last epoch
 * @param cancelled whether the run stopped early on request
 */
public record TrainingResult(int completedEpochs, Optional<EpochMetrics> lastEpoch, String device, Path out,
        Optional<Path> model, Optional<Path> torchScript, boolean cancelled) {}
