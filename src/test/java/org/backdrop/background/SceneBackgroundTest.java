package org.backdrop.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.backdrop.image.RgbImage;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneBackgroundTest {

    @TempDir
    Path folder;

    @BeforeEach
    void writePhotos() throws IOException {
        TestImages.writeSolidPng(folder.resolve("a_red.png"), 4, 4, 0xFF0000);
        TestImages.writeSolidPng(folder.resolve("b_green.png"), 4, 4, 0x00FF00);
        TestImages.writeSolidPng(folder.resolve("c_blue.PNG"), 4, 4, 0x0000FF);
        Files.writeString(folder.resolve("notes.txt"), "not a photo");
    }

    @Test
    void photoDecodesInRgbOrder() {
        RgbImage photo = PhotoLibrary.read(folder.resolve("a_red.png"));

        assertArrayEquals(new int[] {255, 0, 0}, photo.rgb(0, 0));
    }

    @Test
    void folderListsPhotosByName() {
        assertEquals(
                java.util.List.of(folder.resolve("a_red.png"), folder.resolve("b_green.png"), folder.resolve("c_blue.PNG")),
                PhotoLibrary.listFolder(folder));
    }

    @Test
    void drawsEveryPhotoOfFolder() {
        Background scenes = Backgrounds.parse("scenes=" + folder);
        InMemoryPool pool = pool(60);

        Set<Integer> colours = new HashSet<>();
        for (int i = 0; i < pool.size(); i++) {
            RgbImage out = scenes.render(pool.request(i, 5, "scenes"));
            colours.add(Arrays.hashCode(out.rgb(1, 1)));
        }

        // 60 uniform draws over 3 photos miss one with probability below 3 * (2/3)^60 = 1e-10.
        assertEquals(3, colours.size());
    }

    @Test
    void mappingLimitsClassToItsPhotos() throws IOException {
        Path mapping = Files.writeString(folder.resolve("map.txt"), "# class: photos\ncat: a_red.png\n\ndog: b_green.png, c_blue.PNG\n");
        Background scenes = Backgrounds.parse("scenes=" + folder + ":" + mapping);
        InMemoryPool pool = pool(40);

        for (int i = 0; i < pool.size(); i++) {
            int[] rgb = scenes.render(pool.request(i, 5, "scenes")).rgb(0, 0);
            if (pool.label(i) == 0) {
                assertArrayEquals(new int[] {255, 0, 0}, rgb);
            } else {
                assertEquals(0, rgb[0]);
            }
        }
    }

    @Test
    void unlistedClassDrawsFromWholeFolder() throws IOException {
        Path mapping = Files.writeString(folder.resolve("map.txt"), "cat: a_red.png\n");
        SceneBackground scenes = (SceneBackground) Backgrounds.parse("scenes=" + folder + ":" + mapping);
        InMemoryPool pool = pool(60);

        Set<Path> dogPhotos = new HashSet<>();
        for (int i = 1; i < pool.size(); i += 2) {
            dogPhotos.add(scenes.choosePhoto(pool.request(i, 5, "scenes")));
        }

        assertEquals(3, dogPhotos.size());
    }

    @Test
    void mappingLineWithoutColonNamesLine() throws IOException {
        Path mapping = Files.writeString(folder.resolve("map.txt"), "cat: a_red.png\ndog b_green.png\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Backgrounds.parse("scenes=" + folder + ":" + mapping));

        assertTrue(error.getMessage().contains("map.txt:2"), error.getMessage());
    }

    @Test
    void missingMappedPhotoIsRejected() throws IOException {
        Path mapping = Files.writeString(folder.resolve("map.txt"), "cat: a_red.png, missing.jpg\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Backgrounds.parse("scenes=" + folder + ":" + mapping));

        assertTrue(error.getMessage().contains("missing.jpg"), error.getMessage());
    }

    @Test
    void classListedTwiceIsRejected() throws IOException {
        Path mapping = Files.writeString(folder.resolve("map.txt"), "cat: a_red.png\ncat: b_green.png\n");

        assertThrows(IllegalArgumentException.class, () -> Backgrounds.parse("scenes=" + folder + ":" + mapping));
    }

    @Test
    void folderWithoutPhotosIsRejected(@TempDir Path empty) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Backgrounds.parse("scenes=" + empty));

        assertTrue(error.getMessage().contains(empty.toString()), error.getMessage());
    }

    @Test
    void realScenesRenderAtSampleSize() {
        Path scenesFolder = SharedData.fixture("backgrounds");
        Background scenes = Backgrounds.parse("scenes=" + scenesFolder);
        InMemoryPool pool = new InMemoryPool().add("s", 0, TestImages.solid(32, 24, 0, 0, 0), new byte[32 * 24]);

        RgbImage out = scenes.render(pool.request(0, 1, "scenes"));

        assertEquals(32, out.width());
        assertEquals(24, out.height());
    }

    /** Returns {@code count} 2x2 samples alternating between class 0 ("cat") and class 1 ("dog"). */
    private static InMemoryPool pool(int count) {
        InMemoryPool pool = new InMemoryPool(Map.of(0, "cat", 1, "dog"));
        for (int i = 0; i < count; i++) {
            pool.add("sample_" + i, i % 2, TestImages.solid(2, 2, 9, 9, 9), new byte[4]);
        }
        return pool;
    }
}
