package org.backdrop.ui.editor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backdrop.dataset.Sample;
import org.backdrop.image.RgbImage;
import org.backdrop.ui.Dialogs;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.task.ProgressTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the mask editor in a window of its own, so the review screen stays visible beside it. The
 * image decodes off the JavaFX thread, and so do the segmentation model's probabilities for a mask that
 * a model computed. Closing with unsaved changes opens a dialog that offers to save them.
 */
public final class MaskEditorWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MaskEditorWindow.class);

    /** The open editor windows by sample id; used on the JavaFX thread only. */
    private static final Map<String, MaskEditorWindow> OPEN = new HashMap<>();

    private final Stage stage = new Stage();
    private final MaskEditorView view;

    private MaskEditorWindow(StudioSession session, Window owner) {
        view = new MaskEditorView(session, new MaskEditorViewModel(session));
        Scene scene = new Scene(view.root(), 1100, 760);
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        stage.setScene(scene);
        view.setOnClose(this::close);
        stage.setOnCloseRequest(event -> {
            if (!confirmClose()) {
                event.consume();
            }
        });
    }

    /**
     * Opens the editor on {@code sample}, placed over the window that shows {@code ownerNode}, and
     * returns it. Errors while decoding the image show in a dialog and close the window.
     */
    public static MaskEditorWindow open(StudioSession session, Node ownerNode, Sample sample) {
        MaskEditorWindow open = OPEN.get(sample.id());
        if (open != null && open.view.model().sessionIs(session)) {
            open.stage.toFront();
            return open;
        }
        Window owner = ownerNode.getScene() == null ? null : ownerNode.getScene().getWindow();
        MaskEditorWindow window = new MaskEditorWindow(session, owner);
        OPEN.put(sample.id(), window);
        window.stage.setOnHidden(event -> OPEN.remove(sample.id(), window));
        window.stage.setTitle("Mask editor — " + sample.id());
        window.stage.show();
        ProgressTask<RgbImage> load = new ProgressTask<>("Loading " + sample.id(), progress -> session.images().load(session.dataset(), sample));
        load.setOnSucceeded(event -> {
            window.view.model().load(sample, load.getValue());
            window.view.focus();
            window.view.model().probabilityTask().ifPresent(session.tasks()::run);
        });
        load.setOnFailed(event -> {
            LOG.error("Loading the image of sample {} for the mask editor failed", sample.id(), load.getException());
            Dialogs.showError(ownerNode, "The image of " + sample.id() + " could not be loaded", load.getException());
            window.stage.close();
        });
        session.tasks().run(load);
        return window;
    }

    public MaskEditorView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }

    /** Closes the window, asking first when there are unsaved changes. */
    public void close() {
        if (confirmClose()) {
            stage.close();
        }
    }

    private boolean confirmClose() {
        if (!view.model().dirtyProperty().get()) {
            return true;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The mask has unsaved changes.", save, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setHeaderText("Save the edited mask of " + view.model().sample().id() + "?");
        Optional<ButtonType> choice = alert.showAndWait();
        if (choice.isEmpty() || choice.get() == ButtonType.CANCEL) {
            return false;
        }
        if (choice.get() == save) {
            try {
                view.model().save();
            } catch (java.io.IOException e) {
                LOG.error("Writing the review decision for sample {} failed", view.model().sample().id(), e);
                Dialogs.showError(view.root(), "The mask is stored, but the review file could not be written", e);
            }
        }
        return true;
    }
}
