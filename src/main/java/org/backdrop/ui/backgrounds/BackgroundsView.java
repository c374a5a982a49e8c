package org.backdrop.ui.backgrounds;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.beans.property.SimpleStringProperty;
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
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import javafx.util.converter.LongStringConverter;
import org.backdrop.dataset.Sample;
import org.backdrop.ui.Dialogs;
import org.backdrop.ui.StudioSession;
import org.backdrop.image.RgbImage;
import org.backdrop.ui.image.FxImages;
import org.backdrop.ui.image.Thumbnails;
import org.backdrop.ui.task.ProgressTask;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backgrounds screen: methods, colour, seed and feathering, presets, the scene library and the mean
 * background on the left, and the selected sample rendered with each chosen method on the right. Each
 * change renders again off the JavaFX thread.
 */
public final class BackgroundsView {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundsView.class);
    private static final int TILE_SIDE = 220;
    private static final int SCENE_THUMBNAIL_SIDE = 72;

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
    private ProgressTask<RgbImage> averaging;

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

        TabPane side = new TabPane(new Tab("Methods", options()), new Tab("Presets", presets()), new Tab("Scenes", scenes()),
                new Tab("Mean", mean()));
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setPrefWidth(320);
        side.setId("background-options");
        root.setLeft(side);
        root.setCenter(center);

        debounce.setOnFinished(event -> render());
        model.chosen().addListener((ListChangeListener<String>) change -> schedule());
        model.colourProperty().addListener((observable, before, after) -> schedule());
        model.seedProperty().addListener((observable, before, after) -> schedule());
        model.featherProperty().addListener((observable, before, after) -> schedule());
        model.sceneFolderProperty().addListener((observable, before, after) -> schedule());
        model.mappingFileProperty().addListener((observable, before, after) -> schedule());
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
        methods.setCellFactory(list -> new SwatchCell());
        methods.setId("method-list");
        VBox.setVgrow(methods, Priority.ALWAYS);

        ColorPicker colour = new ColorPicker(Color.web(model.colourProperty().get()));
        colour.valueProperty().addListener((observable, before, value) -> model.colourProperty().set(hex(value)));
        model.colourProperty().addListener((observable, before, value) -> colour.setValue(Color.web(value)));
        model.chosen().addListener((ListChangeListener<String>) change -> methods.refresh());

        TextField seed = new TextField();
        TextFormatter<Long> seedFormat = new TextFormatter<>(new LongStringConverter(), model.seedProperty().get());
        seed.setTextFormatter(seedFormat);
        seedFormat.valueProperty().bindBidirectional(model.seedProperty());

        Spinner<Double> feather = new Spinner<>(0.0, 20.0, model.featherProperty().get(), 0.5);
        feather.setEditable(true);
        feather.valueProperty().addListener((observable, before, value) -> model.featherProperty().set(value));
        model.featherProperty().addListener((observable, before, value) -> feather.getValueFactory().setValue(value));

        VBox box = new VBox(6, new Label("Background methods"), methods, new Label("Colour for " + BackgroundsViewModel.CUSTOM_COLOUR),
                colour, new Label("Seed"), seed, new Label("Feather sigma (pixels)"), feather);
        box.setPadding(new Insets(8));
        box.getStyleClass().add("side-panel");
        return box;
    }

    /** A checklist row: the method's check box and, for solid colours, a swatch of the colour. */
    private final class SwatchCell extends CheckBoxListCell<String> {

        private final Rectangle swatch = new Rectangle(12, 12);

        SwatchCell() {
            super(method -> checkedProperty(method));
            model.colourProperty().addListener((observable, before, value) -> {
                if (BackgroundsViewModel.CUSTOM_COLOUR.equals(getItem())) {
                    swatch.setFill(Color.web(value));
                }
            });
        }

        @Override
        public void updateItem(String method, boolean empty) {
            super.updateItem(method, empty);
            if (empty || method == null) {
                return;
            }
            // Methods without a colour get a transparent swatch, so every name starts at the same place.
            Optional<String> colour = model.swatch(method);
            swatch.setFill(colour.map(Color::web).orElse(Color.TRANSPARENT));
            swatch.setStroke(colour.isPresent() ? Color.GRAY : Color.TRANSPARENT);
            setGraphic(new HBox(4, getGraphic(), swatch));
        }
    }

    private BooleanProperty checkedProperty(String method) {
        BooleanProperty checked = new SimpleBooleanProperty(model.chosen().contains(method));
        checked.addListener((observable, before, on) -> {
            if (on && !model.chosen().contains(method)) {
                model.chosen().add(method);
            } else if (!on) {
                model.chosen().remove(method);
            }
        });
        return checked;
    }

    private Node presets() {
        ListView<String> names = new ListView<>(model.presetNames());
        names.setId("preset-list");
        names.setPlaceholder(new Label("No presets saved"));
        TextField name = new TextField();
        name.setPromptText("Preset name");
        name.setId("preset-name");
        names.getSelectionModel().selectedItemProperty().addListener((observable, before, chosen) -> {
            if (chosen != null) {
                name.setText(chosen);
            }
        });

        Button save = new Button("Save", new FontIcon("mdi2c-content-save-outline"));
        save.setId("save-preset");
        save.setOnAction(event -> storeAction("The preset could not be saved", () -> model.savePreset(name.getText())));

        Button load = new Button("Load", new FontIcon("mdi2f-folder-open-outline"));
        load.setOnAction(event -> {
            String chosen = names.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                storeAction("The preset could not be loaded", () -> {
                    List<String> unknown = model.loadPreset(chosen);
                    if (!unknown.isEmpty()) {
                        message.setText("Preset " + chosen + " names methods this version lacks, left out: " + String.join(", ", unknown));
                    }
                });
            }
        });
        load.disableProperty().bind(names.getSelectionModel().selectedItemProperty().isNull());

        Button delete = new Button("Delete", new FontIcon("mdi2d-delete-outline"));
        delete.setOnAction(event -> {
            String chosen = names.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                storeAction("The preset could not be deleted", () -> model.deletePreset(chosen));
            }
        });
        delete.disableProperty().bind(load.disableProperty());

        Label hint = new Label();
        hint.setId("preset-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(model.presetHintProperty());
        hint.visibleProperty().bind(model.presetHintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        Node[] needProject = {names, name, save};
        for (Node node : needProject) {
            node.disableProperty().bind(model.presetHintProperty().isNotEmpty());
        }

        VBox box = new VBox(6, hint, names, name, new HBox(6, save, load, delete),
                new Label("A preset keeps the methods, colour, seed, feathering and scene library."));
        ((Label) box.getChildren().get(box.getChildren().size() - 1)).setWrapText(true);
        VBox.setVgrow(names, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node scenes() {
        Label folder = new Label();
        folder.setId("scene-folder");
        folder.setWrapText(true);
        folder.textProperty().bind(Bindings.createStringBinding(() -> model.sceneFolderProperty().get() == null
                ? "No scene folder: the scenes method is off." : model.sceneFolderProperty().get().toString(), model.sceneFolderProperty()));
        Button choose = new Button("Folder…", new FontIcon("mdi2f-folder-image"));
        choose.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose a folder of scene photos");
            File chosen = chooser.showDialog(root.getScene().getWindow());
            if (chosen != null) {
                model.sceneFolderProperty().set(chosen.toPath());
            }
        });
        Button clear = new Button("Clear");
        clear.setOnAction(event -> {
            model.sceneFolderProperty().set(null);
            model.mappingFileProperty().set(null);
        });
        FlowPane thumbnails = new FlowPane(4, 4);
        thumbnails.setId("scene-thumbnails");
        ScrollPane thumbnailScroll = new ScrollPane(thumbnails);
        thumbnailScroll.setFitToWidth(true);
        thumbnailScroll.setPrefHeight(170);
        model.sceneFolderProperty().addListener((observable, before, after) -> showThumbnails(thumbnails));


        TableView<BackgroundsViewModel.SceneMapping> table = new TableView<>(model.mapping());
        table.setId("scene-mapping");
        TableColumn<BackgroundsViewModel.SceneMapping, String> className = new TableColumn<>("Class");
        className.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().className()));
        TableColumn<BackgroundsViewModel.SceneMapping, String> items = new TableColumn<>("Photos or subfolders");
        items.setCellValueFactory(cell -> new SimpleStringProperty(String.join(", ", cell.getValue().items())));
        table.getColumns().add(className);
        table.getColumns().add(items);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Every class draws from every photo"));


        ComboBox<String> classChoice = new ComboBox<>();
        classChoice.setEditable(true);
        classChoice.setPromptText("Class");
        classChoice.setOnShowing(event -> classChoice.getItems().setAll(model.classNames()));
        TextField photos = new TextField();
        photos.setPromptText("lake.jpg, sea/");
        Button add = new Button("Set", new FontIcon("mdi2p-plus"));
        add.setOnAction(event -> {
            String name = classChoice.getEditor().getText().strip();
            List<String> chosen = Arrays.stream(photos.getText().split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
            if (name.isEmpty() || chosen.isEmpty()) {
                return;
            }
            model.mapping().removeIf(row -> row.className().equals(name));
            model.mapping().add(new BackgroundsViewModel.SceneMapping(name, chosen));
            resaveMapping();
        });
        Button remove = new Button("Remove", new FontIcon("mdi2m-minus"));
        remove.setOnAction(event -> {
            BackgroundsViewModel.SceneMapping row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                model.mapping().remove(row);
                resaveMapping();
            }
        });

        Button saveMapping = new Button("Save mapping…");
        saveMapping.setOnAction(event -> {
            FileChooser chooser = mappingChooser("Save the mapping table");
            chooser.setInitialFileName("scene-mapping.txt");
            File file = chooser.showSaveDialog(root.getScene().getWindow());
            if (file != null) {
                storeAction("The mapping file could not be saved", () -> model.saveMapping(file.toPath()));
            }
        });
        Button loadMapping = new Button("Load mapping…");
        loadMapping.setOnAction(event -> {
            File file = mappingChooser("Load a mapping file").showOpenDialog(root.getScene().getWindow());
            if (file != null) {
                storeAction("The mapping file could not be read", () -> model.loadMapping(file.toPath()));
            }
        });
        Label mappingFile = new Label();
        mappingFile.setWrapText(true);
        mappingFile.textProperty().bind(Bindings.createStringBinding(() -> model.mappingFileProperty().get() == null
                ? "The table applies once saved to a mapping file." : "Mapping file: " + model.mappingFileProperty().get(),
                model.mappingFileProperty()));


        VBox box = new VBox(6, new HBox(6, choose, clear), folder, thumbnailScroll, new Label("Per-class mapping"), table,
                new HBox(6, classChoice, photos), new HBox(6, add, remove), new HBox(6, saveMapping, loadMapping), mappingFile);
        HBox.setHgrow(photos, Priority.ALWAYS);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /** Shows the scene folder's photos as thumbnails that JavaFX decodes in the background. */
    private void showThumbnails(FlowPane thumbnails) {
        thumbnails.getChildren().clear();
        if (model.sceneFolderProperty().get() == null) {
            return;
        }
        List<Path> photos;
        try {
            photos = model.scenePhotos();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            thumbnails.getChildren().add(new Label(e.getMessage()));
            return;
        }
        for (Path photo : photos) {
            ImageView view = new ImageView(new Image(photo.toUri().toString(), SCENE_THUMBNAIL_SIDE, SCENE_THUMBNAIL_SIDE, true, true, true));
            Label caption = new Label(photo.getFileName().toString());
            caption.setMaxWidth(SCENE_THUMBNAIL_SIDE);
            VBox tile = new VBox(2, view, caption);
            tile.setAlignment(Pos.TOP_CENTER);
            thumbnails.getChildren().add(tile);
        }
    }

    private void resaveMapping() {
        Path file = model.mappingFileProperty().get();
        if (file != null) {
            storeAction("The mapping file could not be saved", () -> model.saveMapping(file));
        }
    }

    private FileChooser mappingChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Mapping file (text)", "*.txt"));
        return chooser;
    }

    private Node mean() {
        ImageView image = new ImageView();
        image.setId("mean-image");
        Label summary = new Label("The per-pixel mean of background pixels over every sample with a mask, as augment's mean method uses it.");
        summary.setWrapText(true);
        summary.setId("mean-summary");

        Button compute = new Button("Compute", new FontIcon("mdi2p-play"));
        compute.setId("compute-mean");
        Button cancel = new Button("Cancel", new FontIcon("mdi2s-stop"));
        cancel.setDisable(true);
        cancel.setOnAction(event -> {
            if (averaging != null) {
                averaging.cancel();
            }
        });

        compute.setOnAction(event -> {
            ProgressTask<RgbImage> task;
            try {
                task = model.meanTask();
            } catch (IllegalStateException e) {
                summary.setText("No mean background: " + e.getMessage() + ".");
                return;
            }

            averaging = task;
            compute.setDisable(true);
            cancel.setDisable(false);
            summary.setText("Computing the mean background…");
            Runnable finished = () -> {
                averaging = null;
                compute.setDisable(false);
                cancel.setDisable(true);
            };
            task.setOnSucceeded(done -> {
                finished.run();
                model.meanImageProperty().set(task.getValue());
            });
            task.setOnCancelled(done -> {
                finished.run();
                summary.setText("Cancelled.");
            });
            task.setOnFailed(done -> {
                finished.run();
                LOG.error("Computing the mean background failed", task.getException());
                summary.setText("Computing the mean background failed: " + task.getException().getMessage());
            });
            session.tasks().run(task);
        });

        model.meanImageProperty().addListener((observable, before, mean) -> {
            if (mean == null) {
                image.setImage(null);
                return;
            }
            image.setImage(FxImages.toFx(Thumbnails.upscale(Thumbnails.downscale(mean, TILE_SIDE), TILE_SIDE)));
            summary.setText("Mean background on a " + mean.width() + " × " + mean.height() + " grid");
        });

        VBox box = new VBox(8, new HBox(6, compute, cancel), summary, image);
        box.setPadding(new Insets(8));
        return box;
    }

    /** An action on the project store or a file that may fail; failures show in a dialog. */
    @FunctionalInterface
    private interface StoreAction {
        void run() throws IOException;
    }

    private void storeAction(String failure, StoreAction action) {
        try {
            action.run();
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            LOG.warn("{}", failure, e);
            Dialogs.showError(root, failure, e);
        }
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
