package org.backdrop.model.djl;

import org.backdrop.model.CudaUnavailableException;
import org.backdrop.model.DeviceRequest;

/** Tells tests in other packages whether this machine runs ONNX models on CUDA, by the test device auto uses. */
public final class DeviceChecks {

    private DeviceChecks() {}

    /** Returns whether device auto picks CUDA here. */
    public static boolean cudaUsable() {
        try {
            return DeviceSelector.shared().select(DeviceRequest.AUTO).isCuda();
        } catch (CudaUnavailableException e) {
            throw new AssertionError("device auto never throws", e);
        }
    }
}
