package org.backdrop.model.djl;

import ai.djl.util.cuda.CudaUtils;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

/**
 * Checks CUDA in three steps, cheapest and quietest first, so that a machine without a GPU never loads
 * ONNX Runtime's CUDA provider (which prints native ERROR lines when CUDA libraries are missing):
 * <ol>
 *   <li>the ONNX Runtime build on the class path was compiled with the CUDA execution provider;
 *   <li>the CUDA runtime reports at least one GPU ({@link CudaUtils#getGpuCount()});
 *   <li>the CUDA execution provider loads ({@code SessionOptions.addCUDA(0)}), which needs CUDA 12.x and
 *       cuDNN 9.x libraries for ONNX Runtime 1.23.
 * </ol>
 * Together this is what {@code Engine.getEngine("OnnxRuntime").getGpuCount() > 0} tests in DJL 0.36, in
 * another order and keeping ONNX Runtime's error message.
 */
final class OrtCudaProbe implements CudaProbe {

    @Override
    public CudaAvailability probe() {
        OnnxRuntimeEngine.get();
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            return new CudaAvailability(false, "this ONNX Runtime build has no CUDA execution provider"
                    + " (the CPU-only artifact com.microsoft.onnxruntime:onnxruntime is on the class path)");
        }
        int gpus = CudaUtils.getGpuCount();
        if (gpus <= 0) {
            return new CudaAvailability(false, "no CUDA GPU was found (no NVIDIA driver, or the driver reports no GPU)");
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.addCUDA(0);
        } catch (OrtException e) {
            return new CudaAvailability(false, "ONNX Runtime's CUDA execution provider failed to load: " + e.getMessage());
        }
        return new CudaAvailability(true, gpus + " CUDA GPU(s) found and ONNX Runtime's CUDA execution provider loaded");
    }
}
