package org.backdrop.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.backdrop.image.RgbImage;
import org.junit.jupiter.api.Test;

class SolidColorBackgroundTest {

    private static final Map<String, int[]> NAMED = Map.of(
            "red", new int[] {255, 0, 0},
            "green", new int[] {0, 255, 0},
            "blue", new int[] {0, 0, 255},
            "black", new int[] {0, 0, 0},
            "white", new int[] {255, 255, 255},
            "#1a2B3c", new int[] {0x1a, 0x2b, 0x3c});

    @Test
    void namedColoursArePure() {
        InMemoryPool pool = new InMemoryPool().add("s", 0, TestImages.coordinates(3, 2), new byte[6]);
        NAMED.forEach((name, rgb) -> {
            RgbImage out = Backgrounds.parse(name).render(pool.request(0, 1, name));
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    assertArrayEquals(rgb, out.rgb(x, y), name + " at " + x + "," + y);
                }
            }
        });
    }

    @Test
    void compositeKeepsObjectOverColour() {
        InMemoryPool pool = new InMemoryPool().add("s", 0, TestImages.coordinates(3, 2), new byte[] {0, 0, 0, 0, 1, 0});

        RgbImage out = Backgrounds.parse("green").compose(pool.request(0, 1, "green"), Compositor.HARD);

        assertArrayEquals(new int[] {11, 101, 199}, out.rgb(1, 1));
        assertArrayEquals(new int[] {0, 255, 0}, out.rgb(2, 1));
    }

    @Test
    void shortHexIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Backgrounds.parse("#fff"));
    }

    @Test
    void nonHexDigitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Backgrounds.parse("#12345g"));
    }
}
