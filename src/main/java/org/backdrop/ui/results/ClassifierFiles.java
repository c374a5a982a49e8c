package org.backdrop.ui.results;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backdrop.model.Classifier;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.djl.Classifiers;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelSpecReader;

/** Opens classifier files with their specs through the model package, as {@code eval-cls} does. */
public final class ClassifierFiles {

    /** Opens a classifier; the evaluation screen's tests replace it to count or fail loads. */
    @FunctionalInterface
    public interface Opener {
        Classifier open(Path model, ModelSpec spec, ModelOptions options) throws ModelSpecException, ModelException;
    }

    private ClassifierFiles() {}

    /** Returns the spec file beside {@code model} ({@code net.onnx} → {@code net.spec.json}) when it exists, else null. */
    public static Path specBeside(Path model) {
        Path spec = ModelSpecReader.specBeside(model);
        return Files.isRegularFile(spec) ? spec : null;
    }

    /**
     * Opens {@code model} the way {@code eval-cls} does: TorchScript through PyTorch, anything else as ONNX
     * (the engine is chosen by the file's content, not its name).
     *
     * @throws ModelSpecException if the spec does not fit the model
     * @throws ModelException if the model cannot be read or loaded
     */
    public static Classifier open(Path model, ModelSpec spec, ModelOptions options) throws ModelSpecException, ModelException {
        return Classifiers.load(model, spec, options);
    }
}
