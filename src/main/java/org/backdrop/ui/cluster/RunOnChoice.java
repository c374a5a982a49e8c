package org.backdrop.ui.cluster;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import org.backdrop.engine.launch.SparkInstallation;

/** Builds the choice between this computer and the Spark cluster that screens with a Spark path show. */
public final class RunOnChoice {

    private RunOnChoice() {}

    /**
     * Returns a choice bound to {@code runOn}, enabled while {@code spark} contains an installation. When the
     * installation is removed, the choice goes back to this computer.
     */
    public static ChoiceBox<RunOn> create(String id, ObjectProperty<RunOn> runOn, ObjectProperty<Optional<SparkInstallation>> spark,
            String tooltip) {
        ChoiceBox<RunOn> choice = new ChoiceBox<>();
        choice.setId(id);
        choice.getItems().setAll(RunOn.values());
        choice.valueProperty().bindBidirectional(runOn);
        choice.disableProperty().bind(Bindings.createBooleanBinding(() -> spark.get().isEmpty(), spark));
        spark.addListener((observable, before, after) -> {
            if (after.isEmpty()) {
                runOn.set(RunOn.THIS_COMPUTER);
            }
        });
        choice.setTooltip(new Tooltip(tooltip));
        return choice;
    }
}
