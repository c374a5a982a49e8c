package org.backdrop.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.folder.FolderReader;
import org.backdrop.image.ImageEncoder;
import org.backdrop.image.RgbImage;
import org.backdrop.testing.SharedData;

/** Datasets for training tests: generated ones and subsets of the CIFAR-10 fixture images. */
public final class TrainingData {

    private TrainingData() {}

    /**
     * Writes an image folder with {@code perClass} 32×32 PNGs in each of two classes, "dark" (pixel
     * values 0 to 99) and "light" (156 to 255), and reads it back.
     */
    public static Dataset generated(Path folder, int perClass) throws IOException, DatasetException {
        Random random = new Random(7);
        String[] classes = {"dark", "light"};
        for (int c = 0; c < classes.length; c++) {
            Path classFolder = Files.createDirectories(folder.resolve(classes[c]));
            for (int i = 0; i < perClass; i++) {
                byte[] pixels = new byte[32 * 32 * 3];
                for (int p = 0; p < pixels.length; p++) {
                    pixels[p] = (byte) (c * 156 + random.nextInt(100));
                }
                ImageEncoder.writePng(new RgbImage(32, 32, pixels), classFolder.resolve(String.format("%03d.png", i)));
            }
        }
        return read(folder);
    }

    /** Returns the first {@code perClass} images of each class of the CIFAR-10 fixture JPEGs, or skips. */
    static Dataset cifarFixture(int perClass) throws DatasetException {
        Dataset all = read(SharedData.fixture("cifar10/test_images_jpg"));
        Map<Integer, Integer> taken = new HashMap<>();
        List<Sample> kept = new ArrayList<>();
        for (Sample sample : all.samples()) {
            int label = sample.labels().get(0);
            if (taken.merge(label, 1, Integer::sum) <= perClass) {
                kept.add(sample);
            }
        }
        return new Dataset(all.format(), all.root(), all.categories(), kept, all.invalid());
    }

    private static Dataset read(Path folder) throws DatasetException {
        return new FolderReader().read(folder, ReadOptions.defaults(), ProgressListener.NONE);
    }
}
