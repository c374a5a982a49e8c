package org.backdrop.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Small dialogs shared by the views. */
public final class Dialogs {

    /** The widest a dialog's message gets before it wraps, in pixels. */
    private static final double MAX_TEXT_WIDTH = 560;

    private Dialogs() {}

    /** Shows an error dialog with {@code header} and the message of {@code cause}, and does not wait. */
    public static void showError(Node owner, String header, Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Backdrop Studio");
        alert.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        // Without a width limit the dialog grows to the longest line: a path in a message made it wider
        // than the screen.
        text.setMaxWidth(MAX_TEXT_WIDTH);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setMaxWidth(MAX_TEXT_WIDTH + 60);
        Window window = owner == null || owner.getScene() == null ? null : owner.getScene().getWindow();
        if (window != null) {
            alert.initOwner(window);
        }
        alert.show();
        // The header's label exists once the dialog has its skin, that is after show().
        alert.getDialogPane().lookupAll(".header-panel .label").forEach(node -> {
            ((Label) node).setWrapText(true);
            ((Label) node).setMaxWidth(MAX_TEXT_WIDTH);
        });
        alert.getDialogPane().getScene().getWindow().sizeToScene();
    }
}
