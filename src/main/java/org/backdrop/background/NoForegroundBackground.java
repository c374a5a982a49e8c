package org.backdrop.background;

import org.backdrop.image.RgbImage;

/**
 * ImageNet-9's No-FG ({@code no-fg}): the sample's own image with the object's mask pixels set to
 * black (0, 0, 0) and every other pixel unchanged. The output is the background alone; the object is
 * not pasted back.
 */
public final class NoForegroundBackground implements Background {

    @Override
    public String name() {
        return "no-fg";
    }

    @Override
    public boolean compositesObject() {
        return false;
    }

    @Override
    public RgbImage render(BackgroundRequest request) {
        byte[] out = request.image().pixels().clone();
        byte[] mask = request.mask();
        for (int pixel = 0; pixel < mask.length; pixel++) {
            if (mask[pixel] != 0) {
                int offset = pixel * 3;
                out[offset] = 0;
                out[offset + 1] = 0;
                out[offset + 2] = 0;
            }
        }
        return new RgbImage(request.width(), request.height(), out);
    }
}
