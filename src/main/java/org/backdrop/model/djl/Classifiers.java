package org.backdrop.model.djl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backdrop.model.Classifier;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;

/** Loads a classifier file of either format: TorchScript through PyTorch, anything else as ONNX. */
public final class Classifiers {

    private Classifiers() {}

    /**
     * Loads the classifier in {@code modelFile}, choosing the engine by the file's content (see
     * {@link TorchScriptModels#isTorchScript}).
     *
     * @throws ModelSpecException if the spec is not a classification spec or does not fit the model
     * @throws org.backdrop.model.CudaUnavailableException if CUDA was requested and cannot run
     * @throws ModelException if the model cannot be read or loaded
     */
    public static Classifier load(Path modelFile, ModelSpec spec, ModelOptions options) throws ModelSpecException, ModelException {
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelException("model file not found: " + modelFile);
        }
        boolean torchScript;
        try {
            torchScript = TorchScriptModels.isTorchScript(modelFile);
        } catch (IOException e) {
            throw new ModelException("cannot read the model " + modelFile + ": " + e.getMessage(), e);
        }
        return torchScript ? TorchScriptModels.classifier(modelFile, spec, options) : OnnxModels.classifier(modelFile, spec, options);
    }
}
