package org.backdrop.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackgroundsTest {

    @Test
    void namesParseToTheirMethods() {
        Map<String, String> expectedNames = Map.ofEntries(
                Map.entry("red", "red"),
                Map.entry("WHITE", "white"),
                Map.entry("#A0B0C0", "#a0b0c0"),
                Map.entry("noise-bw", "noise-bw"),
                Map.entry("noise-uniform", "noise-uniform"),
                Map.entry("noise-gaussian", "noise-gaussian=127.5,50"),
                Map.entry("noise-gaussian=100,20", "noise-gaussian=100,20"),
                Map.entry("bg-random", "bg-random=inpaint"),
                Map.entry("bg-same-class=tile", "bg-same-class=tile"),
                Map.entry("bg-other-class", "bg-other-class=inpaint"),
                Map.entry("bg-next-class=TILE", "bg-next-class=tile"),
                Map.entry("mean", "mean"),
                Map.entry("mean=64x48", "mean"),
                Map.entry("only-fg", "only-fg"),
                Map.entry("no-fg", "no-fg"),
                Map.entry("only-bg-b", "only-bg-b"),
                Map.entry("only-bg-t", "only-bg-t"),
                Map.entry("mixed-same", "mixed-same"),
                Map.entry("mixed-rand", "mixed-rand"),
                Map.entry("mixed-next", "mixed-next"));

        expectedNames.forEach((spec, name) -> assertEquals(name, Backgrounds.parse(spec).name(), spec));
    }

    @Test
    void mixedVariantsTileDonorBackgrounds() {
        OtherSampleBackground mixedRand = (OtherSampleBackground) Backgrounds.parse("mixed-rand");

        assertEquals(DonorRule.RANDOM_CLASS, mixedRand.rule());
        assertEquals(HoleFill.TILE, mixedRand.fill());
    }

    @Test
    void meanWithGridParsesSize() {
        assertInstanceOf(MeanBackground.class, Backgrounds.parse("mean=224x224"));
    }

    @Test
    void unknownNameListsValidNames() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Backgrounds.parse("purple"));

        assertTrue(error.getMessage().contains("'purple'"), error.getMessage());
        assertTrue(error.getMessage().contains("noise-bw"), error.getMessage());
        assertTrue(error.getMessage().contains("mixed-rand"), error.getMessage());
    }

    @Test
    void argumentOnColourIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Backgrounds.parse("red=1"));
    }

    @Test
    void invalidHoleFillIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Backgrounds.parse("bg-random=blur"));
    }

    @Test
    void invalidMeanGridIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Backgrounds.parse("mean=64"));
    }

    @Test
    void scenesWithoutFolderIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Backgrounds.parse("scenes"));
    }

    @Test
    void correlatedWithoutFileIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Backgrounds.parse("correlated=0.9"));
    }

    @Test
    void splitPathsKeepsDriveLetters() {
        assertEquals(List.of("C:\\photos", "D:/maps/map.txt"), Backgrounds.splitPaths("C:\\photos:D:/maps/map.txt"));
    }

    @Test
    void splitPathsSplitsUnixPaths() {
        assertEquals(List.of("/data/scenes", "map.txt"), Backgrounds.splitPaths("/data/scenes:map.txt"));
    }

    @Test
    void splitPathsKeepsSinglePath() {
        assertEquals(List.of("scenes"), Backgrounds.splitPaths("scenes"));
    }
}
