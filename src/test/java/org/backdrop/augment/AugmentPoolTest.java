package org.backdrop.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.backdrop.background.PixelBox;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.junit.jupiter.api.Test;

class AugmentPoolTest {

    @Test
    void objectBoxMatchesPixelScan() {
        Random random = new Random(3);
        List<Sample> samples = new ArrayList<>();
        List<Rle> masks = new ArrayList<>();
        List<byte[]> pixels = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int width = 1 + random.nextInt(40);
            int height = 1 + random.nextInt(40);
            byte[] mask = new byte[width * height];
            int blobs = random.nextInt(4);
            for (int blob = 0; blob < blobs; blob++) {
                int x = random.nextInt(width);
                int y = random.nextInt(height);
                mask[y * width + x] = 1;
                if (x + 1 < width) {
                    mask[y * width + x + 1] = 1;
                }
            }
            samples.add(new Sample(Integer.toString(i), new ImageRef.File(i + ".png"), width, height, List.of(), List.of()));
            masks.add(Rle.fromRowMajor(mask, width, height));
            pixels.add(mask);
        }
        Dataset dataset = new Dataset(DatasetFormat.FOLDER, Path.of("."), List.of(), samples, List.of());

        AugmentPool pool = new AugmentPool(dataset, samples, masks, null);

        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            assertEquals(PixelBox.enclosing(pixels.get(i), sample.width(), sample.height()), pool.annotatedBox(i), "sample " + i);
        }
    }
}
