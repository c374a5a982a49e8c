package org.backdrop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.backdrop.ProgressListener;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.curate.ReviewDecision;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.mask.Rle;
import org.backdrop.store.MaskUpdate;
import org.backdrop.store.ProjectStore;

/**
 * Times the project store at CIFAR-10 scale: saving 50,000 generated 32x32 masks in one transaction,
 * reading them all back on reopening, and single review decisions, each committed with
 * {@code synchronous=FULL}.
 *
 * <p>Run: {@code ./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}
 * then {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.backdrop.bench.ProjectStoreBenchmark [RUNS]}.
 * It prints each run's times and the medians.
 */
public final class ProjectStoreBenchmark {

    private static final int SAMPLES = 50_000;
    private static final int SIDE = 32;
    private static final int DECISIONS = 200;

    private ProjectStoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<MaskUpdate> masks = masks();
        double[] save = new double[runs];
        double[] load = new double[runs];
        double[] decision = new double[runs];
        for (int run = 0; run < runs; run++) {
            Path work = Files.createTempDirectory("store-bench");
            Path file = work.resolve("bench.backdrop");
            try (ProjectStore store = ProjectStore.create(file)) {
                long start = System.nanoTime();
                store.saveMasks(masks, ProgressListener.NONE);
                save[run] = seconds(start);
                decision[run] = medianDecisionMillis(store);
            }
            try (ProjectStore store = ProjectStore.open(file)) {
                long start = System.nanoTime();
                int read = store.currentMasks().size();
                load[run] = seconds(start);
                if (read != SAMPLES) {
                    throw new IllegalStateException("read " + read + " masks back, expected " + SAMPLES);
                }
            }
            System.out.printf("run %d: save %.2f s, load %.2f s, decision median %.2f ms, file %d MB%n", run + 1, save[run], load[run],
                    decision[run], Files.size(file) >> 20);
            delete(work);
        }
        System.out.printf("median: save %.2f s, load %.2f s, decision %.2f ms%n", median(save), median(load), median(decision));
    }

    /** Returns 32x32 masks, each one random rectangle, as stand-ins for GrabCut masks of CIFAR-10 images. */
    private static List<MaskUpdate> masks() {
        SplittableRandom random = new SplittableRandom(7);
        List<MaskUpdate> masks = new ArrayList<>(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            int x = random.nextInt(0, 16);
            int y = random.nextInt(0, 16);
            double[] box = {x, y, random.nextInt(4, SIDE - x), random.nextInt(4, SIDE - y)};
            masks.add(new MaskUpdate(Integer.toString(i), Rle.fromBox(box, SIDE, SIDE), MaskOrigin.GRABCUT));
        }
        return masks;
    }

    private static double medianDecisionMillis(ProjectStore store) throws Exception {
        double[] millis = new double[DECISIONS];
        for (int i = 0; i < DECISIONS; i++) {
            long start = System.nanoTime();
            store.record(new ReviewDecision(Integer.toString(i), ReviewStatus.ACCEPTED, Instant.now(), false));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(millis);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void delete(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
