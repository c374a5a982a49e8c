package org.backdrop.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stored 3x2 image has pixels a b c in row 0 and d e f in row 1, each a grey level 1 to 6. The
 * expected upright layouts follow from the EXIF 2.3 definition of tag 0x0112, which names the stored
 * position of the upright first row and column. For example, 6 means that the stored left column is
 * the upright top row, which is a 90° clockwise turn.
 */
class ExifOrientationTest {

    private static final RgbImage STORED = grey(3, 2, 1, 2, 3, 4, 5, 6);

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource(delimiter = '|', value = {
        "2 | 3 | 2 | 3 2 1 6 5 4",
        "3 | 3 | 2 | 6 5 4 3 2 1",
        "4 | 3 | 2 | 4 5 6 1 2 3",
        "5 | 2 | 3 | 1 4 2 5 3 6",
        "6 | 2 | 3 | 4 1 5 2 6 3",
        "7 | 2 | 3 | 6 3 5 2 4 1",
        "8 | 2 | 3 | 3 6 2 5 1 4",
    })
    void orientationGivesUprightLayout(int orientation, int width, int height, String levels) {
        RgbImage upright = ExifOrientation.apply(STORED, orientation);

        assertEquals(width, upright.width());
        assertEquals(height, upright.height());
        int[] expected = Arrays.stream(levels.split(" ")).mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(grey(width, height, expected).pixels(), upright.pixels());
    }

    @Test
    void orientationOneReturnsSameImage() {
        assertSame(STORED, ExifOrientation.apply(STORED, 1));
    }

    @Test
    void orientationNineIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ExifOrientation.apply(STORED, 9));
    }

    @Test
    void colourChannelsStayInOrder() {
        RgbImage stored = new RgbImage(1, 2, new byte[] {10, 20, 30, 40, 50, 60});

        RgbImage upright = ExifOrientation.apply(stored, 6);

        assertArrayEquals(new byte[] {40, 50, 60, 10, 20, 30}, upright.pixels());
    }

    private static RgbImage grey(int width, int height, int... levels) {
        byte[] pixels = new byte[width * height * 3];
        for (int i = 0; i < levels.length; i++) {
            Arrays.fill(pixels, i * 3, i * 3 + 3, (byte) levels[i]);
        }
        return new RgbImage(width, height, pixels);
    }
}
