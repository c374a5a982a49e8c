package org.backdrop.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Runs with the JavaFX toolkit because a task publishes progress through the JavaFX thread. */
@ExtendWith(ApplicationExtension.class)
class ProgressTaskTest {

    @Start
    void start(Stage stage) {
        // The toolkit is all these tests need; no window is shown.
    }

    private static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(5000, read);
    }

    @Test
    void progressReachesTask() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ProgressTask<String> task = new ProgressTask<>("Reading", progress -> {
            progress.progress(1, 4, "Reading annotations");
            release.await(5, TimeUnit.SECONDS);
            return "done";
        });

        Thread worker = new Thread(task);
        worker.start();
        // Task delivers progress and message in separate updates on the JavaFX thread, so wait for both.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> onFx(task::getProgress) == 0.25 && "Reading annotations".equals(onFx(task::getMessage)));

        assertEquals(0.25, onFx(task::getProgress));
        assertEquals("Reading annotations", onFx(task::getMessage));
        release.countDown();
        worker.join(5000);
        assertEquals("done", task.get());
    }

    @Test
    void cancelReachesWork() throws Exception {
        AtomicBoolean sawCancel = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        ProgressTask<Void> task = new ProgressTask<>("Waiting", progress -> {
            started.countDown();
            while (!progress.isCancelled()) {
                Thread.onSpinWait();
            }
            sawCancel.set(true);
            return null;
        });

        Thread worker = new Thread(task);
        worker.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        task.cancel(false);
        worker.join(5000);

        assertTrue(sawCancel.get());
    }

    @Test
    void cancelDoesNotInterrupt() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(1);
        ProgressTask<Void> task = new ProgressTask<>("Waiting", progress -> {
            started.countDown();
            while (!progress.isCancelled()) {
                Thread.onSpinWait();
            }
            interrupted.set(Thread.currentThread().isInterrupted());
            return null;
        });

        Thread worker = new Thread(task);
        worker.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        task.cancel();
        worker.join(5000);

        assertFalse(interrupted.get());
    }

    @Test
    void unknownTotalIsIndeterminate() throws Exception {
        ProgressTask<Void> task = new ProgressTask<>("Counting", progress -> {
            progress.progress(3, -1, "Counting files");
            return null;
        });

        Thread worker = new Thread(task);
        worker.start();
        worker.join(5000);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(-1.0, onFx(task::getProgress));
    }
}
