package org.backdrop.model.djl;

import java.nio.file.Path;
import java.util.List;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.OutputSpec;
import org.backdrop.model.spec.TensorLayout;

/**
 * Compares a spec with the inputs and outputs a model declares, before anything runs. A dynamic model
 * dimension (-1) accepts any value in the spec; a fixed one must match.
 */
final class SpecCheck {

    private SpecCheck() {}

    /**
     * Checks {@code spec} against {@code signature}.
     *
     * @throws ModelSpecException naming the spec, the model, both shapes and the field to correct
     */
    static void check(ModelSpec spec, ModelSignature signature, Path modelFile) throws ModelSpecException {
        TensorDescription input = checkInput(spec, signature, modelFile);
        checkInputShape(spec, input, modelFile);
        checkOutput(spec, signature, modelFile);
    }

    /** Returns the batch size to run with: the model's fixed batch size, or {@code requested} when it is dynamic. */
    static int effectiveBatchSize(ModelSignature signature, int requested) {
        long batch = signature.inputs().get(0).dimension(0);
        return batch > 0 ? Math.toIntExact(batch) : requested;
    }

    private static TensorDescription checkInput(ModelSpec spec, ModelSignature signature, Path modelFile) throws ModelSpecException {
        List<String> names = signature.inputs().stream().map(TensorDescription::name).toList();
        if (signature.inputs().size() != 1) {
            throw new ModelSpecException("model " + modelFile + " has " + names.size() + " inputs " + names
                    + "; Backdrop feeds models with exactly one image input");
        }
        TensorDescription input = signature.inputs().get(0);
        if (!input.name().equals(spec.input().name())) {
            throw new ModelSpecException(spec.source() + ": field 'input.name' is \"" + spec.input().name()
                    + "\" but model " + modelFile + " has the input \"" + input.name() + "\"; write that name in the spec");
        }
        return input;
    }

    private static void checkInputShape(ModelSpec spec, TensorDescription input, Path modelFile) throws ModelSpecException {
        List<Long> expected = input.shape();
        List<Long> declared = spec.input().shape();
        boolean fits = expected.size() == declared.size();
        for (int i = 0; fits && i < expected.size(); i++) {
            fits = expected.get(i) < 0 || expected.get(i).equals(declared.get(i));
        }
        if (!fits) {
            throw new ModelSpecException(spec.source() + ": field 'input.shape' is " + declared + " but the input \"" + input.name()
                    + "\" of model " + modelFile + " has the shape " + expected
                    + " (-1 is a dynamic dimension); correct the shape, and the layout if the channels are elsewhere");
        }
    }

    private static void checkOutput(ModelSpec spec, ModelSignature signature, Path modelFile) throws ModelSpecException {
        OutputSpec output = spec.output();
        TensorDescription first = signature.outputs().get(0);
        if (output instanceof OutputSpec.ClassScores) {
            requireRank(spec, first, 2, "[batch, classes]", modelFile);
            checkClassCount(spec, first.dimension(1), first, modelFile);
        } else if (output instanceof OutputSpec.ClassLabelMask mask) {
            requireRank(spec, first, 4, "[batch, classes, height, width] or NHWC", modelFile);
            long classes = channels(first, mask.layout());
            for (int background : mask.backgroundClasses()) {
                if (classes > 0 && background >= classes) {
                    throw new ModelSpecException(spec.source() + ": field 'output.backgroundClasses' contains " + background
                            + " but output \"" + first.name() + "\" of model " + modelFile + " has only " + classes + " classes " + first.shape());
                }
            }
        } else if (output instanceof OutputSpec.ForegroundProbability probability) {
            requireRank(spec, first, 4, "[batch, channels, height, width] or NHWC", modelFile);
            long channels = channels(first, probability.layout());
            if (channels > 0 && probability.channel() >= channels) {
                throw new ModelSpecException(spec.source() + ": field 'output.channel' is " + probability.channel() + " but output \""
                        + first.name() + "\" of model " + modelFile + " has " + channels + " channels " + first.shape() + "; check the channel and the layout");
            }
        } else if (output instanceof OutputSpec.TorchvisionDetections) {
            if (signature.outputs().size() < 3) {
                throw new ModelSpecException(spec.source() + ": field 'output.kind' is torchvision, which needs the outputs boxes, labels and scores,"
                        + " but model " + modelFile + " has " + signature.outputs().size() + " output(s)");
            }
            requireRank(spec, first, 2, "[detections, 4]", modelFile);
        } else if (output instanceof OutputSpec.GridDetections) {
            requireRank(spec, first, 4, "[batch, 5 + classes, rows, columns]", modelFile);
            long channels = first.dimension(1);
            if (channels > 0 && channels < 6) {
                throw new ModelSpecException("output \"" + first.name() + "\" of model " + modelFile + " has the shape " + first.shape()
                        + ", too few channels for the grid decoder named in " + spec.source() + " (5 box values plus at least 1 class)");
            }
            checkClassCount(spec, channels > 0 ? channels - 5 : -1, first, modelFile);
        }
    }

    private static void requireRank(ModelSpec spec, TensorDescription output, int rank, String form, Path modelFile) throws ModelSpecException {
        if (output.rank() != rank) {
            throw new ModelSpecException(spec.source() + ": field 'output.kind' expects an output of the form " + form + " but output \""
                    + output.name() + "\" of model " + modelFile + " has the shape " + output.shape());
        }
    }

    private static void checkClassCount(ModelSpec spec, long classes, TensorDescription output, Path modelFile) throws ModelSpecException {
        int names = spec.classNames().size();
        if (names > 0 && classes > 0 && classes != names) {
            throw new ModelSpecException(spec.source() + ": field 'classes' lists " + names + " names but output \"" + output.name()
                    + "\" of model " + modelFile + " has " + classes + " classes " + output.shape() + "; give one name per class");
        }
    }

    private static long channels(TensorDescription output, TensorLayout layout) {
        return layout == TensorLayout.NCHW ? output.dimension(1) : output.dimension(3);
    }
}
