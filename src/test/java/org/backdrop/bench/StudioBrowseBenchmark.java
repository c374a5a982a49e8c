package org.backdrop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.image.ImageView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.backdrop.ui.StudioHarness;

/**
 * Opens a generated 50,000-sample CIFAR-10-shaped dataset (5 binary batches) in the studio. It measures
 * the time until the first screen of thumbnails shows and the heap after loading. Then it times the
 * JavaFX pulses while the thumbnail grid scrolls from the first row to the last.
 *
 * <p>A pulse's work is timed from the animation timer that scrolls the grid (the first step of a pulse)
 * to the scene's post-layout pulse listener, so it covers the scroll, CSS and layout with the cell
 * updates. The frame interval is the time between consecutive pulses, which also counts the thumbnail
 * callbacks that run on the JavaFX thread between pulses. Rendering runs on JavaFX's render thread
 * and is not in either number. On a machine shared with other work, a pulse also waits for the CPU,
 * so the JavaFX thread's CPU time within each pulse is reported as well.
 *
 * <p>Run headless with Monocle, from the repository root after {@code ./mvnw -q -B -o test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}:
 * {@code java -Xmx2g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp
 * "target/test-classes:target/classes:$(cat target/cp.txt)" org.backdrop.bench.StudioBrowseBenchmark [PIXELS_PER_FRAME]}. The generated batches (about 150 MB) go to a temporary
 * folder that is deleted at the end.
 */
public final class StudioBrowseBenchmark {

    private static final int RECORDS = 50_000;
    private static final int PER_BATCH = 10_000;
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    private StudioBrowseBenchmark() {}

    public static void main(String[] args) throws Exception {
        double pixelsPerFrame = args.length > 0 ? Double.parseDouble(args[0]) : 1000;
        Path work = Files.createTempDirectory("studio-bench");
        try {
            Path data = Files.createDirectories(work.resolve("cifar"));
            writeBatches(data);
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(30, TimeUnit.SECONDS);
            run(data, pixelsPerFrame);
        } finally {
            deleteTree(work);
            Platform.exit();
        }
    }

    private static void run(Path data, double pixelsPerFrame) throws Exception {
        CompletableFuture<StudioHarness> shown = new CompletableFuture<>();
        Stage[] stage = new Stage[1];
        Platform.runLater(() -> {
            stage[0] = new Stage();
            shown.complete(new StudioHarness(stage[0], WIDTH, HEIGHT));
        });
        StudioHarness harness = shown.get(30, TimeUnit.SECONDS);
        Scene scene = harness.scene();

        CompletableFuture<long[]> thumbnails = new CompletableFuture<>();
        com.sun.management.OperatingSystemMXBean system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processCpuStart = system.getProcessCpuTime();
        long start = System.nanoTime();
        Platform.runLater(() -> harness.open(data, dataset -> waitForThumbnails(scene, start, thumbnails)));
        long[] times = thumbnails.get(120, TimeUnit.SECONDS);
        System.out.printf("dataset read and shown: %.3f s%n", (times[0] - start) / 1e9);
        System.out.printf("first thumbnail: %.3f s%n", (times[1] - start) / 1e9);
        System.out.printf("first screen of thumbnails (%d cells): %.3f s%n", times[3], (times[2] - start) / 1e9);
        System.out.printf("CPU time until then: %.3f s for the process, %.3f s for the JavaFX thread%n",
                (times[4] - processCpuStart) / 1e9, times[5] / 1e9);

        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("heap used after loading and GC: %.1f MiB%n", heap / 1048576.0);

        CompletableFuture<double[][]> scrolled = new CompletableFuture<>();
        Platform.runLater(() -> scroll(scene, pixelsPerFrame, scrolled));
        double[][] pulses = scrolled.get(600, TimeUnit.SECONDS);
        report("pulse work (scroll + CSS + layout)", pulses[0]);
        report("frame interval", pulses[1]);
        report("pulse work, CPU time of the JavaFX thread", pulses[2]);
        System.out.println("longest pulses (wall time): " + longest(pulses[0], pulses[2], 5));
        long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("heap used after scrolling (before GC): %.1f MiB%n", heapAfter / 1048576.0);

        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                harness.close();
                stage[0].close();
                closed.complete(null);
            } catch (Exception e) {
                closed.completeExceptionally(e);
            }
        });
        closed.get(30, TimeUnit.SECONDS);
    }

    /**
     * Completes {@code done} with the nanosecond times {@code [opened, first image, all visible images]},
     * the number of visible cells, the process CPU time at the end, and the JavaFX thread's CPU time since
     * it started.
     */
    private static void waitForThumbnails(Scene scene, long start, CompletableFuture<long[]> done) {
        long opened = System.nanoTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] firstImage = {0};
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                int cells = 0;
                int withImage = 0;
                for (Node node : scene.getRoot().lookupAll(".sample-cell")) {
                    if (node instanceof IndexedCell<?> cell && cell.isVisible() && !cell.isEmpty() && cell.getItem() != null) {
                        cells++;
                        withImage += hasImage(cell) ? 1 : 0;
                    }
                }
                long time = System.nanoTime();
                if (withImage > 0 && firstImage[0] == 0) {
                    firstImage[0] = time;
                }
                if (cells > 0 && withImage == cells) {
                    stop();
                    done.complete(new long[] {opened, firstImage[0], time, cells, system.getProcessCpuTime(), threads.getCurrentThreadCpuTime()});
                } else if (time - start > TimeUnit.SECONDS.toNanos(100)) {
                    stop();
                    done.completeExceptionally(new IllegalStateException("thumbnails did not show within 100 s"));
                }
            }
        }.start();
    }

    private static boolean hasImage(IndexedCell<?> cell) {
        return cell.lookupAll(".image-view").stream().anyMatch(node -> node instanceof ImageView view && view.getImage() != null);
    }

    /** Scrolls the grid by {@code step} pixels per pulse to its end; completes with pulse work and frame intervals in ms. */
    private static void scroll(Scene scene, double step, CompletableFuture<double[][]> done) {
        VirtualFlow<?> flow = (VirtualFlow<?>) scene.getRoot().lookup(".sample-grid .virtual-flow");
        List<Double> work = new ArrayList<>();
        List<Double> intervals = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpuStart = {0};
        long[] pulseStart = {0};
        long[] lastFrame = {0};
        Runnable afterLayout = () -> {
            if (pulseStart[0] != 0) {
                work.add((System.nanoTime() - pulseStart[0]) / 1e6);
                cpu.add((threads.getCurrentThreadCpuTime() - cpuStart[0]) / 1e6);
                pulseStart[0] = 0;
            }
        };
        scene.addPostLayoutPulseListener(afterLayout);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                long time = System.nanoTime();
                if (lastFrame[0] != 0) {
                    intervals.add((time - lastFrame[0]) / 1e6);
                }
                lastFrame[0] = time;
                if (flow.getPosition() >= 1.0) {
                    stop();
                    scene.removePostLayoutPulseListener(afterLayout);
                    done.complete(new double[][] {toArray(work), toArray(intervals), toArray(cpu)});
                    return;
                }
                pulseStart[0] = time;
                cpuStart[0] = threads.getCurrentThreadCpuTime();
                flow.scrollPixels(step);
            }
        }.start();
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Describes the {@code count} pulses with the longest wall time: their number, wall time and CPU time. */
    private static String longest(double[] wall, double[] cpu, int count) {
        return java.util.stream.IntStream.range(0, wall.length).boxed()
                .sorted(Comparator.comparingDouble((Integer pulse) -> wall[pulse]).reversed()).limit(count)
                .map(pulse -> String.format("#%d %.1f ms (CPU %.1f ms)", pulse, wall[pulse], cpu[pulse]))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static void report(String name, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%s over %d pulses: median %.2f ms, 99th percentile %.2f ms, max %.2f ms, over 16 ms: %d%n", name, sorted.length,
                sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))], sorted[sorted.length - 1],
                Arrays.stream(sorted).filter(value -> value > 16).count());
    }

    /** Writes 5 batches of 10,000 records: a colour gradient per record with noise, and a random label. */
    private static void writeBatches(Path folder) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        for (int batch = 0; batch < RECORDS / PER_BATCH; batch++) {
            byte[] bytes = new byte[PER_BATCH * 3073];
            for (int record = 0; record < PER_BATCH; record++) {
                int offset = record * 3073;
                bytes[offset] = (byte) random.nextInt(10);
                int[] base = {random.nextInt(200), random.nextInt(200), random.nextInt(200)};
                for (int channel = 0; channel < 3; channel++) {
                    for (int pixel = 0; pixel < 1024; pixel++) {
                        bytes[offset + 1 + channel * 1024 + pixel] = (byte) (base[channel] + (pixel % 32) + random.nextInt(24));
                    }
                }
            }
            Files.write(folder.resolve("data_batch_" + (batch + 1) + ".bin"), bytes);
        }
        Files.writeString(folder.resolve("batches.meta.txt"), "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n");
    }

    private static void deleteTree(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
