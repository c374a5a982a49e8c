package org.backdrop.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Small dialogs shared by the views. */
public final class Dialogs {

    private Dialogs() {}

    /** Shows an error dialog with {@code header} and the message of {@code cause}, and does not wait. */
    public static void showError(Node owner, String header, Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Backdrop Studio");
        alert.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        alert.getDialogPane().setContent(text);
        Window window = owner == null || owner.getScene() == null ? null : owner.getScene().getWindow();
        if (window != null) {
            alert.initOwner(window);
        }
        alert.show();
    }
}
