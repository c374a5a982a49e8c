package org.backdrop.model.djl;

import ai.djl.engine.Engine;

/**
 * Checks whether DJL's PyTorch engine can use a CUDA GPU. The engine reports GPUs only when its native
 * library is a CUDA build and the driver sees a device; the CPU build from Maven Central reports none.
 */
final class PyTorchCudaProbe implements CudaProbe {

    @Override
    public CudaAvailability probe() {
        Engine engine = PyTorchEngine.start();
        int gpus = engine.getGpuCount();
        if (gpus <= 0) {
            return new CudaAvailability(false, "DJL's PyTorch engine " + engine.getVersion()
                    + " sees no CUDA GPU (its native library is the CPU build, or no NVIDIA GPU is present)");
        }
        return new CudaAvailability(true, "DJL's PyTorch engine " + engine.getVersion() + " sees " + gpus + " CUDA GPU(s)");
    }
}
