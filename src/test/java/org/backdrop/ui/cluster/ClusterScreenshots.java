package org.backdrop.ui.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.backdrop.engine.launch.SparkInstallation;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.backdrop.ui.export.ExportDialog;
import org.backdrop.ui.export.ExportViewModel;

/**
 * Takes the screenshots of the Spark cluster settings and of the export dialog with "Run on: Spark
 * cluster" in {@code docs/screenshots}, with a stand-in Spark folder written here.
 *
 * <p>Run under Xvfb from the repository root after {@code ./mvnw -q -B -o test-compile}, with the test
 * classpath in {@code CP}: {@code xvfb-run -s "-screen 0 640x480x24" java -cp
 * "target/test-classes:target/classes:$CP" org.backdrop.ui.cluster.ClusterScreenshots docs/screenshots}.
 * It calls ImageMagick's {@code import -window root} for each screenshot.
 */
public final class ClusterScreenshots {

    private ClusterScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path work = Files.createTempDirectory("cluster-screenshots");
        Preferences preferences = Preferences.userRoot().node("backdrop-screenshots-" + UUID.randomUUID());
        try {
            Path sparkHome = Files.createDirectories(work.resolve("spark-4.0.1-bin-hadoop3/bin")).getParent();
            Files.writeString(sparkHome.resolve("bin/spark-submit"), "#!/bin/sh\n");
            SparkSettings settings = new SparkSettings(preferences);
            settings.save(new SparkInstallation(sparkHome, "spark://cluster-master:7077", Optional.empty(),
                    List.of("spark.executor.memory=4g", "spark.executor.cores=4", "spark.cores.max=32")));

            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(30, TimeUnit.SECONDS);
            // Closing the first dialog would otherwise end the JavaFX runtime, as no other window is showing.
            Platform.setImplicitExit(false);
            Stage owner = onFx(() -> {
                Stage stage = new Stage();
                Scene scene = new Scene(new Region());
                scene.getStylesheets().add(ClusterScreenshots.class.getResource("/org/backdrop/ui/studio.css").toExternalForm());
                stage.setScene(scene);
                return stage;
            });

            Stage settingsStage = onFx(() -> {
                SparkSettingsDialog dialog = new SparkSettingsDialog(owner, settings);
                dialog.show();
                dialog.stage().setX(0);
                dialog.stage().setY(0);
                return dialog.stage();
            });
            capture(out.resolve("spark-settings.png"));
            onFx(() -> {
                settingsStage.close();
                return null;
            });

            StudioSession session = StudioTestData.session(StudioTestData.write(work.resolve("data")));
            onFx(() -> {
                ExportViewModel model = new ExportViewModel(session, settings::configured);
                model.backgroundsProperty().set("red,mean,only-bg-t");
                model.runOnProperty().set(RunOn.SPARK_CLUSTER);
                ExportDialog dialog = new ExportDialog(owner, session, model);
                // The dialog shows the folder once it changes, as after the folder chooser.
                model.outputFolderProperty().set(Path.of("/shared/datasets/voc-augmented"));
                dialog.show();
                dialog.stage().setX(0);
                dialog.stage().setY(0);
                return null;
            });
            capture(out.resolve("export-spark.png"));
        } finally {
            preferences.removeNode();
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Platform.exit();
        }
    }

    private static void capture(Path file) throws Exception {
        Thread.sleep(1500);
        Process process = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
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
