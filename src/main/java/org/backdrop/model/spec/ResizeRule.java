package org.backdrop.model.spec;

/**
 * How an image of any size becomes the model's input size ({@link InputSpec#width()} x
 * {@link InputSpec#height()}).
 */
public sealed interface ResizeRule {

    /** Resizes both sides to the input size, ignoring the aspect ratio. */
    record Stretch() implements ResizeRule {}

    /**
     * Resizes so that the shorter side is {@code shorterSide} pixels, keeping the aspect ratio, then cuts
     * the centre {@code cropWidth} x {@code cropHeight} region, as torchvision's {@code Resize(256)} then
     * {@code CenterCrop(224)} do. The crop equals the input size; pixels outside it get no prediction.
     */
    record ShorterSideCrop(int shorterSide, int cropWidth, int cropHeight) implements ResizeRule {}

    /**
     * Resizes so that the whole image fits the input size, keeping the aspect ratio, and fills the rest
     * with {@code padValue} (0 to 255, before scaling) in every channel, centring the image.
     */
    record Letterbox(int padValue) implements ResizeRule {}
}
