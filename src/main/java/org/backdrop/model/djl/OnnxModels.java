package org.backdrop.model.djl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.backdrop.image.RgbImage;
import org.backdrop.model.Classifier;
import org.backdrop.model.Detection;
import org.backdrop.model.Detector;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.ProbabilitySegmenter;
import org.backdrop.model.Segmenter;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelTask;
import org.backdrop.model.spec.OutputSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads ONNX models as {@link Classifier}s, {@link Segmenter}s, {@link ProbabilitySegmenter}s and {@link Detector}s. Each call first checks
 * the spec against the model's declared input and output, then chooses the device, then loads the model.
 * Nothing runs before all three succeed. The caller closes the returned model.
 */
public final class OnnxModels {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxModels.class);

    private OnnxModels() {}

    /**
     * Loads a classifier.
     *
     * @throws ModelSpecException if the spec is not a classification spec or does not fit the model
     * @throws org.backdrop.model.CudaUnavailableException if CUDA was requested and cannot run
     * @throws ModelException if the model cannot be loaded
     */
    public static Classifier classifier(Path modelFile, ModelSpec spec, ModelOptions options) throws ModelSpecException, ModelException {
        int batchSize = prepare(modelFile, spec, ModelTask.CLASSIFICATION, options);
        return new DjlClassifier(spec, OnnxModelService.open(modelFile, ClassificationTranslator.fromSpec(spec), options), batchSize);
    }

    /**
     * Loads a segmentation model.
     *
     * @throws ModelSpecException if the spec is not a segmentation spec or does not fit the model
     * @throws org.backdrop.model.CudaUnavailableException if CUDA was requested and cannot run
     * @throws ModelException if the model cannot be loaded
     */
    public static Segmenter segmenter(Path modelFile, ModelSpec spec, ModelOptions options) throws ModelSpecException, ModelException {
        int batchSize = prepare(modelFile, spec, ModelTask.SEGMENTATION, options);
        return new DjlSegmenter(spec, OnnxModelService.open(modelFile, SegmentationTranslator.fromSpec(spec), options), batchSize);
    }

    /**
     * Loads a segmentation model for its foreground probabilities, which only a spec with a
     * foreground-probability output gives.
     *
     * @throws ModelSpecException if the spec is not a segmentation spec, its output is class logits, or
     *     it does not fit the model
     * @throws org.backdrop.model.CudaUnavailableException if CUDA was requested and cannot run
     * @throws ModelException if the model cannot be loaded
     */
    public static ProbabilitySegmenter probabilitySegmenter(Path modelFile, ModelSpec spec, ModelOptions options)
            throws ModelSpecException, ModelException {
        if (spec.task() == ModelTask.SEGMENTATION && !(spec.output() instanceof OutputSpec.ForegroundProbability)) {
            throw new ModelSpecException(spec.source() + ": the output is class logits, which give a class per pixel but no"
                    + " foreground probability; only a 'foreground-probability' output can be thresholded");
        }
        int batchSize = prepare(modelFile, spec, ModelTask.SEGMENTATION, options);
        return new DjlProbabilitySegmenter(spec, OnnxModelService.open(modelFile, ProbabilityTranslator.fromSpec(spec), options), batchSize);
    }

    /**
     * Loads a detector. A torchvision-style detector runs one image per call, because its outputs hold one
     * image's boxes.
     *
     * @throws ModelSpecException if the spec is not a detection spec or does not fit the model
     * @throws org.backdrop.model.CudaUnavailableException if CUDA was requested and cannot run
     * @throws ModelException if the model cannot be loaded
     */
    public static Detector detector(Path modelFile, ModelSpec spec, ModelOptions options) throws ModelSpecException, ModelException {
        int batchSize = prepare(modelFile, spec, ModelTask.DETECTION, options);
        if (spec.output() instanceof OutputSpec.TorchvisionDetections) {
            batchSize = 1;
        }
        OnnxModelService<List<RgbImage>, List<List<Detection>>> service =
                OnnxModelService.open(modelFile, DetectionTranslator.fromSpec(spec), options);
        return new DjlDetector(spec, service, batchSize);
    }

    /** Checks the task and the spec against the model; returns the batch size to run with. */
    private static int prepare(Path modelFile, ModelSpec spec, ModelTask task, ModelOptions options) throws ModelSpecException, ModelException {
        if (spec.task() != task) {
            throw new ModelSpecException(spec.source() + ": field 'task' is " + spec.task().name().toLowerCase(Locale.ROOT)
                    + " but a " + task.name().toLowerCase(Locale.ROOT) + " model is needed here");
        }
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelException("model file not found: " + modelFile);
        }
        ModelSignature signature = ModelSignature.read(modelFile);
        SpecCheck.check(spec, signature, modelFile);
        int batchSize = SpecCheck.effectiveBatchSize(signature, options.batchSize());
        if (batchSize != options.batchSize()) {
            LOG.info("Model {} takes batches of exactly {} image(s); running {} per call instead of {}",
                    modelFile.getFileName(), batchSize, batchSize, options.batchSize());
        }
        return batchSize;
    }
}
