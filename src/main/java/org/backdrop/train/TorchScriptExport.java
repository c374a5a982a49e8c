package org.backdrop.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.model.djl.PyTorchEngine;

/**
 * Writes a trained {@link ResNets} network as a TorchScript file that PyTorch and Backdrop's evaluation
 * load without Backdrop's DJL code.
 *
 * <p>DJL cannot build a TorchScript module from its own blocks, so each architecture has a template: the
 * same network scripted by {@code src/main/python/cifar_resnet.py} with zero weights, stored gzipped in
 * the resources. Export loads the template and calls its {@code load_weights} method with the DJL
 * parameters in DJL's order, which copies the convolution weights and the batch-norm gamma, beta, running
 * mean and running variance, and replaces the linear layer so the class count may differ from the
 * template's. The values are copied unchanged, so the file computes what the DJL network computes, up to
 * the order of floating-point sums. {@code load_weights} checks every tensor's shape.
 */
final class TorchScriptExport {

    private TorchScriptExport() {}

    /**
     * Writes the network in {@code trained}, built by {@code architecture}, to {@code file}.
     *
     * @throws IOException if the template cannot be read or the file cannot be written
     * @throws TrainingException if the template rejects the parameters (a shape or count differs)
     */
    static void write(Block trained, Architecture architecture, Path file) throws IOException, TrainingException {
        PyTorchEngine.start();
        try (Model template = loadTemplate(architecture); NDManager manager = template.getNDManager().newSubManager()) {
            PtSymbolBlock module = (PtSymbolBlock) template.getBlock();
            List<PtNDArray> values = new ArrayList<>();
            for (Pair<String, Parameter> parameter : trained.getParameters()) {
                NDArray array = parameter.getValue().getArray().toDevice(Device.cpu(), true);
                array.attach(manager);
                values.add((PtNDArray) array);
            }
            try (IValue list = IValue.listFrom(values.toArray(new PtNDArray[0]));
                    IValue ignored = IValueUtils.runMethod(module, "load_weights", list)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                JniUtils.writeModule(module, bytes, false);
                AtomicFiles.write(file, bytes.toByteArray());
            } catch (EngineException e) {
                throw new TrainingException("the " + architecture.cliName() + " TorchScript template rejected the trained parameters: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Returns the resource name of {@code architecture}'s template. */
    static String templateResource(Architecture architecture) {
        return "templates/" + architecture.cliName() + ".pt.gz";
    }

    private static Model loadTemplate(Architecture architecture) throws IOException {
        String resource = templateResource(architecture);
        InputStream packed = TorchScriptExport.class.getResourceAsStream(resource);
        if (packed == null) {
            throw new IOException("the TorchScript template " + resource + " is missing from Backdrop's resources; rebuild Backdrop");
        }
        Model model = Model.newInstance(architecture.cliName() + "-export", Device.cpu(), PyTorchEngine.NAME);
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(packed))) {
            model.load(in, Map.of());
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException("cannot load the TorchScript template " + resource + ": " + e.getMessage(), e);
        }
    }
}
