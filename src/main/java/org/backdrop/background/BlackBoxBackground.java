package org.backdrop.background;

import java.util.Arrays;
import org.backdrop.image.RgbImage;

/**
 * ImageNet-9's Only-BG-B ({@code only-bg-b}): the sample's own image with every pixel of the object
 * box set to black (0, 0, 0) and every pixel outside the box unchanged. A sample without an object is
 * returned unchanged. The output is the background alone; the object is not pasted back.
 */
public final class BlackBoxBackground implements Background {

    @Override
    public String name() {
        return "only-bg-b";
    }

    @Override
    public boolean compositesObject() {
        return false;
    }

    @Override
    public RgbImage render(BackgroundRequest request) {
        byte[] out = request.image().pixels().clone();
        request.objectBox()
                .flatMap(box -> box.clippedTo(request.width(), request.height()))
                .ifPresent(box -> {
                    for (int y = box.y(); y < box.endY(); y++) {
                        int start = (y * request.width() + box.x()) * 3;
                        Arrays.fill(out, start, start + box.width() * 3, (byte) 0);
                    }
                });
        return new RgbImage(request.width(), request.height(), out);
    }
}
