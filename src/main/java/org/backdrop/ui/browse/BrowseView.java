package org.backdrop.ui.browse;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Sample;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.image.BlockImageView;
import org.backdrop.ui.image.SampleThumbnailSlots;
import org.backdrop.ui.image.SampleThumbnails;
import org.backdrop.ui.image.ThumbnailLoader;
import org.backdrop.ui.image.ThumbnailSlots;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

/** The browse screen: filters above a virtualised grid of thumbnails, the counts below. */
public final class BrowseView {

    static final int THUMBNAIL_SIZE = 112;

    private final StudioSession session;
    private final BrowseViewModel model;
    private final SampleThumbnailSlots cache;
    private final ThumbnailLoader<SampleThumbnails.Key, ThumbnailSlots> thumbnails;
    private final CheckBox overlay = new CheckBox("Mask overlay");
    private final GridView<Sample> grid = new GridView<>();
    private final BorderPane root = new BorderPane();
    private final Runnable reviewListener = this::refreshCells;
    private Consumer<Sample> onOpen = sample -> {};
    private Consumer<Sample> onEdit;

    public BrowseView(StudioSession session, BrowseViewModel model) {
        this.session = session;
        this.model = model;
        SampleThumbnails renderer = new SampleThumbnails(session);
        // The cache keeps the small decoded pixels in preallocated slots (4 KB for a CIFAR image), outside
        // the young generation, and each cell enlarges them into a buffer of its own. So young collections
        // while scrolling neither copy nor promote cached thumbnails. 3,000 slots of 32 x 32 pixels take 12 MB; 400
        // slots for larger images, such as VOC photos shrunk to 112 pixels, take 20 MB. About three
        // screens of pending thumbnails: while scrolling fast, older requests are for cells that have
        // already scrolled away, and decoding them only delays the visible ones.
        this.cache = new SampleThumbnailSlots(renderer, THUMBNAIL_SIZE, 32, 3000, 400);
        this.thumbnails = new ThumbnailLoader<>(cache::render, cache, 160, 2);

        grid.setItems(model.visibleSamples());
        grid.setCellWidth(THUMBNAIL_SIZE + 8);
        grid.setCellHeight(THUMBNAIL_SIZE + 26);
        grid.setHorizontalCellSpacing(6);
        grid.setVerticalCellSpacing(6);
        grid.setCellFactory(view -> new SampleCell());
        grid.getStyleClass().add("sample-grid");
        // Every row has the same height, so the grid's VirtualFlow need not measure rows to estimate its
        // length. Measuring lays out a spare row, with its cells' styles and thumbnail requests, for
        // rows that are not on screen.
        grid.skinProperty().addListener((observable, before, skin) -> {
            if (skin != null && grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.setFixedCellSize(grid.getCellHeight() + 2 * grid.getVerticalCellSpacing());
            }
        });

        overlay.setSelected(true);
        overlay.selectedProperty().addListener((observable, before, after) -> refreshCells());
        session.masksProperty().addListener((observable, before, after) -> {
            thumbnails.invalidate();
            refreshCells();
        });
        session.datasetProperty().addListener((observable, before, after) -> thumbnails.invalidate());
        session.selectedProperty().addListener((observable, before, after) -> refreshCells());
        session.reviewProperty().addListener((observable, before, review) -> {
            before.removeListener(reviewListener);
            review.addListener(reviewListener);
        });
        session.review().addListener(reviewListener);

        Label counts = new Label();
        counts.getStyleClass().add("counts");
        counts.textProperty().bind(model.summaryProperty());
        HBox bottom = new HBox(counts);
        bottom.setPadding(new Insets(4, 8, 4, 8));

        root.setTop(filters());
        root.setCenter(grid);
        root.setBottom(bottom);
    }

    /** Recreates the grid's cells, because ControlsFX's GridView has no refresh of its own. */
    private void refreshCells() {
        grid.setCellFactory(view -> new SampleCell());
    }

    public Node root() {
        return root;
    }

    /** Sets what a double click on a thumbnail does, such as opening the sample in review mode. */
    public void setOnOpen(Consumer<Sample> action) {
        this.onOpen = action;
    }

    /** Sets what the thumbnails' "Edit mask…" menu item does, such as opening the mask editor. */
    public void setOnEdit(Consumer<Sample> action) {
        this.onEdit = action;
    }

    private Node filters() {
        ComboBox<Category> classes = new ComboBox<>(model.classes());
        classes.setPromptText("All classes");
        classes.setConverter(new StringConverter<>() {
            @Override
            public String toString(Category category) {
                return category == null ? "All classes" : category.name();
            }

            @Override
            public Category fromString(String text) {
                return null;
            }
        });
        classes.valueProperty().bindBidirectional(model.classFilterProperty());
        classes.setId("class-filter");

        ComboBox<ReviewStatus> statuses = new ComboBox<>();
        statuses.getItems().add(null);
        statuses.getItems().addAll(ReviewStatus.values());
        statuses.setPromptText("Any status");
        statuses.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReviewStatus status) {
                return status == null ? "Any status" : status.label();
            }

            @Override
            public ReviewStatus fromString(String text) {
                return null;
            }
        });
        statuses.valueProperty().bindBidirectional(model.statusFilterProperty());
        statuses.setId("status-filter");

        ComboBox<MaskOrigin> origins = new ComboBox<>();
        origins.getItems().add(null);
        origins.getItems().addAll(MaskOrigin.values());
        origins.setPromptText("Any mask source");
        origins.setConverter(new StringConverter<>() {
            @Override
            public String toString(MaskOrigin origin) {
                return origin == null ? "Any mask source" : origin.label();
            }

            @Override
            public MaskOrigin fromString(String text) {
                return null;
            }
        });
        origins.valueProperty().bindBidirectional(model.originFilterProperty());
        origins.setId("origin-filter");

        Slider pixels = new Slider(0, 1000, 0);
        pixels.setMajorTickUnit(250);
        pixels.setShowTickMarks(true);
        pixels.setPrefWidth(160);
        pixels.setId("pixel-filter");
        pixels.valueProperty().addListener((observable, before, after) -> model.minObjectPixelsProperty().set(after.intValue()));
        Label pixelValue = new Label();
        pixelValue.setMinWidth(Region.USE_PREF_SIZE);
        pixelValue.textProperty().bind(model.minObjectPixelsProperty().asString("≥ %d object px"));
        session.masksProperty().addListener((observable, before, masks) -> {
            long largest = masks.values().stream().mapToLong(mask -> mask.area()).max().orElse(1000);
            pixels.setMax(Math.max(BrowseViewModel.COMMON_MIN_OBJECT_PIXELS * 2, largest));
            pixels.setMajorTickUnit(Math.max(1, pixels.getMax() / 4));
        });
        BooleanBinding noMasks = Bindings.createBooleanBinding(() -> session.masksProperty().get().isEmpty(), session.masksProperty());
        pixels.disableProperty().bind(noMasks);
        pixels.setTooltip(new Tooltip("Hide samples whose mask has fewer object pixels; needs masks from the Masks tab"));
        Button common = new Button(Integer.toString(BrowseViewModel.COMMON_MIN_OBJECT_PIXELS));
        common.setTooltip(new Tooltip("Set the threshold to " + BrowseViewModel.COMMON_MIN_OBJECT_PIXELS + " object pixels"));
        common.setOnAction(event -> pixels.setValue(BrowseViewModel.COMMON_MIN_OBJECT_PIXELS));
        common.disableProperty().bind(noMasks);

        TextField id = new TextField();
        id.setPromptText("Filter by id");
        id.setPrefColumnCount(12);
        id.textProperty().bindBidirectional(model.idTextProperty());
        id.setId("id-filter");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Class"), classes, new Label("Status"), statuses, new Label("Mask"), origins, pixels, pixelValue, common,
                id, spacer, overlay);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private final class SampleCell extends GridCell<Sample> {
        private final BlockImageView image = new BlockImageView(THUMBNAIL_SIZE);

        SampleCell() {
            // The thumbnail is the cell's graphic and the sample id its text, with no layout pane and label
            // between: each node in a cell is restyled and laid out again whenever a scrolled row reuses it.
            // The graphic stays set, because replacing it on every update restyles the cell.
            setGraphic(image.view());
            setContentDisplay(ContentDisplay.TOP);
            setGraphicTextGap(2);
            setAlignment(Pos.CENTER);
            getStyleClass().add("sample-cell");
            MenuItem edit = new MenuItem("Edit mask…");
            edit.setOnAction(event -> {
                if (onEdit != null && getItem() != null) {
                    onEdit.accept(getItem());
                }
            });
            setContextMenu(new ContextMenu(edit));
            setOnMouseClicked(event -> {
                if (event.getButton() != MouseButton.PRIMARY || getItem() == null) {
                    return;
                }
                session.selectedProperty().set(getItem());
                if (event.getClickCount() == 2) {
                    onOpen.accept(getItem());
                }
            });
        }

        /**
         * Updates the cell once per change. ControlsFX's grid row moves each of its cells to index -1 and
         * then to the new index whenever the row changes. Every scrolled cell was emptied and filled again,
         * and JavaFX restyled it for both states. The cell ignores the move to -1, because the grid row is
         * its only caller. When the index stays the same, the cell reads its item from the grid's list
         * again, so it shows the right sample after a filter change.
         */
        @Override
        public void updateIndex(int index) {
            GridView<Sample> view = getGridView();
            if (view == null) {
                super.updateIndex(index);
            } else if (index >= 0 && index == getIndex() && index < view.getItems().size()) {
                Sample sample = view.getItems().get(index);
                updateItem(sample, sample == null);
            } else if (index >= 0) {
                super.updateIndex(index);
            }
        }

        @Override
        protected void updateItem(Sample sample, boolean empty) {
            super.updateItem(sample, empty);
            if (empty || sample == null) {
                setText(null);
                image.clear();
                return;
            }
            getStyleClass().removeAll("accepted", "rejected", "edited", "selected-sample");
            ReviewStatus status = session.review().status(sample.id());
            if (status != ReviewStatus.UNREVIEWED) {
                getStyleClass().add(status.label());
            }
            if (sample == session.selectedProperty().get()) {
                getStyleClass().add("selected-sample");
            }
            setText(sample.id());
            int index = session.indexOf(sample);
            if (index < 0) {
                // While another dataset opens, the grid can redraw its old samples before it receives the new ones.
                image.clear();
                return;
            }
            boolean withOverlay = overlay.isSelected();
            // A cached thumbnail is drawn without allocating a key, a request or a callback.
            if (cache.draw(index, withOverlay, image)) {
                return;
            }
            SampleThumbnails.Key key = new SampleThumbnails.Key(index, sample.id(), withOverlay, THUMBNAIL_SIZE);
            ThumbnailSlots cached = thumbnails.request(key, ready -> {
                if (sample == getItem() && !cache.draw(index, withOverlay, image)) {
                    image.clear();
                }
            });
            // Loader threads may have stored the thumbnail since the draw above, or rewritten its slot during it.
            if (cached == null || !cache.draw(index, withOverlay, image)) {
                image.clear();
            }
        }
    }
}
