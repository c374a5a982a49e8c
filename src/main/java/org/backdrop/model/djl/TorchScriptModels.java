package org.backdrop.model.djl;

import ai.djl.Model;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.backdrop.image.RgbImage;
import org.backdrop.model.ClassScores;
import org.backdrop.model.Classifier;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads TorchScript models (files written by {@code torch.jit.save}, and the {@code .pt} files that
 * {@code backdrop train} writes) as {@link Classifier}s through DJL's PyTorch engine. Each call chooses
 * the device, loads the model and checks the spec against it with one inference on a zero tensor of the
 * spec's input shape, because a TorchScript file declares no input shapes. Nothing runs on the caller's
 * images before all three succeed. The caller closes the returned model.
 */
public final class TorchScriptModels {

    private static final Logger LOG = LoggerFactory.getLogger(TorchScriptModels.class);

    private TorchScriptModels() {}

    /**
     * Returns whether {@code modelFile} is a TorchScript archive. TorchScript files are ZIP archives, so
     * they start with the bytes {@code PK}; ONNX files are Protocol Buffers messages, which never do.
     *
     * @throws IOException if the file cannot be read
     */
    public static boolean isTorchScript(Path modelFile) throws IOException {
        try (InputStream in = Files.newInputStream(modelFile)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && magic[0] == 'P' && magic[1] == 'K';
        }
    }

    /**
     * Loads a classifier.
     *
     * @throws ModelSpecException if the spec is not a classification spec or does not fit the model
     * @throws org.backdrop.model.CudaUnavailableException if CUDA was requested and cannot run
     * @throws ModelException if the model cannot be loaded
     */
    public static Classifier classifier(Path modelFile, ModelSpec spec, ModelOptions options) throws ModelSpecException, ModelException {
        if (spec.task() != ModelTask.CLASSIFICATION) {
            throw new ModelSpecException(spec.source() + ": field 'task' is " + spec.task().name().toLowerCase(Locale.ROOT)
                    + " but a classification model is needed here");
        }
        TorchScriptModelService<List<RgbImage>, List<ClassScores>> service =
                TorchScriptModelService.open(modelFile, ClassificationTranslator.fromSpec(spec), options, DeviceSelector.pyTorch());
        try {
            Model model = service.model();
            TorchScriptSpecCheck.check(spec, model, modelFile);
        } catch (ModelSpecException | RuntimeException e) {
            service.close();
            throw e;
        }
        int batchSize = options.batchSize();
        long declared = spec.input().batch();
        if (declared > 0 && declared != batchSize) {
            LOG.info("Spec {} fixes the batch size at {}; running {} image(s) per call instead of {}", spec.source(), declared, declared, batchSize);
            batchSize = Math.toIntExact(declared);
        }
        return new DjlClassifier(spec, service, batchSize);
    }
}
