package org.backdrop.model.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's ONNX Runtime engine once, offline and without its CUDA probe. Every use of DJL in Backdrop
 * goes through {@link #get()}, so that these settings come first.
 */
final class OnnxRuntimeEngine {

    static final String ENGINE_NAME = "OnnxRuntime";

    private static final Logger LOG = LoggerFactory.getLogger(OnnxRuntimeEngine.class);

    private OnnxRuntimeEngine() {}

    /** Returns the started engine. */
    static Engine get() {
        return Holder.ENGINE;
    }

    private static final class Holder {
        static final Engine ENGINE = start();
    }

    private static Engine start() {
        // DJL reads this property when it first needs a model zoo or a native library download. Backdrop
        // loads models from files only, so DJL must never reach the network.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        Engine engine = Engine.getEngine(ENGINE_NAME);
        pinDefaultDeviceToCpu(engine);
        return engine;
    }

    /**
     * Sets the engine's default device to the CPU before DJL reads it. DJL 0.36 otherwise works the
     * default out on the first NDManager by loading ONNX Runtime's CUDA provider. On a machine without CUDA
     * the GPU build then prints native ERROR lines about missing CUDA libraries and spends about 2.5 s
     * unpacking the provider. Backdrop always passes the device explicitly (see {@link DeviceSelector}), so
     * the default is never used for models.
     */
    private static void pinDefaultDeviceToCpu(Engine engine) {
        try {
            Field field = Engine.class.getDeclaredField("defaultDevice");
            field.setAccessible(true);
            if (field.get(engine) == null) {
                field.set(engine, Device.cpu());
            }
        } catch (NoSuchFieldException | IllegalAccessException | InaccessibleObjectException | SecurityException e) {
            // NOTE: a DJL version without this private field only costs the probe and its log lines.
            LOG.debug("Could not preset DJL's default device; DJL will probe CUDA itself", e);
        }
    }
}
