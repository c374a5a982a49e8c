package org.backdrop.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.model.spec.ColorOrder;
import org.backdrop.model.spec.ModelSpec;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelSpecReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TorchScript classifier fine-tuned with a new head, for {@code train --model torchscript=FILE}.
 *
 * <p>How the head is found: the module must export a method {@code set_head(weight, bias)} that replaces
 * its last linear layer, and that layer's parameters must be named {@code fc.weight} ([classes, features])
 * and {@code fc.bias}, as in torchvision's ResNets. Every other parameter belongs to the backbone. The
 * networks that {@code backdrop train} writes follow this contract, and {@code src/main/python/with_head.py}
 * wraps any feature extractor so that it does. A TorchScript graph cannot be edited from Java, so the
 * module itself must offer the replacement.
 *
 * <p>The new head is drawn as PyTorch initialises {@code nn.Linear}: weight and bias uniform in
 * ±1/√features, from the engine's generator seeded with the run's seed.
 */
final class TransferModel {

    static final String HEAD_WEIGHT = "fc.weight";
    static final String HEAD_BIAS = "fc.bias";
    static final String SET_HEAD = "set_head";

    private static final Logger LOG = LoggerFactory.getLogger(TransferModel.class);

    private TransferModel() {}

    /**
     * Loads {@code file} into {@code model} for training and gives it a new head with {@code classes}
     * outputs. The module with the new head is written to {@code scratch} and loaded from there, because
     * DJL's {@code PtSymbolBlock} caches its parameter list when it loads, and the cache would keep the old
     * head's tensors; {@code scratch} is deleted afterwards.
     *
     * @throws TrainingException if the file is not TorchScript or does not follow the head contract
     * @throws IOException if the file cannot be read or {@code scratch} cannot be written
     */
    static void loadWithNewHead(Model model, Path file, int classes, Path scratch) throws TrainingException, IOException {
        try (Model base = Model.newInstance("base", model.getNDManager().getDevice(), model.getNDManager().getEngine().getEngineName())) {
            load(base, file);
            replaceHead(base, file, classes);
            write(base, scratch, false);
        }
        try {
            load(model, scratch);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private static void replaceHead(Model model, Path file, int classes) throws TrainingException {
        PtSymbolBlock module = (PtSymbolBlock) model.getBlock();
        if (!Arrays.asList(JniUtils.getMethodNames(module)).contains(SET_HEAD)) {
            throw new TrainingException(file + ": the TorchScript module has no exported method " + SET_HEAD
                    + "(weight, bias), which Backdrop calls to replace the head; wrap the network with src/main/python/with_head.py"
                    + " or export it from a module that defines it with @torch.jit.export");
        }
        NDList parameters = JniUtils.moduleGetParams(module, (PtNDManager) model.getNDManager());
        NDArray oldWeight = named(parameters, HEAD_WEIGHT, file);
        named(parameters, HEAD_BIAS, file);
        long[] oldShape = oldWeight.getShape().getShape();
        if (oldShape.length != 2) {
            throw new TrainingException(file + ": parameter " + HEAD_WEIGHT + " has the shape " + Arrays.toString(oldShape)
                    + ", but the head must be a linear layer with a weight of the shape [classes, features]");
        }
        long features = oldShape[1];
        NDManager manager = model.getNDManager();
        float bound = (float) (1 / Math.sqrt(features));
        NDArray weight = manager.randomUniform(-bound, bound, new Shape(classes, features));
        NDArray bias = manager.randomUniform(-bound, bound, new Shape(classes));
        try (IValue weightValue = IValue.from((PtNDArray) weight);
                IValue biasValue = IValue.from((PtNDArray) bias);
                IValue ignored = IValueUtils.runMethod(module, SET_HEAD, weightValue, biasValue)) {
            LOG.info("Replaced the head of {}: {} {} became [{}, {}]", file, HEAD_WEIGHT, Arrays.toString(oldShape), classes, features);
        } catch (EngineException e) {
            throw new TrainingException(file + ": " + SET_HEAD + " failed for a head of " + classes + " classes and " + features
                    + " features: " + e.getMessage(), e);
        }
    }

    /**
     * Loads {@code file}, a TorchScript module written by {@link #write}, into {@code model} for training.
     *
     * @throws TrainingException if PyTorch cannot load the file
     * @throws IOException if the file cannot be read
     */
    static void load(Model model, Path file) throws TrainingException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new TrainingException(file + ": TorchScript model not found");
        }
        try {
            model.load(file.toAbsolutePath(), null, Map.of("trainParam", "true", "mapLocation", "true"));
        } catch (MalformedModelException | EngineException e) {
            throw new TrainingException(file + ": PyTorch cannot load the file as TorchScript: " + e.getMessage(), e);
        }
    }

    /** Returns whether the parameter named {@code name} belongs to the head. */
    static boolean isHead(String name) {
        return name.equals(HEAD_WEIGHT) || name.equals(HEAD_BIAS);
    }

    /**
     * Returns the ids of the backbone parameters of {@code model}, every parameter except the head's.
     *
     * <p>Freezing leaves these parameters' gradients on and has the optimizer skip them. Turning the
     * gradients off would save the backward pass through the backbone, but DJL's {@code Trainer} rejects
     * a first step whose gradients sum to 0, and the gradients of a softmax cross-entropy head alone sum to
     * 0 over the classes.
     */
    static Set<String> backboneIds(Model model) {
        Set<String> ids = new HashSet<>();
        for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
            if (!isHead(parameter.getKey())) {
                ids.add(parameter.getValue().getId());
            }
        }
        return ids;
    }

    /**
     * Writes the module in {@code model} to {@code file} as TorchScript. With {@code forInference} the
     * module is switched to evaluation mode first, so that PyTorch users get batch normalisation with
     * running statistics without calling {@code eval()}.
     */
    static void write(Model model, Path file, boolean forInference) throws IOException {
        PtSymbolBlock module = (PtSymbolBlock) model.getBlock();
        if (forInference) {
            JniUtils.enableInferenceMode(module);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JniUtils.writeModule(module, bytes, false);
        AtomicFiles.write(file, bytes.toByteArray());
    }

    /**
     * Returns the normalisation that the spec beside {@code file} ({@code net.pt} → {@code net.spec.json})
     * gives, or null when there is none, so that fine-tuning feeds the inputs the network was trained on.
     *
     * @throws TrainingException if the spec is invalid or describes inputs other than 32×32 RGB scaled by 1/255
     */
    static Normalization normalizationBeside(Path file) throws TrainingException {
        Path specFile = ModelSpecReader.specBeside(file);
        if (!Files.isRegularFile(specFile)) {
            return null;
        }
        ModelSpec spec;
        try {
            spec = ModelSpecReader.read(specFile);
        } catch (ModelSpecException e) {
            throw new TrainingException(e.getMessage(), e);
        }
        int size = TrainingOptions.INPUT_SIZE;
        if (spec.input().height() != size || spec.input().width() != size) {
            // TODO: feed fine-tuning at the spec's input size; LabelledImages and the crop augmentation
            // take the size as a parameter, the network's first layers and the export template do not.
            throw new TrainingException(specFile + ": the model takes " + spec.input().height() + "×" + spec.input().width()
                    + " inputs, but training feeds " + size + "×" + size + " images; fine-tune a network for 32×32 inputs");
        }
        if (spec.preprocessing().colorOrder() != ColorOrder.RGB || Math.abs(spec.preprocessing().scale() - 1 / 255.0) > 1e-9) {
            throw new TrainingException(specFile + ": training feeds RGB pixels scaled by 1/255, but the spec asks for "
                    + spec.preprocessing().colorOrder() + " scaled by " + spec.preprocessing().scale());
        }
        float[] mean = new float[3];
        float[] std = new float[3];
        for (int c = 0; c < 3; c++) {
            List<Double> means = spec.preprocessing().mean();
            List<Double> stds = spec.preprocessing().std();
            mean[c] = means.get(means.size() == 1 ? 0 : c).floatValue();
            std[c] = stds.get(stds.size() == 1 ? 0 : c).floatValue();
        }
        return new Normalization(mean, std);
    }

    private static NDArray named(NDList parameters, String name, Path file) throws TrainingException {
        for (NDArray parameter : parameters) {
            if (name.equals(parameter.getName())) {
                return parameter;
            }
        }
        List<String> names = parameters.stream().map(NDArray::getName).toList();
        throw new TrainingException(file + ": the TorchScript module has no parameter " + name + "; Backdrop fine-tunes modules whose"
                + " head is a linear layer named fc (found " + names.size() + " parameters, the last "
                + names.subList(Math.max(0, names.size() - 2), names.size()) + ")");
    }
}
