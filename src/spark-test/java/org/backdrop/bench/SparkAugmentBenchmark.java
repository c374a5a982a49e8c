package org.backdrop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.backdrop.ProgressListener;
import org.backdrop.augment.AugmentJob;
import org.backdrop.augment.AugmentOptions;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.voc.VocReader;
import org.backdrop.engine.DistributedEngine;
import org.backdrop.engine.Engines;
import org.backdrop.segment.MaskFilter;
import org.backdrop.segment.MasksFile;

/**
 * Times {@code augment} of VOC-sized datasets with the local engine (1 and 2 threads) and with Spark
 * ({@code local[1]} and {@code local[2]}: 1 and 2 executor cores), and Spark's cost per job start: starting
 * and stopping a Spark application, and the whole run of a 40-image job on Spark against the same job
 * run locally. Each timed run includes everything the command does except reading the dataset and the
 * JVM start: checksum, rendering, writing, manifest, and for Spark starting and stopping the application.
 *
 * <p>Build with {@code ./mvnw -o -q -Pspark test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt},
 * then run with Spark's Java 17 options:
 * {@code java $SPARK_JAVA_OPTIONS -cp target/classes:target/test-classes:$(cat target/cp.txt) org.backdrop.bench.SparkAugmentBenchmark VOC_DIR [COPIES] [RUNS] [SCALING_COPIES]}.
 * With the 40-image {@code voc/rodm_voc2012_detection} fixture, 500 copies make 20,000 images; that job runs
 * with 2 threads and on {@code local[2]}, and a job of SCALING_COPIES copies runs on 1 and 2 of each.
 */
public final class SparkAugmentBenchmark {

    private SparkAugmentBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int scalingCopies = args.length > 3 ? Integer.parseInt(args[3]) : copies;
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        Path work = Files.createTempDirectory("spark-augment-bench");
        try {
            Path small = VocAugmentBenchmark.replicate(source, work.resolve("voc-small"), 1);
            Path large = VocAugmentBenchmark.replicate(source, work.resolve("voc-large"), copies);
            startCost(3);
            int smallImages = measure("40-image job", small, work, runs + 2, List.of("local-2", "spark-local[2]"));
            System.out.printf("(%d images)%n", smallImages);
            measure(copies * 40 + "-image job", large, work, runs, List.of("local-2", "spark-local[2]"));
            delete(large);
            Path scaling = VocAugmentBenchmark.replicate(source, work.resolve("voc-scaling"), scalingCopies);
            measure(scalingCopies * 40 + "-image job", scaling, work, runs, List.of("local-1", "spark-local[1]", "local-2", "spark-local[2]"));
        } finally {
            delete(work);
        }
    }

    /** Prints the median time to start and stop a Spark application on local[2]. */
    private static void startCost(int runs) throws Exception {
        double[] seconds = new double[runs];
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            try (DistributedEngine engine = Engines.spark("local[2]")) {
                engine.augment();
            }
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        double first = seconds[0];
        Arrays.sort(seconds);
        System.out.printf("Spark application start and stop on local[2]: median %.2f s of %d (first in this JVM %.2f s)%n", seconds[runs / 2], runs, first);
    }

    private static int measure(String label, Path input, Path work, int runs, List<String> engines) throws Exception {
        Dataset dataset = new VocReader().read(input, ReadOptions.defaults(), ProgressListener.NONE);
        Path masks = work.resolve("masks-" + input.getFileName() + ".json");
        MasksFile.write(masks, VocAugmentBenchmark.boxMasks(dataset));
        int images = dataset.samples().size();
        for (String engine : engines) {
            List<Double> seconds = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                Path out = work.resolve("out");
                int threads = engine.startsWith("local-") ? Integer.parseInt(engine.substring("local-".length())) : 2;
                AugmentOptions options = new AugmentOptions(List.of("red"), Optional.of(masks), Optional.empty(), MaskFilter.none(), 0, 0,
                        List.of(), 1, threads);
                long start = System.nanoTime();
                if (engine.startsWith("spark-")) {
                    try (DistributedEngine spark = Engines.spark(engine.substring("spark-".length()))) {
                        new AugmentJob(input, dataset, options).withEngine(spark.augment()).run(out, ProgressListener.NONE);
                    }
                } else {
                    new AugmentJob(input, dataset, options).run(out, ProgressListener.NONE);
                }
                seconds.add((System.nanoTime() - start) / 1e9);
                delete(out);
            }
            seconds.sort(Comparator.naturalOrder());
            double median = seconds.get(seconds.size() / 2);
            System.out.printf("%s, %s: median %.2f s of %d runs %s, %.1f images/s%n", label, engine, median, runs, seconds, images / median);
        }
        return images;
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
