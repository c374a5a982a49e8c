package org.backdrop.ui.backgrounds;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import javafx.util.converter.LongStringConverter;
import org.backdrop.dataset.Sample;
import org.backdrop.ui.StudioSession;
import org.backdrop.image.RgbImage;
import org.backdrop.ui.image.FxImages;
import org.backdrop.ui.image.Thumbnails;
import org.backdrop.ui.task.ProgressTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backgrounds screen: methods, colour, seed and feathering on the left, and the selected sample
 * rendered with each chosen method on the right. Each change renders again off the JavaFX thread.
 */
public final class BackgroundsView {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundsView.class);
    private static final int TILE_SIDE = 220;

    private final StudioSession session;
    private final BackgroundsViewModel model;
    private final BorderPane root = new BorderPane();
    private final FlowPane tiles = new FlowPane(10, 10);
    private final Label message = new Label();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(200));
    private final ExecutorService renderer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "background-preview");
        thread.setDaemon(true);
        return thread;
    });
    private ProgressTask<List<BackgroundsViewModel.Tile>> rendering;

    public BackgroundsView(StudioSession session, BackgroundsViewModel model) {
        this.session = session;
        this.model = model;

        tiles.setPadding(new Insets(10));
        tiles.setId("preview-tiles");
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        message.setPadding(new Insets(6, 10, 0, 10));
        message.setId("preview-message");
        BorderPane center = new BorderPane(scroll);
        center.setTop(message);

        root.setLeft(options());
        root.setCenter(center);

        debounce.setOnFinished(event -> render());
        model.chosen().addListener((ListChangeListener<String>) change -> schedule());
        model.colourProperty().addListener((observable, before, after) -> schedule());
        model.seedProperty().addListener((observable, before, after) -> schedule());
        model.featherProperty().addListener((observable, before, after) -> schedule());
        session.selectedProperty().addListener((observable, before, after) -> schedule());
        session.masksProperty().addListener((observable, before, after) -> schedule());
        root.sceneProperty().addListener((observable, before, after) -> schedule());
    }

    public Node root() {
        return root;
    }

    /** Asks for a new rendering once the options stop changing for a moment. */
    public void schedule() {
        debounce.playFromStart();
    }

    private Node options() {
        ListView<String> methods = new ListView<>();
        methods.getItems().setAll(BackgroundsViewModel.methods());
        methods.setCellFactory(CheckBoxListCell.forListView(method -> {
            BooleanProperty checked = new SimpleBooleanProperty(model.chosen().contains(method));
            checked.addListener((observable, before, on) -> {
                if (on && !model.chosen().contains(method)) {
                    model.chosen().add(method);
                } else if (!on) {
                    model.chosen().remove(method);
                }
            });
            return checked;
        }));
        methods.setId("method-list");
        VBox.setVgrow(methods, Priority.ALWAYS);

        ColorPicker colour = new ColorPicker(Color.web(model.colourProperty().get()));
        colour.valueProperty().addListener((observable, before, value) -> model.colourProperty().set(hex(value)));

        TextField seed = new TextField();
        TextFormatter<Long> seedFormat = new TextFormatter<>(new LongStringConverter(), model.seedProperty().get());
        seed.setTextFormatter(seedFormat);
        seedFormat.valueProperty().bindBidirectional(model.seedProperty());

        Spinner<Double> feather = new Spinner<>(0.0, 20.0, model.featherProperty().get(), 0.5);
        feather.setEditable(true);
        feather.valueProperty().addListener((observable, before, value) -> model.featherProperty().set(value));

        VBox box = new VBox(6, new Label("Background methods"), methods, new Label("Colour for " + BackgroundsViewModel.CUSTOM_COLOUR),
                colour, new Label("Seed"), seed, new Label("Feather sigma (pixels)"), feather);
        box.setPadding(new Insets(8));
        box.setPrefWidth(230);
        box.getStyleClass().add("side-panel");
        return box;
    }

    private void render() {
        Sample sample = session.selectedProperty().get();
        if (rendering != null) {
            rendering.cancel();
        }
        if (session.dataset() == null || sample == null) {
            tiles.getChildren().clear();
            message.setText("Open a dataset and pick a sample in Browse to preview backgrounds.");
            return;
        }
        if (session.mask(sample).isEmpty()) {
            tiles.getChildren().clear();
            message.setText("Sample " + sample.id() + " has no mask yet: compute or load masks in the Masks tab.");
            return;
        }
        BackgroundsViewModel.Request request = model.request(sample);
        ProgressTask<List<BackgroundsViewModel.Tile>> task = new ProgressTask<>("Rendering backgrounds",
                progress -> forDisplay(model.render(request, progress)));
        rendering = task;
        message.setText("Rendering " + sample.id() + "…");
        task.setOnSucceeded(event -> show(sample, task.getValue()));
        task.setOnFailed(event -> {
            LOG.warn("Background preview of {} failed", sample.id(), task.getException());
            message.setText("Preview failed: " + task.getException().getMessage());
        });
        renderer.execute(task);
    }

    private void show(Sample sample, List<BackgroundsViewModel.Tile> rendered) {
        tiles.getChildren().clear();
        for (BackgroundsViewModel.Tile tile : rendered) {
            Label name = new Label(tile.name());
            name.getStyleClass().add("tile-name");
            Node picture;
            if (tile.image() != null) {
                picture = new ImageView(FxImages.toFx(tile.image()));
            } else {
                Label error = new Label(tile.error());
                error.setWrapText(true);
                error.setMaxWidth(TILE_SIDE);
                error.getStyleClass().add("tile-error");
                picture = error;
            }
            VBox box = new VBox(4, picture, name);
            box.setAlignment(Pos.TOP_CENTER);
            box.getStyleClass().add("preview-tile");
            tiles.getChildren().add(box);
        }
        message.setText(rendered.isEmpty() ? "Tick at least one background method." : "Sample " + sample.id() + " with " + rendered.size() + " backgrounds");
    }

    /** Scales each tile's image to fit {@link #TILE_SIDE}, so that it shows unscaled and small images stay sharp. */
    private static List<BackgroundsViewModel.Tile> forDisplay(List<BackgroundsViewModel.Tile> tiles) {
        List<BackgroundsViewModel.Tile> scaled = new ArrayList<>();
        for (BackgroundsViewModel.Tile tile : tiles) {
            if (tile.image() == null) {
                scaled.add(tile);
            } else {
                RgbImage image = Thumbnails.upscale(Thumbnails.downscale(tile.image(), TILE_SIDE), TILE_SIDE);
                scaled.add(new BackgroundsViewModel.Tile(tile.name(), image, null));
            }
        }
        return scaled;
    }

    private static String hex(Color colour) {
        return String.format("#%02x%02x%02x", Math.round(colour.getRed() * 255), Math.round(colour.getGreen() * 255),
                Math.round(colour.getBlue() * 255));
    }
}
