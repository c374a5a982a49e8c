package org.backdrop.ui.review;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.backdrop.dataset.Sample;
import org.backdrop.ui.Dialogs;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.image.SampleThumbnails;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Review mode: one sample large with its mask overlay. Keys: A accept, R reject, E opens the mask
 * editor (or marks the sample edited when no editor is set), Z undo, Left and Right (or Space) move,
 * M toggles the overlay.
 */
public final class ReviewView {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewView.class);
    private static final int IMAGE_SIDE = 1024;

    /** The actions that keys and buttons trigger. */
    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }

    private final StudioSession session;
    private final ReviewViewModel model;
    private final ImageView image = new ImageView();
    private final CheckBox overlay = new CheckBox("Mask overlay (M)");
    private final BorderPane root = new BorderPane();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "review-image");
        thread.setDaemon(true);
        return thread;
    });
    private final SampleThumbnails renderer;
    private volatile Sample wanted;
    private boolean saveErrorShown;
    private Consumer<Sample> onEdit;

    public ReviewView(StudioSession session, ReviewViewModel model) {
        this.session = session;
        this.model = model;
        this.renderer = new SampleThumbnails(session);

        image.setPreserveRatio(true);
        image.setSmooth(false);
        StackPane stage = new StackPane(image);
        stage.getStyleClass().add("review-stage");
        stage.setMinSize(0, 0);
        image.fitWidthProperty().bind(stage.widthProperty().subtract(16));
        image.fitHeightProperty().bind(stage.heightProperty().subtract(16));

        overlay.setSelected(true);
        overlay.setFocusTraversable(false);
        overlay.selectedProperty().addListener((observable, before, after) -> show(model.currentProperty().get()));
        model.currentProperty().addListener((observable, before, sample) -> show(sample));
        session.masksProperty().addListener((observable, before, after) -> show(model.currentProperty().get()));

        root.setTop(header());
        root.setCenter(stage);
        root.setBottom(buttons());
        root.setFocusTraversable(true);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.setOnMouseClicked(event -> root.requestFocus());
        root.setId("review");
    }

    public Node root() {
        return root;
    }

    /** Sets what E and the Edit button do with the current sample, such as opening the mask editor. */
    public void setOnEdit(Consumer<Sample> action) {
        this.onEdit = action;
    }

    private void edit() throws IOException {
        Sample sample = model.currentProperty().get();
        if (onEdit == null) {
            model.markEdited();
        } else if (sample != null) {
            onEdit.accept(sample);
        }
    }

    /** Gives the view the keyboard focus, so that the review keys work at once. */
    public void focus() {
        root.requestFocus();
    }

    private Node header() {
        Label progress = new Label();
        progress.textProperty().bind(model.progressProperty());
        progress.getStyleClass().add("review-progress");
        progress.setId("review-progress");
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("review-status");
        status.setId("review-status");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(16, progress, status, spacer, overlay);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    private Node buttons() {
        HBox bar = new HBox(8,
                button("Previous", "mdi2a-arrow-left", "Previous sample (Left)", model::previous),
                button("Accept", "mdi2c-check", "Accept (A)", model::accept),
                button("Reject", "mdi2c-close", "Reject (R)", model::reject),
                button("Edit mask", "mdi2p-pencil", "Open the mask editor (E); saving there marks the sample edited", this::edit),
                button("Undo", "mdi2u-undo", "Undo the last decision (Z)", model::undo),
                button("Next", "mdi2a-arrow-right", "Next sample (Right or Space)", model::next),
                button("Export curated list…", "mdi2f-file-export-outline", "Write the accepted ids, one per line", this::exportCuratedList));
        bar.setAlignment(Pos.CENTER);
        bar.setPadding(new Insets(6, 8, 8, 8));
        return new VBox(bar);
    }

    private Button button(String text, String icon, String tooltip, Action action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        button.setOnAction(event -> perform(action));
        return button;
    }

    private void onKey(KeyEvent event) {
        Action action = switch (event.getCode()) {
            case A -> model::accept;
            case R -> model::reject;
            case E -> this::edit;
            case Z -> model::undo;
            case RIGHT, SPACE, DOWN -> model::next;
            case LEFT, UP -> model::previous;
            case M -> () -> overlay.setSelected(!overlay.isSelected());
            default -> null;
        };
        if (action != null && !event.isShortcutDown()) {
            perform(action);
            event.consume();
        }
    }

    private void perform(Action action) {
        try {
            action.run();
        } catch (IOException e) {
            LOG.error("Saving a review decision failed", e);
            // One dialog is enough: a read-only folder would otherwise raise one per key press.
            if (!saveErrorShown) {
                saveErrorShown = true;
                Dialogs.showError(root, "The review decision could not be saved; decisions are kept until the studio closes", e);
            }
        }
    }

    private void exportCuratedList() throws IOException {
        if (session.dataset() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export curated list");
        chooser.setInitialFileName("curated.txt");
        File folder = session.dataset().root().toAbsolutePath().getParent().toFile();
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            int count = model.exportCuratedList(file.toPath());
            LOG.info("Wrote {} sample ids to {}", count, file);
        }
    }

    private void show(Sample sample) {
        if (sample == null) {
            image.setImage(null);
            return;
        }
        wanted = sample;
        SampleThumbnails.Key key = new SampleThumbnails.Key(session.indexOf(sample), sample.id(), overlay.isSelected(), IMAGE_SIDE);
        loader.submit(() -> {
            if (wanted != sample) {
                return;
            }
            try {
                Image rendered = renderer.render(key);
                Platform.runLater(() -> {
                    if (model.currentProperty().get() == sample) {
                        image.setImage(rendered);
                    }
                });
            } catch (IOException e) {
                LOG.warn("Cannot show sample {}: {}", sample.id(), e.getMessage());
                Platform.runLater(() -> image.setImage(null));
            }
        });
    }
}
