package org.backdrop.ui.editor;

import java.io.IOException;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backdrop.ui.Dialogs;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.editor.MaskEditorViewModel.Tool;
import org.backdrop.ui.editor.MaskEditorViewModel.ViewMode;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mask editor: tools on the toolbar, the drawing area in the centre, display and GrabCut settings
 * on the right, and a status line.
 *
 * <p>Tool keys: B brush, E eraser, P add polygon, Shift+P subtract polygon, F fill, G GrabCut strokes,
 * [ and ] brush size. Enter closes a polygon and Escape drops it. Ctrl+Z undoes, and Ctrl+Shift+Z or
 * Ctrl+Y redoes. Ctrl+0 fits, Ctrl+1 shows 1:1, V switches to the next view, Ctrl+S saves, and
 * Space+drag pans.
 */
public final class MaskEditorView {

    private static final Logger LOG = LoggerFactory.getLogger(MaskEditorView.class);

    private final StudioSession session;
    private final MaskEditorViewModel model;
    private final EditorCanvas canvas;
    private final BorderPane root = new BorderPane();
    private final ToggleGroup tools = new ToggleGroup();
    private final ToggleGroup views = new ToggleGroup();
    private Runnable onClose = () -> {};

    public MaskEditorView(StudioSession session, MaskEditorViewModel model) {
        this.session = session;
        this.model = model;
        this.canvas = new EditorCanvas(model);

        root.setTop(toolBar());
        root.setCenter(canvas.root());
        root.setRight(settings());
        root.setBottom(statusLine());
        root.setId("mask-editor");
        root.getProperties().put(MaskEditorView.class, this);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        root.addEventFilter(KeyEvent.KEY_RELEASED, event -> {
            if (event.getCode() == KeyCode.SPACE) {
                canvas.setSpaceDown(false);
                event.consume();
            }
        });
        root.disableProperty().bind(model.busyProperty());
        canvas.root().widthProperty().addListener((observable, before, after) -> fitOnFirstLayout());
        canvas.root().heightProperty().addListener((observable, before, after) -> fitOnFirstLayout());
    }

    public BorderPane root() {
        return root;
    }

    public MaskEditorViewModel model() {
        return model;
    }

    /** Sets what Close does, such as closing the editor's window. */
    public void setOnClose(Runnable action) {
        onClose = action;
    }

    /** Gives the drawing area the keyboard focus. */
    public void focus() {
        canvas.root().requestFocus();
    }

    EditorCanvas canvas() {
        return canvas;
    }

    private boolean fitted;

    private void fitOnFirstLayout() {
        if (!fitted && model.mask() != null && canvas.root().getWidth() > 0 && canvas.root().getHeight() > 0) {
            fitted = true;
            canvas.fit();
        }
    }

    private Node toolBar() {
        ToolBar bar = new ToolBar();
        for (Tool tool : Tool.values()) {
            ToggleButton button = new ToggleButton(null, new FontIcon(icon(tool)));
            button.setToggleGroup(tools);
            button.setUserData(tool);
            button.setTooltip(new Tooltip(tool.label() + " (" + tool.key() + ")" + hint(tool)));
            button.setId("tool-" + tool.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            button.setFocusTraversable(false);
            bar.getItems().add(button);
        }
        tools.selectToggle(tools.getToggles().get(model.toolProperty().get().ordinal()));
        tools.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after == null) {
                // Keep one tool selected: a click on the selected button would otherwise clear the group.
                tools.selectToggle(before);
            } else {
                model.toolProperty().set((Tool) after.getUserData());
            }
        });
        model.toolProperty().addListener((observable, before, after) -> tools.selectToggle(tools.getToggles().get(after.ordinal())));

        Button undo = button("mdi2u-undo", "Undo (Ctrl+Z)", model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not().and(Bindings.isEmpty(model.polygon())));
        undo.setId("editor-undo");
        Button redo = button("mdi2r-redo", "Redo (Ctrl+Shift+Z)", model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        redo.setId("editor-redo");
        Button fit = button("mdi2f-fit-to-screen-outline", "Fit to window (Ctrl+0)", canvas::fit);
        Button actual = button("mdi2n-numeric-1-box-outline", "Actual size, 1:1 (Ctrl+1)", canvas::actualSize);
        Button zoomIn = button("mdi2m-magnify-plus-outline", "Zoom in (wheel up)", () -> canvas.zoom(1.25));
        Button zoomOut = button("mdi2m-magnify-minus-outline", "Zoom out (wheel down)", () -> canvas.zoom(0.8));

        Button save = new Button("Save", new FontIcon("mdi2c-content-save-outline"));
        save.setTooltip(new Tooltip("Store this mask as the sample's edited mask; the original stays recoverable (Ctrl+S)"));
        save.setOnAction(event -> save());
        save.disableProperty().bind(model.dirtyProperty().not());
        save.setId("editor-save");
        Button revert = new Button("Revert to original", new FontIcon("mdi2b-backup-restore"));
        revert.setTooltip(new Tooltip("Put the mask from before the first saved edit back; undo takes this back"));
        revert.setOnAction(event -> model.revertToOriginal());
        revert.disableProperty().bind(model.editedProperty().not().and(model.dirtyProperty().not()));
        revert.setId("editor-revert");
        Button close = new Button("Close", new FontIcon("mdi2c-close"));
        close.setOnAction(event -> onClose.run());
        close.setId("editor-close");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        bar.getItems().addAll(new Separator(Orientation.VERTICAL), undo, redo, new Separator(Orientation.VERTICAL), fit, actual, zoomIn, zoomOut,
                spacer, revert, save, close);
        return bar;
    }

    private static String icon(Tool tool) {
        return switch (tool) {
            case BRUSH -> "mdi2b-brush";
            case ERASER -> "mdi2e-eraser";
            case POLYGON_ADD -> "mdi2s-shape-polygon-plus";
            case POLYGON_SUBTRACT -> "mdi2v-vector-difference-ab";
            case FILL -> "mdi2f-format-color-fill";
            case GRABCUT -> "mdi2a-auto-fix";
        };
    }

    private static String hint(Tool tool) {
        return switch (tool) {
            case BRUSH -> ": drag to paint, right-drag to erase";
            case ERASER -> ": drag to erase, right-drag to paint";
            case POLYGON_ADD, POLYGON_SUBTRACT -> ": click the vertices; double-click, right-click or Enter closes";
            case FILL -> ": click fills a connected region with foreground, right-click with background";
            case GRABCUT -> ": drag over the object, right-drag over background, then Refine";
        };
    }

    private Button button(String icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        button.setOnAction(event -> {
            action.run();
            focus();
        });
        return button;
    }

    private Node settings() {
        HBox viewButtons = new HBox(4);
        for (ViewMode mode : ViewMode.values()) {
            String text = switch (mode) {
                case ORIGINAL -> "Original";
                case MASK -> "Mask";
                case COMPOSITE -> "Composite";
            };
            ToggleButton button = new ToggleButton(text);
            button.setToggleGroup(views);
            button.setUserData(mode);
            button.setFocusTraversable(false);
            button.setId("view-" + mode.name().toLowerCase(java.util.Locale.ROOT));
            button.setMinWidth(Region.USE_PREF_SIZE);
            viewButtons.getChildren().add(button);
        }
        views.selectToggle(views.getToggles().get(model.viewModeProperty().get().ordinal()));
        views.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after == null) {
                views.selectToggle(before);
            } else {
                model.viewModeProperty().set((ViewMode) after.getUserData());
            }
        });
        model.viewModeProperty().addListener((observable, before, after) -> views.selectToggle(views.getToggles().get(after.ordinal())));

        ColorPicker colour = new ColorPicker();
        colour.valueProperty().bindBidirectional(model.overlayColorProperty());
        colour.setFocusTraversable(false);
        Slider opacity = slider(0, 1, model.opacityProperty().get());
        opacity.valueProperty().bindBidirectional(model.opacityProperty());

        Slider brush = slider(MaskEditorViewModel.MIN_BRUSH, 100, model.brushSizeProperty().get());
        brush.valueProperty().addListener((observable, before, after) -> model.brushSizeProperty().set((int) Math.round(after.doubleValue())));
        model.brushSizeProperty().addListener((observable, before, after) -> brush.setValue(after.intValue()));
        Label brushLabel = new Label();
        brushLabel.textProperty().bind(Bindings.format("Brush size: %d px ([ and ])", model.brushSizeProperty()));
        brushLabel.setId("editor-brush-size");

        Slider threshold = slider(0, 1, model.thresholdProperty().get());
        threshold.valueProperty().bindBidirectional(model.thresholdProperty());
        threshold.setId("editor-threshold");
        Label thresholdLabel = new Label();
        thresholdLabel.textProperty().bind(Bindings.format("Threshold: %.2f", model.thresholdProperty()));
        threshold.disableProperty().bind(model.probabilityMaskProperty().not().or(model.busyProperty()));
        Label thresholdNote = new Label();
        thresholdNote.textProperty().bind(model.thresholdNoteProperty());
        thresholdNote.setWrapText(true);
        thresholdNote.setId("editor-threshold-note");
        thresholdNote.getStyleClass().add("editor-note");
        VBox thresholdBox = new VBox(4, thresholdLabel, threshold, thresholdNote);
        // A disabled slider shows no tooltip, so the box around it carries the reason.
        Tooltip thresholdTip = new Tooltip();
        thresholdTip.textProperty().bind(model.thresholdNoteProperty());
        thresholdTip.setWrapText(true);
        thresholdTip.setMaxWidth(360);
        Tooltip.install(thresholdBox, thresholdTip);

        Button refine = new Button("Refine with GrabCut", new FontIcon("mdi2a-auto-fix"));
        refine.setTooltip(new Tooltip("Run GrabCut from the mask and the strokes: green strokes are object, blue strokes background"));
        refine.setOnAction(event -> refine());
        refine.setMaxWidth(Double.MAX_VALUE);
        refine.setId("editor-refine");
        Button clearSeeds = new Button("Clear strokes");
        clearSeeds.setOnAction(event -> model.clearSeeds());
        clearSeeds.setMaxWidth(Double.MAX_VALUE);
        Label grabCutHint = new Label("With the GrabCut tool, drag over the object and right-drag over background, then refine.");
        grabCutHint.setWrapText(true);

        VBox box = new VBox(8,
                heading("View"), viewButtons,
                heading("Overlay"), colour, new Label("Opacity"), opacity,
                heading("Brush"), brushLabel, brush,
                heading("Probability threshold"), thresholdBox,
                heading("GrabCut"), grabCutHint, refine, clearSeeds);
        box.setPadding(new Insets(8, 10, 8, 10));
        box.setPrefWidth(270);
        box.setMinWidth(270);
        box.getStyleClass().add("editor-settings");
        return box;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("editor-heading");
        label.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
        return label;
    }

    private static Slider slider(double min, double max, double value) {
        Slider slider = new Slider(min, max, value);
        slider.setFocusTraversable(false);
        return slider;
    }

    private Node statusLine() {
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setId("editor-status");
        Label position = new Label();
        position.textProperty().bind(canvas.positionProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(12, status, spacer, position);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(4, 8, 4, 8));
        return line;
    }

    private void onKeyPressed(KeyEvent event) {
        boolean shortcut = event.isShortcutDown();
        KeyCode code = event.getCode();
        Runnable action = null;
        if (shortcut) {
            action = switch (code) {
                case Z -> event.isShiftDown() ? model::redo : model::undo;
                case Y -> model::redo;
                case S -> this::save;
                case DIGIT0, NUMPAD0 -> canvas::fit;
                case DIGIT1, NUMPAD1 -> canvas::actualSize;
                default -> null;
            };
        } else {
            action = switch (code) {
                case OPEN_BRACKET -> model::shrinkBrush;
                case CLOSE_BRACKET -> model::growBrush;
                case B -> () -> model.toolProperty().set(Tool.BRUSH);
                case E -> () -> model.toolProperty().set(Tool.ERASER);
                case P -> () -> model.toolProperty().set(event.isShiftDown() ? Tool.POLYGON_SUBTRACT : Tool.POLYGON_ADD);
                case F -> () -> model.toolProperty().set(Tool.FILL);
                case G -> () -> model.toolProperty().set(Tool.GRABCUT);
                case ENTER -> model::closePolygon;
                case ESCAPE -> model::cancelPolygon;
                case V -> () -> model.viewModeProperty().set(ViewMode.values()[(model.viewModeProperty().get().ordinal() + 1) % ViewMode.values().length]);
                case SPACE -> () -> canvas.setSpaceDown(true);
                default -> null;
            };
        }
        if (action != null) {
            action.run();
            event.consume();
        }
    }

    private void save() {
        try {
            model.save();
        } catch (IOException e) {
            LOG.error("Writing the review decision for sample {} failed", model.sample().id(), e);
            Dialogs.showError(root, "The mask is stored, but the review file could not be written", e);
        }
    }

    private void refine() {
        if (model.mask() == null) {
            return;
        }
        session.tasks().run(model.refineTask());
    }
}
