package org.backdrop.dataset.coco;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;

/**
 * Measures how long {@link CocoReader} takes to load a COCO file and how much heap it needs.
 *
 * <p>{@code CocoLoadBenchmark FILE [RUNS] [MAX_HEAP]} starts RUNS fresh JVMs (default 5) with
 * {@code -XmxMAX_HEAP} (default {@code 1g}) on the same class path. Each loads FILE once and reports
 * the wall time of {@link CocoReader#read} and the CPU time of the thread that calls it, the peak heap (the sum of the peak usage of every heap
 * memory pool since the JVM started, an upper bound of the true peak), the heap still used after a
 * full collection with the dataset reachable, and the time to build every sample record. The runner
 * prints each run and the medians.
 *
 * <p>{@code CocoLoadBenchmark --single FILE} does one run in this JVM and prints one line of
 * tab-separated numbers.
 */
public final class CocoLoadBenchmark {

    private CocoLoadBenchmark() {}

    public static void main(String[] args) throws IOException, InterruptedException, DatasetException {
        if (args.length >= 2 && args[0].equals("--single")) {
            System.out.println(runOnce(Path.of(args[1])));
            return;
        }
        if (args.length < 1) {
            System.err.println("usage: CocoLoadBenchmark FILE [RUNS] [MAX_HEAP]");
            System.exit(1);
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String maxHeap = args.length > 2 ? args[2] : "1g";
        runChildren(args[0], runs, maxHeap);
    }

    private static String runOnce(Path file) throws DatasetException {
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Dataset dataset = new CocoReader().read(file, ReadOptions.defaults(), ProgressListener.NONE);
        long loadNanos = System.nanoTime() - start;
        long loadCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart;
        long peakHeap = peakHeapBytes();

        start = System.nanoTime();
        long annotations = 0;
        for (Sample sample : dataset.samples()) {
            annotations += sample.annotations().size();
        }
        long buildNanos = System.nanoTime() - start;

        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.join("\t",
                Long.toString(loadNanos / 1_000_000),
                Long.toString(loadCpuNanos / 1_000_000),
                Long.toString(peakHeap >> 20),
                Long.toString(retained >> 20),
                Long.toString(buildNanos / 1_000_000),
                Integer.toString(dataset.samples().size()),
                Long.toString(annotations),
                Integer.toString(dataset.invalid().size()));
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void runChildren(String file, int runs, String maxHeap) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<long[]> results = new ArrayList<>();
        System.out.println("run\tload ms\treading thread CPU ms\tpeak heap MiB\tretained MiB\tbuild all samples ms\timages\tannotations\tinvalid");
        for (int run = 1; run <= runs; run++) {
            Process child = new ProcessBuilder(java, "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
                    CocoLoadBenchmark.class.getName(), "--single", file)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String line = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (child.waitFor() != 0) {
                System.err.println("run " + run + " failed with exit code " + child.exitValue());
                System.exit(1);
            }
            String last = line.substring(line.lastIndexOf('\n') + 1);
            System.out.println(run + "\t" + last);
            results.add(Arrays.stream(last.split("\t")).mapToLong(Long::parseLong).toArray());
        }
        System.out.printf("median\tload %d ms\treading thread CPU %d ms\tpeak heap %d MiB\tretained %d MiB\tbuild all samples %d ms%n",
                median(results, 0), median(results, 1), median(results, 2), median(results, 3), median(results, 4));
    }

    private static long median(List<long[]> results, int column) {
        long[] values = results.stream().mapToLong(result -> result[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
