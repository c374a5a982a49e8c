package org.backdrop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backdrop.ProgressListener;
import org.backdrop.augment.AugmentJob;
import org.backdrop.augment.AugmentOptions;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.voc.VocReader;
import org.backdrop.image.ImageEncoder;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.backdrop.segment.MaskFilter;
import org.backdrop.segment.MasksFile;
import org.backdrop.testing.TempFolders;

/**
 * Compares {@code augment} on VOC-sized JPEGs with the codec cost alone: decoding every image and
 * encoding it as the PNG the VOC writer produces, on the same number of threads. Masks are the union of
 * each image's boxes, computed before timing.
 *
 * <p>Run with a VOC folder (for example the 40-image fixture {@code voc/rodm_voc2012_detection}), which is
 * copied COPIES times (default 10) under new names:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.backdrop.bench.VocAugmentBenchmark VOC_DIR [RUNS] [THREADS] [COPIES]}.
 */
public final class VocAugmentBenchmark {

    private VocAugmentBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        int copies = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path work = Files.createTempDirectory("voc-augment-bench");
        Path input = replicate(Path.of(args[0]), work.resolve("voc"), copies);
        Dataset dataset = new VocReader().read(input, ReadOptions.defaults(), ProgressListener.NONE);
        Path masks = work.resolve("masks.json");
        MasksFile.write(masks, boxMasks(dataset));

        double[] codec = new double[runs];
        double[] augment = new double[runs];
        AugmentOptions options = new AugmentOptions(List.of("red"), Optional.of(masks), Optional.empty(), MaskFilter.none(), 0, 0,
                List.of(), 1, threads);
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            decodeAndEncode(dataset, work.resolve("codec-" + run), threads);
            codec[run] = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            new AugmentJob(input, dataset, options).run(work.resolve("augment-" + run), ProgressListener.NONE);
            augment[run] = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: codec %.2f s, augment %.2f s, ratio %.2f%n", run + 1, codec[run], augment[run], augment[run] / codec[run]);
            TempFolders.deleteTree(work.resolve("codec-" + run));
            TempFolders.deleteTree(work.resolve("augment-" + run));
        }
        Arrays.sort(codec);
        Arrays.sort(augment);
        System.out.printf("median of %d runs, %d images, %d threads: codec %.2f s, augment %.2f s, ratio %.2f%n",
                runs, dataset.samples().size(), threads, codec[runs / 2], augment[runs / 2], augment[runs / 2] / codec[runs / 2]);
        TempFolders.deleteTree(work);
    }

    /**
     * Copies the VOC folder's annotations and JPEGs {@code copies} times under new file stems, so that the
     * fixed costs of a run (checksum, manifest, JIT warm-up) weigh as little as in a real dataset.
     */
    static Path replicate(Path source, Path target, int copies) throws Exception {
        Files.createDirectories(target.resolve("Annotations"));
        Files.createDirectories(target.resolve("JPEGImages"));
        try (var xmls = Files.list(source.resolve("Annotations"))) {
            for (Path xml : xmls.sorted().toList()) {
                String stem = xml.getFileName().toString().replace(".xml", "");
                String text = Files.readString(xml);
                for (int copy = 0; copy < copies; copy++) {
                    String newStem = stem + "_" + copy;
                    Files.writeString(target.resolve("Annotations/" + newStem + ".xml"), text.replace(stem + ".jpg", newStem + ".jpg"));
                    Files.copy(source.resolve("JPEGImages/" + stem + ".jpg"), target.resolve("JPEGImages/" + newStem + ".jpg"));
                }
            }
        }
        return target;
    }

    static List<MasksFile.Entry> boxMasks(Dataset dataset) {
        List<MasksFile.Entry> entries = new ArrayList<>();
        for (Sample sample : dataset.samples()) {
            byte[] mask = new byte[sample.width() * sample.height()];
            for (Annotation annotation : sample.annotations()) {
                int x0 = (int) Math.max(0, annotation.box().x());
                int y0 = (int) Math.max(0, annotation.box().y());
                int x1 = (int) Math.min(sample.width(), annotation.box().x() + annotation.box().width());
                int y1 = (int) Math.min(sample.height(), annotation.box().y() + annotation.box().height());
                for (int y = y0; y < y1; y++) {
                    Arrays.fill(mask, y * sample.width() + x0, y * sample.width() + Math.max(x0, x1), (byte) 1);
                }
            }
            entries.add(new MasksFile.Entry(sample.id(), sample.image().describe(), 0, Rle.fromRowMajor(mask, sample.width(), sample.height()), "boxes"));
        }
        return entries;
    }

    private static void decodeAndEncode(Dataset dataset, Path out, int threads) throws Exception {
        Files.createDirectories(out);
        DatasetImages images = new DatasetImages();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (Sample sample : dataset.samples()) {
                tasks.add(pool.submit(() -> {
                    RgbImage image = images.load(dataset, sample);
                    Files.write(out.resolve(sample.id() + ".png"), ImageEncoder.encodePng(image));
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
