package org.backdrop.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Takes screenshots of the Browse screen with datasets from the shared fixtures, to check by eye that
 * thumbnails show sharp (small images enlarged in blocks, larger ones shrunk).
 *
 * <p>Run under Xvfb from the repository root after {@code ./mvnw -q -B -o test-compile}, with the test
 * classpath in {@code target/cp.txt}: {@code xvfb-run -a -s "-screen 0 1280x800x24" java -Dprism.order=sw
 * -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.backdrop.ui.BrowseScreenshots OUT_FOLDER
 * NAME=DATASET...}, for example {@code cifar=../shared/fixtures/cifar10/cifar-10-batches-bin}. Each
 * dataset gives {@code OUT_FOLDER/browse-NAME.png}, taken with ImageMagick's {@code import -window root}.
 */
public final class BrowseScreenshots {

    private BrowseScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        try {
            StudioHarness harness = ScreenshotSteps.onFx(() -> new StudioHarness(new Stage(), 1280, 800));
            for (int i = 1; i < args.length; i++) {
                String[] nameAndPath = args[i].split("=", 2);
                CompletableFuture<Void> opened = new CompletableFuture<>();
                ScreenshotSteps.onFx(() -> {
                    harness.show("browse");
                    harness.open(Path.of(nameAndPath[1]), dataset -> opened.complete(null));
                    return null;
                });
                opened.get(60, TimeUnit.SECONDS);
                // Leaves the thumbnails time to decode; capture waits 1.5 s more.
                Thread.sleep(1500);
                ScreenshotSteps.capture(out.resolve("browse-" + nameAndPath[0] + ".png"));
            }
            ScreenshotSteps.onFx(() -> {
                harness.close();
                return null;
            });
        } finally {
            Platform.exit();
        }
    }
}
