package org.backdrop.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The steps that the screenshot scripts share: running on the JavaFX thread, waiting, clicking and saving the X display. */
final class ScreenshotSteps {

    private ScreenshotSteps() {}

    /** The screenshots of one script, taken with the studio's main window. */
    interface Shots {
        /**
         * Takes the screenshots into {@code out} from the {@code fixtures} folder of the shared data;
         * {@code work} is an empty temporary folder.
         */
        void take(StudioHarness harness, Path fixtures, Path work, Path out) throws Exception;
    }

    /**
     * Runs a screenshot script's main: {@code args} are the shared data folder and the output folder.
     * Starts JavaFX and the main window, takes {@code shots}, then deletes the temporary folder and stops JavaFX.
     */
    static void run(String[] args, Shots shots) throws Exception {
        Path fixtures = Path.of(args[0]).resolve("fixtures");
        Path out = Path.of(args[1]);
        Path work = Files.createTempDirectory("backdrop-screenshots");
        try {
            StudioHarness harness = startHarness();
            shots.take(harness, fixtures, work, out);
            onFx(() -> {
                harness.close();
                return null;
            });
        } finally {
            deleteTree(work);
            Platform.exit();
        }
    }

    /** Starts JavaFX and shows the studio's main window at 1400 × 900 pixels, the size of the Xvfb screen. */
    private static StudioHarness startHarness() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        return onFx(() -> new StudioHarness(new Stage(), 1400, 900));
    }

    /** Deletes {@code folder} and everything in it. */
    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Clicks the button with {@code id} once the screen just shown has joined the scene. */
    static void fire(StudioHarness harness, String id) throws Exception {
        waitFor(() -> harness.scene().lookup(id) != null, 30);
        onFx(() -> {
            ((Button) harness.scene().lookup(id)).fire();
            return null;
        });
    }

    static void selectResultsTab(StudioHarness harness, int index) throws Exception {
        selectTab(harness, "#results-tabs", index);
    }

    /** Selects tab {@code index} of the tab pane with {@code id}. */
    static void selectTab(StudioHarness harness, String id, int index) throws Exception {
        waitFor(() -> harness.scene().lookup(id) != null, 30);
        onFx(() -> {
            ((TabPane) harness.scene().lookup(id)).getSelectionModel().select(index);
            return null;
        });
    }

    /** Waits for two pulses and the thumbnail loaders, then saves the X display. */
    static void capture(Path file) throws Exception {
        capture(file, null);
    }

    /**
     * Waits as {@link #capture(Path)} does, then saves the part of the X display that {@code window}
     * covers, or all of it for a null window, with ImageMagick's {@code import} and {@code convert}.
     */
    static void capture(Path file, Window window) throws Exception {
        Thread.sleep(1500);
        String crop = onFx(() -> window == null ? null : String.format(Locale.ROOT, "%dx%d+%d+%d", Math.round(window.getWidth()),
                Math.round(window.getHeight()), Math.max(0, Math.round(window.getX())), Math.max(0, Math.round(window.getY()))));
        List<String> command = new ArrayList<>(List.of("import", "-window", "root"));
        if (crop != null) {
            command.addAll(List.of("-crop", crop));
        }
        command.add(file.toString());
        run(command, file);
        // A 256-colour palette keeps a screenshot with photos in it near 200 to 300 KB.
        run(List.of("convert", file.toString(), "-strip", "-colors", "256", "PNG8:" + file), file);
    }

    /** Runs {@code command}, an ImageMagick call that writes {@code file}, and fails when it does. */
    static void run(List<String> command, Path file) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed for " + file);
        }
    }

    static void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (onFx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("timed out after " + seconds + " s");
    }

    static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
