package org.backdrop.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backdrop.ProgressListener;
import org.backdrop.image.RgbImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelatedBackgroundTest {

    private static final String GROUPS = """
            # water photos are blue, land photos green, sky photos white
            group water: water/
            group land: land/, meadow.png
            class waterbird: water
            class landbird: land
            """;

    @TempDir
    Path folder;

    @BeforeEach
    void writePhotos() throws IOException {
        Files.createDirectories(folder.resolve("water"));
        Files.createDirectories(folder.resolve("land"));
        TestImages.writeSolidPng(folder.resolve("water/lake.png"), 3, 3, 0x0000FF);
        TestImages.writeSolidPng(folder.resolve("water/sea.png"), 3, 3, 0x0000FF);
        TestImages.writeSolidPng(folder.resolve("land/forest.png"), 3, 3, 0x00FF00);
        TestImages.writeSolidPng(folder.resolve("meadow.png"), 3, 3, 0x00FF00);
        TestImages.writeSolidPng(folder.resolve("sky.png"), 3, 3, 0xFFFFFF);
    }

    @Test
    void ownGroupShareIsNearProbability() throws IOException {
        CorrelatedBackground correlated = parse(0.9, GROUPS);
        InMemoryPool pool = pool(1000);

        int own = 0;
        for (int i = 0; i < pool.size(); i++) {
            own += correlated.assign(pool.request(i, 2024, "correlated")).ownGroup() ? 1 : 0;
        }

        // Binomial(1000, 0.9): mean 900, standard deviation sqrt(1000 * 0.9 * 0.1) = 9.5; 4 deviations is 38.
        assertEquals(900, own, 38);
    }

    @Test
    void ownGroupShareHoldsPerClass() throws IOException {
        CorrelatedBackground correlated = parse(0.9, GROUPS);
        InMemoryPool pool = pool(1000);

        int[] own = new int[2];
        for (int i = 0; i < pool.size(); i++) {
            own[pool.label(i)] += correlated.assign(pool.request(i, 2024, "correlated")).ownGroup() ? 1 : 0;
        }

        // Binomial(500, 0.9): mean 450, standard deviation 6.7; 4 deviations is 27.
        assertEquals(450, own[0], 27);
        assertEquals(450, own[1], 27);
    }

    @Test
    void probabilityZeroGivesOtherGroupOnly() throws IOException {
        CorrelatedBackground correlated = parse(0, GROUPS);
        InMemoryPool pool = pool(50);

        for (int i = 0; i < pool.size(); i++) {
            CorrelatedBackground.Assignment assignment = correlated.assign(pool.request(i, 1, "correlated"));
            String expectedGroup = pool.label(i) == 0 ? "land" : "water";
            assertEquals(expectedGroup, assignment.group());
        }
    }

    @Test
    void renderUsesAssignedGroupPhoto() throws IOException {
        CorrelatedBackground correlated = parse(1, GROUPS);
        InMemoryPool pool = pool(4);

        RgbImage waterbird = correlated.render(pool.request(0, 1, "correlated"));
        RgbImage landbird = correlated.render(pool.request(1, 1, "correlated"));

        assertArrayEquals(new int[] {0, 0, 255}, waterbird.rgb(0, 0));
        assertArrayEquals(new int[] {0, 255, 0}, landbird.rgb(0, 0));
    }

    @Test
    void otherGroupsShareTheRest() throws IOException {
        CorrelatedBackground correlated = parse(0, GROUPS + "group sky: sky.png\n");
        InMemoryPool pool = pool(400);

        int sky = 0;
        for (int i = 0; i < pool.size(); i += 2) {
            sky += correlated.assign(pool.request(i, 3, "correlated")).group().equals("sky") ? 1 : 0;
        }

        // 200 waterbirds split uniformly between land and sky: mean 100, standard deviation 7.1; 4 deviations is 28.
        assertEquals(100, sky, 28);
    }

    @Test
    void prepareRejectsClassWithoutGroup() throws IOException {
        CorrelatedBackground correlated = parse(0.5, GROUPS);
        InMemoryPool pool = new InMemoryPool(Map.of(0, "waterbird", 2, "penguin"))
                .add("a", 0, TestImages.solid(2, 2, 0, 0, 0), new byte[4])
                .add("b", 2, TestImages.solid(2, 2, 0, 0, 0), new byte[4]);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> correlated.prepare(pool, ProgressListener.NONE));

        assertTrue(error.getMessage().contains("penguin"), error.getMessage());
    }

    @Test
    void unknownGroupNamesLine() throws IOException {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> parse(0.5, GROUPS + "class penguin: ice\n"));

        assertTrue(error.getMessage().contains("groups.txt:6"), error.getMessage());
    }

    @Test
    void singleGroupIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> parse(0.5, "group water: water/\nclass waterbird: water\n"));
    }

    @Test
    void probabilityAboveOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> parse(1.5, GROUPS));
    }

    private CorrelatedBackground parse(double probability, String groups) throws IOException {
        Path file = Files.writeString(folder.resolve("groups.txt"), groups);
        return (CorrelatedBackground) Backgrounds.parse("correlated=" + probability + ":" + file);
    }

    /** Returns {@code count} 2x2 samples alternating between waterbird (0) and landbird (1). */
    private static InMemoryPool pool(int count) {
        InMemoryPool pool = new InMemoryPool(Map.of(0, "waterbird", 1, "landbird"));
        for (int i = 0; i < count; i++) {
            pool.add("bird_" + i, i % 2, TestImages.solid(2, 2, 0, 0, 0), new byte[4]);
        }
        return pool;
    }
}
