package org.backdrop.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backdrop.image.RgbImage;
import org.junit.jupiter.api.Test;

/**
 * The ImageNet-9 variants on a 6x4 image with the object box drawn at columns 1..2, rows 1..2, and an
 * L-shaped object inside it (the box's bottom-right pixel (2, 2) is background).
 */
class ImageNet9VariantsTest {

    private static final int WIDTH = 6;
    private static final int HEIGHT = 4;
    private static final RgbImage IMAGE = TestImages.coordinates(WIDTH, HEIGHT);
    private static final byte[] L_MASK = mask(new int[][] {{1, 1}, {2, 1}, {1, 2}});

    @Test
    void onlyBgBBlacksOutBoxPixelsOnly() {
        RgbImage out = Backgrounds.parse("only-bg-b").compose(request(L_MASK), Compositor.HARD);

        assertEquals(List.of("1,1", "2,1", "1,2", "2,2"), changedPixels(out));
        assertArrayEquals(new int[] {0, 0, 0}, out.rgb(2, 2));
    }

    @Test
    void onlyBgBUsesAnnotatedBox() {
        InMemoryPool pool = new InMemoryPool().add("sample", 0, IMAGE, L_MASK).withAnnotatedBox(0, new PixelBox(4, 2, 2, 1));

        RgbImage out = Backgrounds.parse("only-bg-b").compose(pool.request(0, 7, "variant"), Compositor.HARD);

        assertEquals(List.of("4,2", "5,2"), changedPixels(out));
    }

    @Test
    void noFgBlacksOutMaskPixelsOnly() {
        RgbImage out = Backgrounds.parse("no-fg").compose(request(L_MASK), Compositor.HARD);

        assertEquals(List.of("1,1", "2,1", "1,2"), changedPixels(out));
        assertArrayEquals(new int[] {0, 0, 0}, out.rgb(1, 2));
    }

    @Test
    void onlyFgKeepsMaskPixelsOnBlack() {
        RgbImage out = Backgrounds.parse("only-fg").compose(request(L_MASK), Compositor.HARD);

        assertArrayEquals(IMAGE.rgb(1, 2), out.rgb(1, 2));
        assertArrayEquals(new int[] {0, 0, 0}, out.rgb(2, 2));
        assertArrayEquals(new int[] {0, 0, 0}, out.rgb(5, 3));
    }

    @Test
    void onlyBgTTilesFromWiderRightStrip() {
        // Margins: left 1, right 3, top 1, bottom 1. Right strip 3x4 (area 12) beats bottom 6x1 (area 6).
        RgbImage out = Backgrounds.parse("only-bg-t").compose(request(L_MASK), Compositor.HARD);

        // Box pixel (x, y) takes strip pixel (3 + x mod 3, y mod 4).
        assertArrayEquals(IMAGE.rgb(4, 1), out.rgb(1, 1));
        assertArrayEquals(IMAGE.rgb(5, 1), out.rgb(2, 1));
        assertArrayEquals(IMAGE.rgb(4, 2), out.rgb(1, 2));
        assertArrayEquals(IMAGE.rgb(5, 2), out.rgb(2, 2));
        assertEquals(List.of("1,1", "2,1", "1,2", "2,2"), changedPixels(out));
    }

    @Test
    void tilingTieUsesBottomStrip() {
        // 4x4 image, box 2x2 at (1, 1): every margin is 1, both candidate areas are 4.
        Optional<PixelBox> strip = BoxTiling.strip(4, 4, new PixelBox(1, 1, 2, 2));

        assertEquals(Optional.of(new PixelBox(0, 3, 4, 1)), strip);
    }

    @Test
    void tilingUsesLeftStripWhenWider() {
        // Box spans the full height at columns 3..4: left margin 3, right margin 1.
        RgbImage out = BoxTiling.fill(IMAGE, new PixelBox(3, 0, 2, 4)).orElseThrow();

        assertArrayEquals(IMAGE.rgb(0, 0), out.rgb(3, 0));
        assertArrayEquals(IMAGE.rgb(1, 2), out.rgb(4, 2));
        assertArrayEquals(IMAGE.rgb(5, 2), out.rgb(5, 2));
    }

    @Test
    void tilingWholeImageBoxIsUnavailable() {
        byte[] full = new byte[WIDTH * HEIGHT];
        java.util.Arrays.fill(full, (byte) 1);
        Background onlyBgT = Backgrounds.parse("only-bg-t");

        assertThrows(BackgroundUnavailableException.class, () -> onlyBgT.render(request(full)));
    }

    @Test
    void backgroundOnlyVariantsDoNotComposite() {
        assertFalse(Backgrounds.parse("no-fg").compositesObject());
        assertFalse(Backgrounds.parse("only-bg-b").compositesObject());
        assertFalse(Backgrounds.parse("only-bg-t").compositesObject());
        assertTrue(Backgrounds.parse("only-fg").compositesObject());
    }

    private static BackgroundRequest request(byte[] mask) {
        InMemoryPool pool = new InMemoryPool().add("sample", 0, IMAGE, mask);
        return pool.request(0, 7, "variant");
    }

    private static byte[] mask(int[][] foreground) {
        byte[] mask = new byte[WIDTH * HEIGHT];
        for (int[] pixel : foreground) {
            mask[pixel[1] * WIDTH + pixel[0]] = 1;
        }
        return mask;
    }

    /** Returns "x,y" of every pixel that differs from {@link #IMAGE}, row by row. */
    private static List<String> changedPixels(RgbImage out) {
        List<String> changed = new ArrayList<>();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (!java.util.Arrays.equals(IMAGE.rgb(x, y), out.rgb(x, y))) {
                    changed.add(x + "," + y);
                }
            }
        }
        return changed;
    }
}
