package org.backdrop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backdrop.model.Classifier;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.djl.Classifiers;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelSpecReader;
import org.backdrop.segment.ModelMaskSource;
import org.backdrop.segment.SegmentationModel;

/** Loads the models that commands name, turning every failure into an {@link InvalidInputException}. */
final class ModelSources {

    private ModelSources() {}

    /**
     * Reads the spec of {@code model}: {@code specFile} when given, else the file beside the model
     * ({@code net.onnx} or {@code net.pt} → {@code net.spec.json}).
     */
    static ModelSpec readSpec(Path model, Path specFile) {
        if (!Files.isRegularFile(model)) {
            throw new InvalidInputException(model + ": model file not found; give the path of an ONNX (.onnx) or TorchScript (.pt) file");
        }
        Path file = specFile != null ? specFile : ModelSpecReader.specBeside(model);
        if (specFile == null && !Files.exists(file)) {
            throw new InvalidInputException(file + ": model spec not found; write one beside the model or give its path"
                    + " (the format is in docs/model-specs.md)");
        }
        try {
            return ModelSpecReader.read(file);
        } catch (ModelSpecException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    /** Loads an ONNX or TorchScript classifier with its spec, turning every failure into an {@link InvalidInputException}. */
    static Classifier classifier(Path model, ModelSpec spec, ModelOptions options) {
        try {
            return Classifiers.load(model, spec, options);
        } catch (ModelSpecException | ModelException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    /** A model file and its spec file, or null for the spec beside the model. */
    record Named(Path model, Path spec) {}

    /**
     * Splits {@code MODEL[:SPEC]}. A colon counts as the separator only when the text after it ends in
     * {@code .json}, so Windows drive letters stay intact.
     */
    static Named splitModelAndSpec(String modelAndSpec) {
        int colon = modelAndSpec.lastIndexOf(':');
        boolean hasSpec = colon > 1 && modelAndSpec.substring(colon + 1).endsWith(".json");
        return new Named(Path.of(hasSpec ? modelAndSpec.substring(0, colon) : modelAndSpec), hasSpec ? Path.of(modelAndSpec.substring(colon + 1)) : null);
    }

    /**
     * Loads a segmentation model named as {@code MODEL[:SPEC]} as a mask source. A colon counts as the
     * separator only when the text after it ends in {@code .json}, so Windows drive letters stay intact.
     */
    static ModelMaskSource segmenter(String modelAndSpec, String device) {
        Named named = splitModelAndSpec(modelAndSpec);
        try {
            return new SegmentationModel(named.model(), named.spec(), DeviceRequest.parse(device)).openMaskSource();
        } catch (IllegalArgumentException | ModelSpecException | ModelException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
