package org.backdrop.segment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.ProbabilitySegmenter;
import org.backdrop.model.djl.OnnxModels;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelSpecReader;

/**
 * An ONNX segmentation model file with its spec and the device to run it on, as the {@code masks}
 * command and the studio's Masks tab name it. Opening runs one image per call.
 *
 * @param model the ONNX model file
 * @param spec the spec file, or null for the spec beside the model ({@code net.onnx} → {@code net.spec.json})
 * @param device where the model runs
 */
public record SegmentationModel(Path model, Path spec, DeviceRequest device) {

    public SegmentationModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(device, "device");
    }

    /** Returns the spec file: the one given, or the one beside the model. */
    public Path specFile() {
        return spec != null ? spec : ModelSpecReader.specBeside(model);
    }

    /**
     * Checks that the model file and its spec exist and reads the spec.
     *
     * @throws ModelException if the model file is missing
     * @throws ModelSpecException if the spec is missing or invalid
     */
    public ModelSpec readSpec() throws ModelException, ModelSpecException {
        if (!Files.isRegularFile(model)) {
            throw new ModelException(model + ": model file not found; give the path of an ONNX segmentation model (.onnx)");
        }
        Path specPath = specFile();
        if (!Files.isRegularFile(specPath)) {
            throw new ModelSpecException(specPath + ": model spec not found; write one beside the model or give its path"
                    + " (the format is in docs/model-specs.md)");
        }
        return ModelSpecReader.read(specPath);
    }

    /**
     * Loads the model as a mask source that applies the threshold of its spec.
     *
     * @throws ModelException if the model file is missing or cannot be loaded
     * @throws ModelSpecException if the spec is missing, invalid or does not fit the model
     */
    public ModelMaskSource openMaskSource() throws ModelException, ModelSpecException {
        return openMaskSource(readSpec());
    }

    /**
     * Loads the model as a mask source with {@code modelSpec} in place of the spec file, for a spec
     * read elsewhere, such as one a distributed engine ships as text.
     *
     * @throws ModelException if the model file is missing or cannot be loaded
     * @throws ModelSpecException if the spec does not fit the model
     */
    public ModelMaskSource openMaskSource(ModelSpec modelSpec) throws ModelException, ModelSpecException {
        return new ModelMaskSource(OnnxModels.segmenter(model, modelSpec, options()));
    }

    /**
     * Loads the model for its per-pixel foreground probabilities.
     *
     * @throws ModelException if the model file is missing or cannot be loaded
     * @throws ModelSpecException if the spec is missing or invalid, its output is class logits (which
     *     give no probability), or it does not fit the model
     */
    public ProbabilitySegmenter openProbabilities() throws ModelException, ModelSpecException {
        return OnnxModels.probabilitySegmenter(model, readSpec(), options());
    }

    private ModelOptions options() {
        return ModelOptions.defaults().withDevice(device).withBatchSize(1);
    }
}
