package org.backdrop.model.djl;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.backdrop.model.ModelException;

/**
 * The inputs and outputs that an ONNX model declares, in graph order.
 *
 * @param inputs the graph inputs
 * @param outputs the graph outputs
 */
record ModelSignature(List<TensorDescription> inputs, List<TensorDescription> outputs) {

    ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * Reads the signature of {@code modelFile} through a short-lived ONNX Runtime session without graph
     * optimisation, so that it costs little next to the real session.
     *
     * @throws ModelException if ONNX Runtime cannot open the file
     */
    static ModelSignature read(Path modelFile) throws ModelException {
        OnnxRuntimeEngine.get();
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            try (OrtSession session = environment.createSession(modelFile.toString(), options)) {
                return new ModelSignature(describe(session.getInputInfo()), describe(session.getOutputInfo()));
            }
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime cannot open the model " + modelFile + ": " + e.getMessage(), e);
        }
    }

    private static List<TensorDescription> describe(Map<String, NodeInfo> nodes) {
        List<TensorDescription> tensors = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            ValueInfo info = node.getInfo();
            List<Long> shape = new ArrayList<>();
            if (info instanceof TensorInfo tensor) {
                Arrays.stream(tensor.getShape()).forEach(shape::add);
            }
            tensors.add(new TensorDescription(node.getName(), shape));
        }
        return tensors;
    }
}
