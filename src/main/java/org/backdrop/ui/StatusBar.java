package org.backdrop.ui;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.backdrop.ui.task.TaskRunner;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status bar: the dataset line, the newest running task with its progress (the tooltip lists every
 * running task), and the compute device, which a daemon thread probes after the window opens so that
 * start-up does not wait for it.
 */
final class StatusBar {

    /** How long after the window opens the device probe starts. */
    static final long PROBE_DELAY_MILLIS = 3_000;

    private static final Logger LOG = LoggerFactory.getLogger(StatusBar.class);

    private final HBox root = new HBox(8);
    private final Label datasetLine = new Label("No dataset open");
    private final Label taskLine = new Label();
    private final Tooltip allTasks = new Tooltip();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button(null, new FontIcon("mdi2c-close-circle-outline"));
    private final TaskRunner tasks;

    StatusBar(TaskRunner tasks, Supplier<ComputeDevice.Description> deviceProbe) {
        this.tasks = tasks;
        datasetLine.setId("dataset-line");
        taskLine.setId("task-line");
        progress.setPrefWidth(160);
        cancel.setTooltip(new Tooltip("Cancel the running task"));
        cancel.getStyleClass().add("flat");
        cancel.setOnAction(event -> {
            if (!tasks.running().isEmpty()) {
                tasks.running().get(tasks.running().size() - 1).cancel();
            }
        });
        Label deviceLabel = new Label("Device: checking…");
        deviceLabel.setId("device");
        Tooltip deviceTip = new Tooltip("Checking whether ONNX Runtime can use a CUDA GPU");
        deviceLabel.setTooltip(deviceTip);
        probe(deviceProbe, deviceLabel, deviceTip);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root.getChildren().addAll(datasetLine, spacer, taskLine, progress, cancel, deviceLabel);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(3, 8, 3, 8));
        root.getStyleClass().add("status-bar");
        tasks.running().addListener((ListChangeListener<Task<?>>) change -> showNewest());
        showNewest();
    }

    private static void probe(Supplier<ComputeDevice.Description> deviceProbe, Label deviceLabel, Tooltip deviceTip) {
        Thread thread = new Thread(() -> {
            ComputeDevice.Description device;
            try {
                // Loading ONNX Runtime for the probe takes over a second of CPU, which would compete with
                // decoding the first screen of thumbnails when the studio opens with a dataset.
                Thread.sleep(PROBE_DELAY_MILLIS);
                device = deviceProbe.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Probing the compute device failed; models will run on the CPU", e);
                device = new ComputeDevice.Description("CPU", "Models run on the CPU because probing for a GPU failed: " + e.getMessage());
            }
            ComputeDevice.Description probed = device;
            Platform.runLater(() -> {
                deviceLabel.setText("Device: " + probed.name());
                deviceTip.setText(probed.reason());
            });
        }, "device-probe");
        thread.setDaemon(true);
        thread.start();
    }

    Node root() {
        return root;
    }

    void setDatasetLine(String text) {
        datasetLine.setText(text);
    }

    private void showNewest() {
        taskLine.textProperty().unbind();
        progress.progressProperty().unbind();
        boolean idle = tasks.running().isEmpty();
        progress.setVisible(!idle);
        cancel.setVisible(!idle);
        if (idle) {
            taskLine.setText("Ready");
            taskLine.setTooltip(null);
            return;
        }
        StringBuilder titles = new StringBuilder("Running:");
        tasks.running().forEach(task -> titles.append("\n").append(task.getTitle()));
        allTasks.setText(titles.toString());
        taskLine.setTooltip(allTasks);
        Task<?> newest = tasks.running().get(tasks.running().size() - 1);
        int others = tasks.running().size() - 1;
        taskLine.textProperty().bind(others == 0 ? newest.messageProperty()
                : Bindings.concat(newest.messageProperty(), " (+" + others + " more)"));
        progress.progressProperty().bind(newest.progressProperty());
    }
}
