package org.backdrop.ui.task;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Runs the studio's long tasks on background threads and lists those still running, for the status
 * bar. Call {@link #run} on the JavaFX thread.
 */
public final class TaskRunner implements AutoCloseable {

    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private final Executor executor;
    private final ExecutorService owned;

    /** Creates a runner with its own pool of daemon threads. */
    public TaskRunner() {
        this.owned = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "studio-task");
            thread.setDaemon(true);
            return thread;
        });
        this.executor = owned;
    }

    /** Creates a runner that runs tasks on {@code executor}, such as a synchronous one in tests. */
    public TaskRunner(Executor executor) {
        this.owned = null;
        this.executor = executor;
    }

    /** Returns the tasks that have started and not yet ended, oldest first. */
    public ObservableList<Task<?>> running() {
        return running;
    }

    /** Starts {@code task} and lists it until it succeeds, fails or is cancelled. */
    public <T> Task<T> run(Task<T> task) {
        running.add(task);
        task.stateProperty().addListener((observable, before, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                running.remove(task);
            }
        });
        executor.execute(task);
        return task;
    }

    /** Cancels every running task. */
    public void cancelAll() {
        for (Task<?> task : running.toArray(new Task<?>[0])) {
            task.cancel();
        }
    }

    @Override
    public void close() {
        cancelAll();
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
