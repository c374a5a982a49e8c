package org.backdrop.model.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backdrop.model.InferenceDevice;
import org.backdrop.model.ModelException;
import org.backdrop.model.ModelOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TorchScript model loaded through DJL's PyTorch engine with one predictor, kept for as long as it
 * is needed and closed once. Predictions run one at a time.
 *
 * <p>The PyTorch engine's thread count is process-wide and set when it starts (see {@link PyTorchEngine}),
 * so {@link ModelOptions#threads()} does not apply here.
 *
 * @param <I> the translator's input
 * @param <O> the translator's output
 */
final class TorchScriptModelService<I, O> implements ModelService<I, O> {

    private static final Logger LOG = LoggerFactory.getLogger(TorchScriptModelService.class);

    private final Path modelFile;
    private final InferenceDevice device;
    private final Model model;
    private final Predictor<I, O> predictor;
    private boolean closed;

    private TorchScriptModelService(Path modelFile, InferenceDevice device, Model model, Predictor<I, O> predictor) {
        this.modelFile = modelFile;
        this.device = device;
        this.model = model;
        this.predictor = predictor;
    }

    /**
     * Loads {@code modelFile} on the device that {@code options} requests. With {@code auto}, a model that
     * fails to load on CUDA is loaded on the CPU instead, with a warning.
     *
     * @throws org.backdrop.model.CudaUnavailableException if CUDA was requested and cannot run
     * @throws ModelException if the file is missing or PyTorch cannot load it
     */
    static <I, O> TorchScriptModelService<I, O> open(Path modelFile, Translator<I, O> translator, ModelOptions options, DeviceSelector selector)
            throws ModelException {
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelException("model file not found: " + modelFile);
        }
        PyTorchEngine.start();
        InferenceDevice device = selector.select(options.device());
        Model model;
        try {
            model = load(modelFile, device);
        } catch (ModelException e) {
            if (!device.isCuda()) {
                throw e;
            }
            device = selector.fallBackAfterCudaFailure(options.device(), e.getCause() != null ? e.getCause() : e);
            model = load(modelFile, device);
        }
        LOG.debug("Loaded {} on {}", modelFile, device.name());
        return new TorchScriptModelService<>(modelFile, device, model, model.newPredictor(new UnnamedInputs<>(translator)));
    }

    /**
     * Loads the TorchScript module in {@code modelFile} in evaluation mode, its tensors mapped to
     * {@code device} whatever device they were saved from.
     *
     * @throws ModelException if the file cannot be read or is not a TorchScript archive
     */
    static Model load(Path modelFile, InferenceDevice device) throws ModelException {
        Model model = Model.newInstance(OnnxModelService.stem(modelFile), DeviceSelector.toDjl(device), PyTorchEngine.NAME);
        try {
            model.load(modelFile.toAbsolutePath(), null, Map.of("mapLocation", "true"));
            return model;
        } catch (IOException | MalformedModelException | EngineException e) {
            model.close();
            throw new ModelException("PyTorch cannot load the TorchScript model " + modelFile + ": "
                    + TorchScriptErrors.summary(e) + "; check that the file was written by torch.jit.save or torch.jit.trace", e);
        }
    }

    /** Returns the loaded DJL model, for the spec check before the first prediction. */
    Model model() {
        return model;
    }

    @Override
    public synchronized O predict(I input) throws ModelException {
        if (closed) {
            throw new IllegalStateException("the model " + modelFile + " is closed");
        }
        try {
            return predictor.predict(input);
        } catch (TranslateException | EngineException e) {
            throw new ModelException("inference with the model " + modelFile + " on " + device.name() + " failed: "
                    + TorchScriptErrors.summary(e), e);
        }
    }

    @Override
    public InferenceDevice device() {
        return device;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Model ownedModel = model; Predictor<I, O> ownedPredictor = predictor) {
            LOG.debug("Closing {}", modelFile);
        }
    }

    /**
     * Clears the names of the input arrays. DJL's PyTorch engine reads a name with a dot (such as the
     * ONNX-style {@code input.1}) as the key of a dictionary input, but TorchScript image models take one
     * positional tensor.
     */
    private record UnnamedInputs<I, O>(Translator<I, O> translator) implements Translator<I, O> {

        @Override
        public NDList processInput(TranslatorContext context, I input) throws Exception {
            NDList arrays = translator.processInput(context, input);
            for (NDArray array : arrays) {
                array.setName(null);
            }
            return arrays;
        }

        @Override
        public O processOutput(TranslatorContext context, NDList list) throws Exception {
            return translator.processOutput(context, list);
        }

        @Override
        public Batchifier getBatchifier() {
            return translator.getBatchifier();
        }
    }
}
