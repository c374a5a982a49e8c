package org.backdrop.ui.backgrounds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.image.ImageEncoder;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.backdrop.store.ProjectStore;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presets in the project store, the mean background and the scene library of the backgrounds screen. */
class BackgroundsLibraryTest {

    @TempDir
    Path temp;

    private ProjectStore store;
    private StudioSession session;
    private BackgroundsViewModel model;

    @BeforeEach
    void openProject() throws Exception {
        Dataset dataset = StudioTestData.read(StudioTestData.write(temp));
        store = ProjectStore.create(temp.resolve("p.backdrop"));
        session = new StudioSession(new TaskRunner(Runnable::run));
        session.openProject(dataset, store, store.reviewState(), Map.of(), Map.of());
        model = new BackgroundsViewModel(session);
    }

    @AfterEach
    void closeProject() {
        session.closeProject();
    }

    @Test
    void presetRoundTripsThroughStore() throws Exception {
        model.chosen().setAll("blue", "only-bg-t", "#rrggbb");
        model.colourProperty().set("#102030");
        model.seedProperty().set(42L);
        model.featherProperty().set(1.5);
        model.savePreset("blue study");

        model.chosen().setAll("red");
        model.colourProperty().set("#ffffff");
        model.seedProperty().set(0L);
        model.featherProperty().set(0.0);
        List<String> unknown = model.loadPreset("blue study");

        assertEquals(List.of("blue study"), model.presetNames());
        assertTrue(store.presets().containsKey("blue study"));
        assertEquals(List.of("blue", "only-bg-t", "#rrggbb"), model.chosen());
        assertEquals("#102030", model.colourProperty().get());
        assertEquals(42L, model.seedProperty().get());
        assertEquals(1.5, model.featherProperty().get());
        assertEquals(List.of(), unknown);
        assertEquals("", model.presetHintProperty().get());
    }

    @Test
    void presetKeepsSceneLibrary() throws Exception {
        Path scenes = sceneFolder();
        model.sceneFolderProperty().set(scenes);
        model.mapping().setAll(new BackgroundsViewModel.SceneMapping("cat", List.of("lake.png")));
        model.saveMapping(temp.resolve("mapping.txt"));
        model.savePreset("scenes");

        model.sceneFolderProperty().set(null);
        model.mappingFileProperty().set(null);
        model.mapping().clear();
        model.loadPreset("scenes");

        assertEquals(scenes, model.sceneFolderProperty().get());
        assertEquals(temp.resolve("mapping.txt"), model.mappingFileProperty().get());
        assertEquals(List.of(new BackgroundsViewModel.SceneMapping("cat", List.of("lake.png"))), model.mapping());
    }

    @Test
    void unknownPresetMethodsAreReported() throws Exception {
        store.savePreset("old", "{\"methods\": [\"red\", \"sepia\"], \"seed\": 7}");

        List<String> unknown = model.loadPreset("old");

        assertEquals(List.of("sepia"), unknown);
        assertEquals(List.of("red"), model.chosen());
        assertEquals(7L, model.seedProperty().get());
    }

    @Test
    void invalidOrMissingPresetIsRejected() throws Exception {
        store.savePreset("broken", "{\"seed\": 7}");

        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> model.loadPreset("broken"));
        assertTrue(broken.getMessage().contains("'broken' is not a preset"), broken.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.loadPreset("absent"));
        assertThrows(IllegalArgumentException.class, () -> model.savePreset(" "));
    }

    @Test
    void deletedPresetLeavesList() throws Exception {
        model.savePreset("a");
        model.savePreset("b");

        assertTrue(model.deletePreset("a"));

        assertEquals(List.of("b"), model.presetNames());
        assertFalse(model.deletePreset("a"));
    }

    @Test
    void presetsNeedProject() {
        session.closeProject();

        assertTrue(model.presetNames().isEmpty());
        assertTrue(model.presetHintProperty().get().startsWith("Presets are saved in a project"), model.presetHintProperty().get());
        assertThrows(IllegalStateException.class, () -> model.savePreset("x"));
    }

    @Test
    void meanAveragesBackgroundPixels() throws Exception {
        // Two 8x8 images, red backgrounds of 100 and 201, a white 2x2 object at (3, 3) masked in both.
        Path data = temp.resolve("mean");
        writeImage(Files.createDirectories(data.resolve("a")).resolve("one.png"), 100);
        writeImage(Files.createDirectories(data.resolve("b")).resolve("two.png"), 201);
        StudioSession meanSession = StudioTestData.session(data);
        byte[] object = new byte[64];
        object[3 * 8 + 3] = 1;
        object[3 * 8 + 4] = 1;
        object[4 * 8 + 3] = 1;
        object[4 * 8 + 4] = 1;
        Map<String, Rle> masks = new HashMap<>();
        for (Sample sample : meanSession.dataset().samples()) {
            masks.put(sample.id(), Rle.fromRowMajor(object, 8, 8));
        }
        meanSession.setMasks(masks, Map.of());
        BackgroundsViewModel meanModel = new BackgroundsViewModel(meanSession);

        RgbImage mean = meanModel.meanWork().run(ProgressListener.NONE);

        // (100 + 201) / 2 = 150.5 rounds half up to 151; the object pixels, background in no image, take
        // the mean of all background pixels, also 151.
        byte[] expected = new byte[64 * 3];
        for (int pixel = 0; pixel < 64; pixel++) {
            expected[pixel * 3] = (byte) 151;
        }
        assertEquals(8, mean.width());
        assertArrayEquals(expected, mean.pixels());
    }

    @Test
    void meanNeedsMasks() {
        IllegalStateException error = assertThrows(IllegalStateException.class, model::meanWork);
        assertTrue(error.getMessage().contains("no sample has a mask"), error.getMessage());
    }

    @Test
    void sceneFolderAddsScenesMethod() throws Exception {
        Path scenes = sceneFolder();
        model.chosen().setAll("red");
        model.sceneFolderProperty().set(scenes);

        assertEquals(List.of("red", "scenes=" + scenes), model.specs());
        assertEquals(List.of(scenes.resolve("forest.png"), scenes.resolve("lake.png")), model.scenePhotos());

        model.mapping().setAll(new BackgroundsViewModel.SceneMapping("dog", List.of("forest.png")));
        model.saveMapping(temp.resolve("map.txt"));
        assertEquals(List.of("red", "scenes=" + scenes + ":" + temp.resolve("map.txt")), model.specs());
        assertEquals("# class name: scene photo files or subfolders, relative to the scene folder\ndog: forest.png\n",
                Files.readString(temp.resolve("map.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void mappingToMissingPhotoIsRejected() throws Exception {
        model.sceneFolderProperty().set(sceneFolder());
        model.mapping().setAll(new BackgroundsViewModel.SceneMapping("cat", List.of("desert.png")));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> model.saveMapping(temp.resolve("bad.txt")));

        assertTrue(error.getMessage().contains("scene photo 'desert.png' not found"), error.getMessage());
        assertNull(model.mappingFileProperty().get());
    }

    @Test
    void mappingFileLoadsIntoTable() throws Exception {
        Path file = Files.writeString(temp.resolve("in.txt"), "# comment\ncat: lake.png, sea/\n\ndog: forest.png\n");

        model.loadMapping(file);

        assertEquals(List.of(new BackgroundsViewModel.SceneMapping("cat", List.of("lake.png", "sea/")),
                new BackgroundsViewModel.SceneMapping("dog", List.of("forest.png"))), model.mapping());
        assertEquals(file, model.mappingFileProperty().get());
    }

    private Path sceneFolder() throws Exception {
        Path scenes = Files.createDirectories(temp.resolve("scenes"));
        ImageEncoder.writePng(new RgbImage(4, 4, new byte[48]), scenes.resolve("lake.png"));
        ImageEncoder.writePng(new RgbImage(4, 4, new byte[48]), scenes.resolve("forest.png"));
        return scenes;
    }

    private static void writeImage(Path file, int red) throws Exception {
        byte[] pixels = new byte[64 * 3];
        for (int pixel = 0; pixel < 64; pixel++) {
            int x = pixel % 8;
            int y = pixel / 8;
            boolean object = x >= 3 && x < 5 && y >= 3 && y < 5;
            pixels[pixel * 3] = (byte) (object ? 255 : red);
            pixels[pixel * 3 + 1] = (byte) (object ? 255 : 0);
            pixels[pixel * 3 + 2] = (byte) (object ? 255 : 0);
        }
        ImageEncoder.writePng(new RgbImage(8, 8, pixels), file);
    }
}
