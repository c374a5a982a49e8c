package org.backdrop.bench;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.Sample;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.edit.EditableMask;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.editor.MaskEditorView;
import org.backdrop.ui.editor.MaskEditorViewModel;
import org.backdrop.ui.task.TaskRunner;

/**
 * Times a brush stroke in the mask editor on a 2,000 x 2,000 image, from the mouse event to the
 * rendered frame that shows it. Each drag event is fired on the JavaFX thread, and three times are
 * taken: when the editor's handler returns, when the next pulse has synchronised the scene (a
 * post-layout pulse listener), and when that frame has been rendered (JavaFX's internal
 * {@code PerformanceTracker}, which the renderer calls after each frame). The next event waits for
 * that frame, so the times do not overlap.
 *
 * <p>Run: {@code ./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}
 * then {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.backdrop.bench.MaskEditorStrokeBenchmark [EVENTS]}.
 * Without other settings it runs headless (Monocle, software rendering). Pass
 * {@code -Dglass.platform=gtk -Dprism.order=sw} under an X server (such as {@code xvfb-run}) to use GTK.
 */
public final class MaskEditorStrokeBenchmark {

    private static final int SIDE = 2000;
    private static final int[] BRUSH_SIZES = {15, 60, 200};

    /** The times of one drag event, in nanoseconds from {@link System#nanoTime()}. */
    private static final class Measurement {
        volatile long start;
        volatile long handled;
        volatile long synced;
        volatile long rendered;
        final CountDownLatch done = new CountDownLatch(1);
    }

    private static final AtomicReference<Measurement> CURRENT = new AtomicReference<>();

    private MaskEditorStrokeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        AtomicReference<MaskEditorView> viewReference = new AtomicReference<>();
        onFx(() -> viewReference.set(openEditor()));
        MaskEditorView view = viewReference.get();
        Node canvas = view.root().lookup("#editor-canvas");
        Thread.sleep(1000);

        System.out.printf(Locale.ROOT, "platform=%s prism=%s image=%dx%d events=%d%n", System.getProperty("glass.platform"),
                System.getProperty("prism.order"), SIDE, SIDE, events);
        System.out.println("| brush (px) | handler median / max (ms) | to pulse median / p95 / max (ms) | to rendered frame median / p95 / max (ms) |");
        System.out.println("| ---: | ---: | ---: | ---: |");
        for (int size : BRUSH_SIZES) {
            onFx(() -> view.model().brushSizeProperty().set(size));
            stroke(canvas, events / 10, new ArrayList<>());
            List<Measurement> measured = new ArrayList<>();
            stroke(canvas, events, measured);
            System.out.printf(Locale.ROOT, "| %d | %s | %s | %s |%n", size,
                    summary(measured, m -> m.handled - m.start, false),
                    summary(measured, m -> m.synced - m.start, true),
                    summary(measured, m -> m.rendered - m.start, true));
        }
        System.out.printf(Locale.ROOT, "undo history after all strokes: %d edits, %d bytes%n", view.model().mask().undoDepth(),
                view.model().mask().historyBytes());
        Platform.exit();
    }

    private static MaskEditorView openEditor() {
        StudioSession session = new StudioSession(new TaskRunner());
        MaskEditorViewModel model = new MaskEditorViewModel(session);
        MaskEditorView view = new MaskEditorView(session, model);
        Stage stage = new Stage();
        Scene scene = new Scene(view.root(), 1100, 760);
        stage.setScene(scene);
        stage.show();

        Sample sample = new Sample("bench", new ImageRef.File("bench.png"), SIDE, SIDE, List.of(), List.of());
        model.load(sample, gradient(), disc());

        scene.addPostLayoutPulseListener(() -> {
            Measurement measurement = CURRENT.get();
            if (measurement != null && measurement.handled != 0 && measurement.synced == 0) {
                measurement.synced = System.nanoTime();
            }
        });
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
            Measurement measurement = CURRENT.get();
            if (measurement != null && measurement.synced != 0 && measurement.rendered == 0) {
                measurement.rendered = System.nanoTime();
                measurement.done.countDown();
            }
        });
        return view;
    }

    /** Drags across the drawing area in a zigzag, one event at a time, recording each event's times. */
    private static void stroke(Node canvas, int events, List<Measurement> measured) throws Exception {
        double[] size = new double[2];
        onFx(() -> {
            size[0] = canvas.getLayoutBounds().getWidth();
            size[1] = canvas.getLayoutBounds().getHeight();
        });
        double x = size[0] * 0.2;
        double y = size[1] * 0.2;
        onFx(() -> Event.fireEvent(canvas, mouse(MouseEvent.MOUSE_PRESSED, size[0] * 0.2, size[1] * 0.2)));
        for (int i = 0; i < events; i++) {
            x += 7;
            if (x > size[0] * 0.8) {
                x = size[0] * 0.2;
                y = Math.min(size[1] * 0.8, y + 11);
            }
            double eventX = x;
            double eventY = y;
            Measurement measurement = new Measurement();
            CURRENT.set(measurement);
            Platform.runLater(() -> {
                measurement.start = System.nanoTime();
                Event.fireEvent(canvas, mouse(MouseEvent.MOUSE_DRAGGED, eventX, eventY));
                measurement.handled = System.nanoTime();
            });
            if (!measurement.done.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no frame was rendered within 5 s after drag event " + i);
            }
            measured.add(measurement);
        }
        CURRENT.set(null);
        double endX = x;
        double endY = y;
        onFx(() -> Event.fireEvent(canvas, mouse(MouseEvent.MOUSE_RELEASED, endX, endY)));
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y) {
        return new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, false, null);
    }

    private static String summary(List<Measurement> measured, java.util.function.ToLongFunction<Measurement> duration, boolean withP95) {
        double[] millis = measured.stream().mapToLong(duration).mapToDouble(nanos -> nanos / 1e6).sorted().toArray();
        double median = millis[millis.length / 2];
        double p95 = millis[(int) Math.min(millis.length - 1, Math.round(millis.length * 0.95))];
        double max = millis[millis.length - 1];
        return withP95 ? String.format(Locale.ROOT, "%.2f / %.2f / %.2f", median, p95, max)
                : String.format(Locale.ROOT, "%.3f / %.2f", median, max);
    }

    private static RgbImage gradient() {
        byte[] pixels = new byte[SIDE * SIDE * 3];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int index = (y * SIDE + x) * 3;
                pixels[index] = (byte) (x * 255 / SIDE);
                pixels[index + 1] = (byte) (y * 255 / SIDE);
                pixels[index + 2] = (byte) 128;
            }
        }
        return new RgbImage(SIDE, SIDE, pixels);
    }

    private static EditableMask disc() {
        EditableMask mask = EditableMask.empty(SIDE, SIDE);
        mask.paintLine(SIDE / 2, SIDE / 2, SIDE / 2, SIDE / 2, SIDE / 2, true);
        return mask;
    }

    private static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
