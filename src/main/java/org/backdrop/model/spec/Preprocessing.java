package org.backdrop.model.spec;

import java.util.Collections;
import java.util.List;

/**
 * How 8-bit pixels become the model's input values: {@code (pixel * scale - mean[c]) / std[c]} per channel
 * {@code c}, after resizing and putting the channels in {@code colorOrder}.
 *
 * @param colorOrder the channel order the model expects
 * @param scale the factor applied to the 0-255 pixel value first, for example 1/255
 * @param mean one value per channel (in {@code colorOrder}), subtracted after scaling; a single value is
 *     used for all three channels
 * @param std one value per channel, divided by after subtracting the mean, never 0; a single value is
 *     used for all three channels
 * @param resize how the image is brought to the input size
 * @param interpolation how resizing interpolates
 */
public record Preprocessing(
        ColorOrder colorOrder, double scale, List<Double> mean, List<Double> std, ResizeRule resize, Interpolation interpolation) {

    /** The number of colour channels Backdrop feeds. */
    public static final int CHANNELS = 3;

    /**
     * Copies the lists and expands a single mean or std value to all channels.
     *
     * @throws IllegalArgumentException if {@code mean} or {@code std} has neither 1 nor 3 values, or a std is 0
     */
    public Preprocessing {
        mean = perChannel("mean", mean);
        std = perChannel("std", std);
        if (std.stream().anyMatch(value -> value == 0)) {
            throw new IllegalArgumentException("std must not contain 0, got " + std);
        }
    }

    private static List<Double> perChannel(String name, List<Double> values) {
        if (values.size() == 1) {
            return Collections.nCopies(CHANNELS, values.get(0));
        }
        if (values.size() != CHANNELS) {
            throw new IllegalArgumentException(name + " needs 1 or " + CHANNELS + " values, got " + values);
        }
        return List.copyOf(values);
    }
}
