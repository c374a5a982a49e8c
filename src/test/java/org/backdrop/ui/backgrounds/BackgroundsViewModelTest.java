package org.backdrop.ui.backgrounds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Sample;
import org.backdrop.image.RgbImage;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundsViewModelTest {

    @TempDir
    Path temp;

    private StudioSession session;
    private BackgroundsViewModel model;
    private Sample first;

    @BeforeEach
    void openDataset() throws Exception {
        session = StudioTestData.session(StudioTestData.write(temp));
        model = new BackgroundsViewModel(session);
        first = session.dataset().samples().get(0);
    }

    @Test
    void methodsLeaveOutFileArguments() {
        List<String> methods = BackgroundsViewModel.methods();

        assertTrue(methods.contains("noise-gaussian"));
        assertTrue(methods.contains("bg-random"));
        assertTrue(methods.contains("#rrggbb"));
        assertFalse(methods.stream().anyMatch(method -> method.startsWith("scenes") || method.startsWith("correlated")));
    }

    @Test
    void methodsListImageNet9Variants() {
        // The seven variants of the ImageNet-9 backgrounds challenge (Xiao et al., 2020), lower-cased.
        List<String> methods = BackgroundsViewModel.methods();

        for (String variant : List.of("only-fg", "no-fg", "only-bg-b", "only-bg-t", "mixed-same", "mixed-rand", "mixed-next")) {
            assertTrue(methods.contains(variant), variant);
        }
    }

    @Test
    void swatchesShowSolidColours() {
        model.colourProperty().set("#102030");

        assertEquals("#ff0000", model.swatch("red").orElseThrow());
        assertEquals("#ffffff", model.swatch("white").orElseThrow());
        // ImageNet-9's only-fg puts the object on black.
        assertEquals("#000000", model.swatch("only-fg").orElseThrow());
        assertEquals("#102030", model.swatch("#rrggbb").orElseThrow());
        assertTrue(model.swatch("noise-uniform").isEmpty());
        assertTrue(model.swatch("mean").isEmpty());
    }

    @Test
    void customColourReplacesPlaceholder() {
        model.chosen().setAll("#rrggbb", "red");
        model.colourProperty().set("#102030");

        assertEquals(List.of("red", "#102030"), model.specs());
    }

    @Test
    void redKeepsObjectAndPaintsBackground() {
        StudioTestData.giveMasks(session);
        model.chosen().setAll("red");

        List<BackgroundsViewModel.Tile> tiles = model.render(model.request(first), ProgressListener.NONE);

        assertEquals(1, tiles.size());
        RgbImage image = tiles.get(0).image();
        assertArrayEquals(new int[] {255, 255, 255}, image.rgb(5, 5), "object pixel");
        assertArrayEquals(new int[] {255, 0, 0}, image.rgb(0, 0), "background pixel");
    }

    @Test
    void sampleWithoutMaskIsRejected() {
        model.chosen().setAll("red");

        assertThrows(IllegalArgumentException.class, () -> model.render(model.request(first), ProgressListener.NONE));
    }
}
