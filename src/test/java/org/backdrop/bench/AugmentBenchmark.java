package org.backdrop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.backdrop.ProgressListener;
import org.backdrop.augment.AugmentJob;
import org.backdrop.augment.AugmentOptions;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.cifar.CifarReader;
import org.backdrop.mask.Rle;
import org.backdrop.segment.MaskFilter;
import org.backdrop.segment.MasksFile;
import org.backdrop.testing.TempFolders;

/**
 * Times {@code augment} on a CIFAR-10-shaped dataset: 50,000 generated 32x32 records in 5 binary batches,
 * masks already computed, written as 5 variants (red, green, blue, black, mean) in binary batches.
 *
 * <p>Run: {@code ./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}
 * then {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.backdrop.bench.AugmentBenchmark [RUNS] [THREADS]}.
 * It prints the wall time of each run of the whole job (mask file reading, checksum, compositing,
 * writing, manifest) and the median.
 */
public final class AugmentBenchmark {

    private static final int RECORDS = 50_000;
    private static final int PER_BATCH = 10_000;

    private AugmentBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Path work = Files.createTempDirectory("augment-bench");
        System.out.println("work folder: " + work + " (run with -Dbench.keep=true to keep it for augment_numpy.py)");
        Path input = Files.createDirectories(work.resolve("cifar"));
        writeBatches(input);
        Dataset dataset = new CifarReader().read(input, ReadOptions.defaults(), ProgressListener.NONE);
        Path masks = work.resolve("masks.json");
        writeMasks(dataset, masks);

        AugmentOptions options = new AugmentOptions(List.of("red", "green", "blue", "black", "mean"), Optional.of(masks), Optional.empty(),
                MaskFilter.none(), 0, 0, List.of(), 1, threads);
        double[] seconds = new double[runs];
        for (int run = 0; run < runs; run++) {
            Path out = work.resolve("out-" + run);
            long start = System.nanoTime();
            new AugmentJob(input, dataset, options).run(out, ProgressListener.NONE);
            seconds[run] = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %.2f s%n", run + 1, seconds[run]);
            TempFolders.deleteTree(out);
        }
        Arrays.sort(seconds);
        System.out.printf("median of %d runs with %d threads: %.2f s for %d images x 5 variants%n", runs, threads, seconds[runs / 2], RECORDS);
        if (Boolean.getBoolean("bench.keep")) {
            System.out.println("kept the input for augment_numpy.py in " + work + "; delete it afterwards");
        } else {
            TempFolders.deleteTree(work);
        }
    }

    /** Writes 5 batches of 10,000 records: noise backgrounds with a brighter square object of random size. */
    private static void writeBatches(Path folder) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        for (int batch = 0; batch < RECORDS / PER_BATCH; batch++) {
            byte[] bytes = new byte[PER_BATCH * 3073];
            for (int record = 0; record < PER_BATCH; record++) {
                int offset = record * 3073;
                bytes[offset] = (byte) random.nextInt(10);
                for (int i = 1; i < 3073; i++) {
                    bytes[offset + i] = (byte) random.nextInt(256);
                }
            }
            Files.write(folder.resolve("data_batch_" + (batch + 1) + ".bin"), bytes);
        }
        Files.writeString(folder.resolve("batches.meta.txt"), "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n");
    }

    private static void writeMasks(Dataset dataset, Path file) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<MasksFile.Entry> entries = new ArrayList<>();
        for (Sample sample : dataset.samples()) {
            int side = 8 + random.nextInt(20);
            int left = random.nextInt(32 - side);
            int top = random.nextInt(32 - side);
            byte[] mask = new byte[32 * 32];
            for (int y = top; y < top + side; y++) {
                Arrays.fill(mask, y * 32 + left, y * 32 + left + side, (byte) 1);
            }
            entries.add(new MasksFile.Entry(sample.id(), sample.image().describe(), sample.labels().get(0), Rle.fromRowMajor(mask, 32, 32), "annotations"));
        }
        MasksFile.write(file, entries);
    }
}
