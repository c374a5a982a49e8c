package org.backdrop.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.backdrop.model.CudaUnavailableException;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelOptions;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Runs an identity model with a fixed [1, 3] input on each requested device, against the real ONNX
 * Runtime on the class path: {@code auto} runs wherever CUDA is usable and records why, {@code cuda} without
 * CUDA fails before any inference with the fix in the message, and every device returns the input.
 */
class DeviceChoiceTest {

    private static final float[][] INPUT = {{1, 2, 3}};

    @Test
    void autoRunsAndRecordsDevice() throws Exception {
        Path model = SharedData.regressionCase("CV-22/identity_fixed_batch1.onnx");

        try (OnnxModelService<float[][], float[]> service = open(model, DeviceRequest.AUTO)) {
            float[] output = service.predict(INPUT);

            assertArrayEquals(new float[] {1, 2, 3}, output);
            assertEquals(DeviceRequest.AUTO, service.device().requested());
            assertEquals(cudaUsable(), service.device().isCuda());
            assertFalse(service.device().reason().isBlank());
        }
    }

    @Test
    void autoWithoutCudaSaysWhy() throws Exception {
        assumeFalse(cudaUsable(), "CUDA is usable here");
        Path model = SharedData.regressionCase("CV-22/identity_fixed_batch1.onnx");

        try (OnnxModelService<float[][], float[]> service = open(model, DeviceRequest.AUTO)) {
            assertEquals("cpu", service.device().name());
            assertTrue(service.device().reason().startsWith("running on the CPU because "), service.device().reason());
        }
    }

    @Test
    void cudaWithoutCudaFailsBeforeInference() {
        assumeFalse(cudaUsable(), "CUDA is usable here");
        Path model = SharedData.regressionCase("CV-22/identity_fixed_batch1.onnx");

        CudaUnavailableException error = assertThrows(CudaUnavailableException.class, () -> open(model, DeviceRequest.CUDA));

        assertTrue(error.getMessage().contains("CUDA was requested but cannot be used"), error.getMessage());
        assertTrue(error.getMessage().contains("onnxruntime_gpu"), error.getMessage());
        assertTrue(error.getMessage().contains("cuDNN 9.x"), error.getMessage());
    }

    @Test
    void cudaMatchesCpuOutput() throws Exception {
        assumeTrue(cudaUsable(), "no usable CUDA GPU here");
        Path model = SharedData.regressionCase("CV-22/identity_fixed_batch1.onnx");

        try (OnnxModelService<float[][], float[]> service = open(model, DeviceRequest.CUDA)) {
            assertEquals("cuda:0", service.device().name());
            assertArrayEquals(new float[] {1, 2, 3}, service.predict(INPUT));
        }
    }

    private static OnnxModelService<float[][], float[]> open(Path model, DeviceRequest device) throws Exception {
        return OnnxModelService.open(model, new FloatMatrixTranslator(), new ModelOptions(device, 1, 0));
    }

    private static boolean cudaUsable() {
        return DeviceChecks.cudaUsable();
    }
}
