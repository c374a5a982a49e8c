package org.backdrop.model.djl;

/** A check whether ONNX Runtime can use a CUDA GPU; each {@link DeviceSelector} runs it at most once. */
@FunctionalInterface
interface CudaProbe {

    /** Runs the checks and reports a failed check as an unusable result with its reason. */
    CudaAvailability probe();
}
