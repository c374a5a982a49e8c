package org.backdrop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times whole {@code backdrop eval-det} processes, several launch configurations in alternation so that
 * a changing load on a shared machine affects them alike. Each run goes through {@code /usr/bin/time}
 * (Debian package {@code time}) for CPU time and maximum RSS. Every configuration's standard output
 * must be byte for byte the first one's, so a faster configuration cannot change the numbers.
 *
 * <p>Arguments: {@code RUNS CASE_FOLDER bbox|segm LABEL=COMMAND ...}, where COMMAND is the launcher
 * with its JVM options, split on spaces, such as {@code new=java -jar target/backdrop.jar} or
 * {@code script=installer/backdrop}. The case folder is one that {@code BenchmarkCaseGenerator} wrote.
 * Prints one line per run and the medians.
 */
public final class EvalDetProcessBenchmark {

    private EvalDetProcessBenchmark() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 4) {
            System.err.println("usage: EvalDetProcessBenchmark RUNS CASE_FOLDER bbox|segm LABEL=COMMAND [LABEL=COMMAND ...]");
            System.exit(1);
        }
        int runs = Integer.parseInt(args[0]);
        Path caseFolder = Path.of(args[1]);
        boolean segm = args[2].equals("segm");
        List<String> evalArgs = List.of("eval-det", "--gt", caseFolder.resolve("gt.json").toString(), "--dt",
                caseFolder.resolve(segm ? "dt.json" : "dt_bbox.json").toString(), "--iou-type", args[2], "--json");
        Map<String, List<String>> configs = new LinkedHashMap<>();
        for (String config : Arrays.copyOfRange(args, 3, args.length)) {
            int equals = config.indexOf('=');
            configs.put(config.substring(0, equals), List.of(config.substring(equals + 1).split(" ")));
        }

        Path work = Files.createTempDirectory("eval-det-bench");
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        byte[] reference = null;
        for (int run = 1; run <= runs; run++) {
            for (Map.Entry<String, List<String>> config : configs.entrySet()) {
                double[] measured = runOnce(config.getValue(), evalArgs, work);
                byte[] output = Files.readAllBytes(work.resolve("out.json"));
                if (reference == null) {
                    reference = output;
                } else if (!Arrays.equals(reference, output)) {
                    throw new IllegalStateException(config.getKey() + " printed other numbers than " + configs.keySet().iterator().next());
                }
                results.computeIfAbsent(config.getKey(), key -> new ArrayList<>()).add(measured);
                System.out.printf(Locale.ROOT, "run %d %-10s wall %.2f s  cpu %.2f s  rss %.0f MiB%n", run, config.getKey(), measured[0],
                        measured[1], measured[2]);
            }
        }
        for (Map.Entry<String, List<double[]>> entry : results.entrySet()) {
            System.out.printf(Locale.ROOT, "median %-10s wall %.2f s  cpu %.2f s  rss %.0f MiB%n", entry.getKey(), median(entry.getValue(), 0),
                    median(entry.getValue(), 1), median(entry.getValue(), 2));
        }
        for (String file : List.of("out.json", "err.txt", "time.txt")) {
            Files.deleteIfExists(work.resolve(file));
        }
        Files.delete(work);
    }

    /** Returns wall seconds, CPU seconds (user + system) and maximum RSS in MiB of one run. */
    private static double[] runOnce(List<String> launcher, List<String> evalArgs, Path work) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S %M", "-o", work.resolve("time.txt").toString()));
        command.addAll(launcher);
        command.addAll(evalArgs);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(work.resolve("out.json").toFile())
                .redirectError(work.resolve("err.txt").toFile()).start();
        int status = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with status " + status + ": "
                    + Files.readString(work.resolve("err.txt")));
        }
        String[] time = Files.readString(work.resolve("time.txt")).trim().split("\\s+");
        int n = time.length;
        return new double[] {wall, Double.parseDouble(time[n - 3]) + Double.parseDouble(time[n - 2]), Double.parseDouble(time[n - 1]) / 1024};
    }

    private static double median(List<double[]> values, int column) {
        double[] sorted = values.stream().mapToDouble(value -> value[column]).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
