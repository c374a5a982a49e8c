package org.backdrop.ui.controls;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A list cell with a text and a button that removes its item, for lists of inputs such as models or
 * datasets.
 *
 * @param <T> the item type
 */
public final class RemovableCell<T> extends ListCell<T> {

    private final Function<T, String> text;
    private final Consumer<T> remove;
    private final Label label = new Label();
    private final Button removeButton = new Button(null, new FontIcon("mdi2c-close"));
    private final HBox box = new HBox(4, label, removeButton);

    /** Creates a cell that shows {@code text} of its item and passes the item to {@code remove} on a click of its button. */
    public RemovableCell(Function<T, String> text, Consumer<T> remove) {
        this.text = text;
        this.remove = remove;
        removeButton.getStyleClass().add("flat");
        removeButton.setTooltip(new Tooltip("Remove"));
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        label.setText(text.apply(item));
        removeButton.setOnAction(event -> remove.accept(item));
        setGraphic(box);
    }
}
