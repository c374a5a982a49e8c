package org.backdrop.model.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
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
 * One ONNX model loaded through DJL with one predictor, kept for as long as it is needed and closed
 * once. It owns the DJL {@link Model}, its {@link Predictor} and the ONNX Runtime session options;
 * {@link #close()} releases them. Predictions run one at a time.
 *
 * <p>ONNX Runtime's own log output goes to standard error, outside SLF4J. Sessions log at ERROR
 * severity (WARNING when this class's logger is at DEBUG), which hides warnings about how a graph was
 * exported. Messages ONNX Runtime prints while loading its CUDA provider cannot be lowered this way,
 * because they go through the environment's logger, which DJL creates at WARNING severity; see
 * {@link OrtCudaProbe} for how a machine without a GPU avoids them.
 *
 * @param <I> the translator's input
 * @param <O> the translator's output
 */
public final class OnnxModelService<I, O> implements ModelService<I, O>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxModelService.class);

    private final Path modelFile;
    private final InferenceDevice device;
    private final Model model;
    private final Predictor<I, O> predictor;
    private final OrtSession.SessionOptions sessionOptions;
    private boolean closed;

    private OnnxModelService(Path modelFile, InferenceDevice device, Loaded<I, O> loaded) {
        this.modelFile = modelFile;
        this.device = device;
        this.model = loaded.model();
        this.predictor = loaded.predictor();
        this.sessionOptions = loaded.sessionOptions();
    }

    /**
     * Loads {@code modelFile} on the device that {@code options} requests.
     *
     * @throws org.backdrop.model.CudaUnavailableException if CUDA was requested and cannot run, before any
     *     inference
     * @throws ModelException if the file is missing or ONNX Runtime cannot load it
     */
    public static <I, O> OnnxModelService<I, O> open(Path modelFile, Translator<I, O> translator, ModelOptions options) throws ModelException {
        return open(modelFile, translator, options, DeviceSelector.shared());
    }

    static <I, O> OnnxModelService<I, O> open(Path modelFile, Translator<I, O> translator, ModelOptions options, DeviceSelector selector)
            throws ModelException {
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelException("model file not found: " + modelFile);
        }
        OnnxRuntimeEngine.get();
        InferenceDevice device = selector.select(options.device());
        try {
            return new OnnxModelService<>(modelFile, device, load(modelFile, translator, options, device));
        } catch (MalformedModelException | EngineException e) {
            if (!device.isCuda()) {
                throw new ModelException("ONNX Runtime cannot load the model " + modelFile + ": " + rootMessage(e), e);
            }
            InferenceDevice cpu = selector.fallBackAfterCudaFailure(options.device(), e.getCause() != null ? e.getCause() : e);
            try {
                return new OnnxModelService<>(modelFile, cpu, load(modelFile, translator, options, cpu));
            } catch (MalformedModelException | EngineException cpuFailure) {
                throw new ModelException("ONNX Runtime cannot load the model " + modelFile + ": " + rootMessage(cpuFailure), cpuFailure);
            }
        }
    }

    private static <I, O> Loaded<I, O> load(Path modelFile, Translator<I, O> translator, ModelOptions options, InferenceDevice device)
            throws MalformedModelException, ModelException {
        OrtSession.SessionOptions sessionOptions = sessionOptions(options);
        Model model = Model.newInstance(stem(modelFile), DeviceSelector.toDjl(device), OnnxRuntimeEngine.ENGINE_NAME);
        try {
            model.load(modelFile, null, Map.of("sessionOptions", sessionOptions));
            Predictor<I, O> predictor = model.newPredictor(translator);
            LOG.debug("Loaded {} on {}", modelFile, device.name());
            return new Loaded<>(model, predictor, sessionOptions);
        } catch (IOException e) {
            model.close();
            sessionOptions.close();
            throw new ModelException("cannot read the model " + modelFile + ": " + e.getMessage(), e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            sessionOptions.close();
            throw e;
        }
    }

    private static OrtSession.SessionOptions sessionOptions(ModelOptions options) throws ModelException {
        OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions();
        try {
            sessionOptions.setSessionLogLevel(LOG.isDebugEnabled() ? OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING : OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            if (options.threads() > 0) {
                sessionOptions.setIntraOpNumThreads(options.threads());
            }
            return sessionOptions;
        } catch (OrtException e) {
            sessionOptions.close();
            throw new ModelException("cannot set up ONNX Runtime's session options: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized O predict(I input) throws ModelException {
        if (closed) {
            throw new IllegalStateException("the model " + modelFile + " is closed");
        }
        try {
            return predictor.predict(input);
        } catch (TranslateException | EngineException e) {
            throw new ModelException("inference with the model " + modelFile + " on " + device.name() + " failed: " + rootMessage(e), e);
        }
    }

    @Override
    public InferenceDevice device() {
        return device;
    }

    /** Returns the model file. */
    public Path modelFile() {
        return modelFile;
    }

    /** Releases the predictor, the model and the session options; later calls to {@link #predict} fail. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Model ownedModel = model; Predictor<I, O> ownedPredictor = predictor) {
            LOG.debug("Closing {}", modelFile);
        } finally {
            sessionOptions.close();
        }
    }

    /** Returns the file name of {@code modelFile} without its extension, which names the DJL model. */
    static String stem(Path modelFile) {
        String name = modelFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (" + root.getMessage() + ")";
    }

    private record Loaded<I, O>(Model model, Predictor<I, O> predictor, OrtSession.SessionOptions sessionOptions) {}
}
