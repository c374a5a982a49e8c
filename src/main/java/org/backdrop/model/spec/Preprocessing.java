package org.backdrop.model.spec;

import java.util.List;

/**
 * How 8-bit pixels become the model's input values: {@code (pixel * scale - mean[c]) / std[c]} per channel
 * {@code c}, after resizing and putting the channels in {@code colorOrder}.
 *
 * @param colorOrder the channel order the model expects
 * @param scale the factor applied to the 0-255 pixel value first, for example 1/255
 * @param mean one value per channel (in {@code colorOrder}), subtracted after scaling
 * @param std one value per channel, divided by after subtracting the mean; never 0
 * @param resize how the image is brought to the input size
 * @param interpolation how resizing interpolates
 */
public record Preprocessing(
        ColorOrder colorOrder, double scale, List<Double> mean, List<Double> std, ResizeRule resize, Interpolation interpolation) {

    /** Copies the lists. */
    public Preprocessing {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
    }
}
