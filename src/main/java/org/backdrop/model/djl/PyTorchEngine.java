package org.backdrop.model.djl;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/** Starts DJL's PyTorch engine the way training and TorchScript inference need it. */
public final class PyTorchEngine {

    /** DJL's name of the engine. */
    public static final String NAME = "PyTorch";

    private PyTorchEngine() {}

    /**
     * Returns the PyTorch engine, started offline (DJL then uses the native library on the class path
     * and never downloads one) with as many intra-op threads as the JVM has processors, unless
     * {@code ai.djl.pytorch.num_threads} is already set. Without that setting, a ResNet-20 step at
     * batch 128 took 2.1 s instead of 0.33 s in a 2-processor container (see docs/benchmarks.md).
     * The settings take effect only if the engine has not started yet.
     *
     * <p>Also turns gradient recording off on the calling thread. PyTorch keeps that mode per thread, and
     * DJL turns it off only on the thread that starts the engine. Training on any other thread, such as
     * a studio task, otherwise failed in the in-place weight initialisation ("a leaf Variable that
     * requires grad is being used in an in-place operation").
     */
    public static Engine start() {
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
        Engine engine = Engine.getEngine(NAME);
        JniUtils.setGradMode(false);
        return engine;
    }
}
