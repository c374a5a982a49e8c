package org.backdrop.model.djl;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backdrop.model.spec.InputSpec;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;

/**
 * Compares a classification spec with a loaded TorchScript model. A TorchScript file declares no input
 * shapes, so the check runs the model once on zeros of the spec's input shape and checks the output.
 * When that run fails, the message also gives the shape of the model's first 4-D parameter, which is
 * usually the first convolution's weight ([out, in, height, width]) and so shows the channels it takes.
 */
final class TorchScriptSpecCheck {

    private TorchScriptSpecCheck() {}

    /**
     * Checks {@code spec} against {@code model}.
     *
     * @throws ModelSpecException naming the spec, the model, the spec's input shape and the shape the model
     *     takes or returns
     */
    static void check(ModelSpec spec, Model model, Path modelFile) throws ModelSpecException {
        InputSpec input = spec.input();
        List<Long> trial = new ArrayList<>(input.shape());
        trial.set(0, input.batch() > 0 ? input.batch() : 1L);
        long[] outputShape;
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray zeros = manager.zeros(new Shape(trial.stream().mapToLong(Long::longValue).toArray()));
            NDList outputs;
            try {
                outputs = model.getBlock().forward(new ParameterStore(manager, false), new NDList(zeros), false);
            } catch (EngineException e) {
                throw new ModelSpecException(spec.source() + ": field 'input.shape' is " + input.shape() + " but model " + modelFile
                        + " fails on an input of the shape " + trial + ": " + TorchScriptErrors.summary(e) + firstConvolution(model)
                        + "; correct the shape, and the layout if the channels are elsewhere", e);
            }
            if (outputs.size() != 1) {
                throw new ModelSpecException("model " + modelFile + " returns " + outputs.size() + " outputs, but the classifier spec "
                        + spec.source() + " needs one output of the shape [batch, classes]");
            }
            outputShape = outputs.get(0).getShape().getShape();
        }
        if (outputShape.length != 2 || outputShape[0] != trial.get(0)) {
            throw new ModelSpecException(spec.source() + ": field 'output.kind' expects an output of the form [batch, classes] but model "
                    + modelFile + " returns the shape " + Arrays.toString(outputShape) + " for an input of the shape " + trial);
        }
        int names = spec.classNames().size();
        if (names > 0 && outputShape[1] != names) {
            throw new ModelSpecException(spec.source() + ": field 'classes' lists " + names + " names but model " + modelFile
                    + " returns " + outputShape[1] + " classes " + Arrays.toString(outputShape) + "; give one name per class");
        }
    }

    /** Describes the model's first 4-D parameter, or returns "" when it has none. */
    private static String firstConvolution(Model model) {
        for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
            Parameter value = parameter.getValue();
            if (value.isInitialized() && value.getArray().getShape().dimension() == 4) {
                long[] shape = value.getArray().getShape().getShape();
                return " (the model's first convolution weight '" + parameter.getKey() + "' has the shape " + Arrays.toString(shape)
                        + ", so it takes inputs of the shape [batch, " + shape[1] + ", height, width])";
            }
        }
        return "";
    }
}
