package org.backdrop.model;

/**
 * The device a model actually runs on, recorded with every run.
 *
 * @param requested what the user asked for
 * @param name {@code cpu} or {@code cuda:N}
 * @param reason why this device was chosen, in a sentence (for example why {@code auto} fell back to the CPU)
 */
public record InferenceDevice(DeviceRequest requested, String name, String reason) {

    /** Returns whether the model runs on a CUDA GPU. */
    public boolean isCuda() {
        return name.startsWith("cuda");
    }
}
