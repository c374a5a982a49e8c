package org.backdrop.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.backdrop.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same 200 samples composed on one thread in order and on four threads in reverse order give the same bytes. */
class ThreadDeterminismTest {

    private static final int SAMPLES = 200;
    private static final long RUN_SEED = 77;

    @TempDir
    Path folder;

    @Test
    void oneAndFourThreadsMatch() throws Exception {
        InMemoryPool pool = pool();
        List<String> names = new ArrayList<>(List.of(
                "red", "#336699", "noise-bw", "noise-uniform", "noise-gaussian", "mean",
                "bg-random", "bg-same-class=tile", "bg-other-class", "bg-next-class=tile",
                "only-fg", "no-fg", "only-bg-b", "only-bg-t", "mixed-same", "mixed-rand", "mixed-next"));
        names.add("scenes=" + writeScenes());
        names.add("correlated=0.8:" + writeGroups());

        for (String name : names) {
            Background background = Backgrounds.parse(name).prepare(pool, ProgressListener.NONE);
            for (Compositor compositor : List.of(Compositor.HARD, Compositor.feathered(1.2).withDilation(1))) {
                byte[][] sequential = composeAll(background, compositor, pool, 1);
                byte[][] parallel = composeAll(background, compositor, pool, 4);
                for (int i = 0; i < SAMPLES; i++) {
                    assertArrayEquals(sequential[i], parallel[i], name + " " + compositor + " sample " + i);
                }
            }
        }
    }

    private static byte[][] composeAll(Background background, Compositor compositor, InMemoryPool pool, int threads)
            throws InterruptedException, ExecutionException {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int k = 0; k < SAMPLES; k++) {
                int index = threads == 1 ? k : SAMPLES - 1 - k;
                futures.add(executor.submit(
                        () -> background.compose(pool.request(index, RUN_SEED, background.name()), compositor).pixels()));
            }
            byte[][] results = new byte[SAMPLES][];
            for (int k = 0; k < SAMPLES; k++) {
                int index = threads == 1 ? k : SAMPLES - 1 - k;
                results[index] = futures.get(k).get();
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    /** 200 samples of 12x10 in 4 classes, each with a box object that moves with the index. */
    private static InMemoryPool pool() {
        InMemoryPool pool = new InMemoryPool();
        for (int i = 0; i < SAMPLES; i++) {
            byte[] pixels = TestImages.coordinates(12, 10).pixels();
            for (int p = 0; p < pixels.length; p += 3) {
                pixels[p + 2] = (byte) (i * 7);
            }
            byte[] mask = TestImages.rectangle(12, 10, 1 + i % 5, 2 + i % 3, 4, 5);
            pool.add("img_" + i, i % 4, new org.backdrop.image.RgbImage(12, 10, pixels), mask);
        }
        return pool;
    }

    private Path writeScenes() throws IOException {
        Path scenes = Files.createDirectories(folder.resolve("scenes"));
        for (int k = 0; k < 3; k++) {
            BufferedImage image = new BufferedImage(20 + 5 * k, 16, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, (x * 9 << 16) | (y * 13 << 8) | k * 80);
                }
            }
            ImageIO.write(image, "png", scenes.resolve("scene_" + k + ".png").toFile());
        }
        return scenes;
    }

    private Path writeGroups() throws IOException {
        return Files.writeString(folder.resolve("groups.txt"), """
                group first: scenes/scene_0.png, scenes/scene_1.png
                group second: scenes/scene_2.png
                class 0: first
                class 1: second
                class 2: first
                class 3: second
                """);
    }
}
