package org.backdrop.ui;

import org.backdrop.model.InferenceDevice;
import org.backdrop.model.djl.ComputeDevices;

/** The compute device as the status bar shows it. */
final class ComputeDevice {

    /**
     * A device name and the sentence that explains why it was chosen.
     *
     * @param name "CPU", or the GPU's product name such as "NVIDIA H200"
     * @param reason why models run there
     */
    record Description(String name, String reason) {}

    private ComputeDevice() {}

    /** Probes the device that models with {@code --device auto} use; slow the first time, so call it off the JavaFX thread. */
    static Description describe() {
        InferenceDevice device = ComputeDevices.autoDevice();
        if (!device.isCuda()) {
            return new Description("CPU", "Models run on the CPU: " + device.reason());
        }
        String name = ComputeDevices.firstGpuName().orElse("CUDA GPU " + device.name().substring("cuda:".length()));
        return new Description(name, "Models run on " + device.name() + ": " + device.reason());
    }
}
