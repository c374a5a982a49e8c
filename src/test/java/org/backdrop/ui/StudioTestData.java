package org.backdrop.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.backdrop.ProgressListener;
import org.backdrop.curate.ReviewState;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.mask.Rle;
import org.backdrop.ui.task.TaskRunner;

/**
 * A tiny class-folder dataset for the studio's tests: classes {@code cat} and {@code dog}, three
 * 16x16 PNGs each, black with a white 4x4 square at (4, 4) as the object.
 */
public final class StudioTestData {

    /** The side of each test image in pixels. */
    public static final int SIDE = 16;

    /** The object's pixels in each test image: a 4x4 square. */
    public static final int OBJECT_PIXELS = 16;

    private StudioTestData() {}

    /** Writes the dataset into {@code root}/data and returns that folder. */
    public static Path write(Path root) throws IOException {
        Path data = root.resolve("data");
        for (String label : new String[] {"cat", "dog"}) {
            Path folder = Files.createDirectories(data.resolve(label));
            for (int i = 0; i < 3; i++) {
                BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D graphics = image.createGraphics();
                graphics.setColor(Color.WHITE);
                graphics.fillRect(4, 4, 4, 4);
                graphics.dispose();
                ImageIO.write(image, "png", folder.resolve(label + i + ".png").toFile());
            }
        }
        return data;
    }

    /** Reads the dataset at {@code data} with the detected reader. */
    public static Dataset read(Path data) throws Exception {
        return DatasetReaders.detect(data).read(data, ReadOptions.defaults(), ProgressListener.NONE);
    }

    /** Returns a session with the dataset at {@code data} open and its review file beside it. */
    public static StudioSession session(Path data) throws Exception {
        return session(data, new TaskRunner(Runnable::run));
    }

    /** Returns a session as {@link #session(Path)} does, running tasks with {@code tasks}. */
    public static StudioSession session(Path data, TaskRunner tasks) throws Exception {
        return session(data, tasks, ReviewState.fileFor(data));
    }

    /**
     * Returns a session whose review decisions go to {@code reviewFile}; tests on the shared fixtures pass a
     * temporary file, so that no review file is written beside the fixture.
     */
    public static StudioSession session(Path data, TaskRunner tasks, Path reviewFile) throws Exception {
        StudioSession session = new StudioSession(tasks);
        session.open(read(data), ReviewState.open(reviewFile));
        return session;
    }

    /** Returns the object's mask of one test image: the 4x4 square at (4, 4). */
    public static Rle squareMask() {
        byte[] mask = new byte[SIDE * SIDE];
        for (int y = 4; y < 8; y++) {
            for (int x = 4; x < 8; x++) {
                mask[y * SIDE + x] = 1;
            }
        }
        return Rle.fromRowMajor(mask, SIDE, SIDE);
    }

    /** Gives every sample of the session the square mask except {@code without}. */
    public static void giveMasks(StudioSession session, String... without) {
        Map<String, Rle> masks = new HashMap<>();
        session.dataset().samples().forEach(sample -> masks.put(sample.id(), squareMask()));
        for (String id : without) {
            masks.remove(id);
        }
        session.setMasks(masks, Map.of());
    }
}
