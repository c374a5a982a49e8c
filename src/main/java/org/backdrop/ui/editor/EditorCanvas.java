package org.backdrop.ui.editor;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;
import org.backdrop.mask.edit.EditableMask;
import org.backdrop.ui.editor.MaskEditorViewModel.Tool;
import org.backdrop.ui.editor.MaskEditorViewModel.ViewMode;
import org.backdrop.ui.image.FxImages;

/**
 * The mask editor's drawing area: the image, the mask overlay, the polygon being drawn and the brush
 * outline, zoomed and panned as one group. The wheel zooms at the cursor. Dragging with the middle
 * button, or with Space held, pans. Other mouse input goes to the view model in image coordinates.
 */
final class EditorCanvas {

    private final MaskEditorViewModel model;
    private final Pane pane = new Pane();
    private final Group content = new Group();
    private final Affine transform = new Affine();
    private final ImageView imageView = new ImageView();
    private final Group overlayLayer = new Group();
    private final Polyline polygonLine = new Polyline();
    private final Circle brushOutline = new Circle();
    private final Viewport viewport = new Viewport();
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private MaskOverlay overlay;
    private boolean spaceDown;
    private boolean panning;
    private double panX;
    private double panY;

    EditorCanvas(MaskEditorViewModel model) {
        this.model = model;
        imageView.setSmooth(false);
        polygonLine.setStroke(Color.YELLOW);
        polygonLine.setFill(Color.TRANSPARENT);
        brushOutline.setStroke(Color.WHITE);
        brushOutline.setFill(Color.TRANSPARENT);
        brushOutline.setMouseTransparent(true);
        brushOutline.setVisible(false);
        content.getTransforms().add(transform);
        content.getChildren().addAll(imageView, overlayLayer, polygonLine, brushOutline);
        content.setMouseTransparent(true);

        pane.getChildren().add(content);
        pane.getStyleClass().add("editor-canvas");
        pane.setId("editor-canvas");
        pane.setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(pane.widthProperty());
        clip.heightProperty().bind(pane.heightProperty());
        pane.setClip(clip);

        pane.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        pane.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        pane.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        pane.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        pane.addEventHandler(MouseEvent.MOUSE_EXITED, event -> brushOutline.setVisible(false));
        pane.addEventHandler(ScrollEvent.SCROLL, this::onScroll);

        model.polygon().addListener((javafx.collections.ListChangeListener<Double>) change -> polygonLine.getPoints().setAll(model.polygon()));
        model.viewModeProperty().addListener((observable, before, after) -> applyStyle());
        model.overlayColorProperty().addListener((observable, before, after) -> applyStyle());
        model.opacityProperty().addListener((observable, before, after) -> applyStyle());
        model.brushSizeProperty().addListener((observable, before, after) -> brushOutline.setRadius(after.intValue() / 2.0));
        brushOutline.setRadius(model.brushSizeProperty().get() / 2.0);
        model.addLoadListener(this::loaded);
        model.addSeedListener(rect -> {
            if (overlay != null) {
                overlay.redraw(rect);
            }
        });
    }

    Pane root() {
        return pane;
    }

    /** The image pixel under the cursor, such as "x 120, y 48". */
    ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    MaskOverlay overlay() {
        return overlay;
    }

    Viewport viewport() {
        return viewport;
    }

    void setSpaceDown(boolean down) {
        spaceDown = down;
        pane.setCursor(down ? Cursor.OPEN_HAND : Cursor.DEFAULT);
    }

    /** Scales the image to fit the area. */
    void fit() {
        if (model.mask() != null) {
            viewport.fit(pane.getWidth(), pane.getHeight(), model.mask().width(), model.mask().height());
            applyTransform();
        }
    }

    /** Shows the image at 1:1, one screen pixel per image pixel. */
    void actualSize() {
        if (model.mask() != null) {
            viewport.actualSize(pane.getWidth(), pane.getHeight(), model.mask().width(), model.mask().height());
            applyTransform();
        }
    }

    /** Zooms in ({@code factor} above 1) or out at the centre of the area. */
    void zoom(double factor) {
        viewport.zoomAt(factor, pane.getWidth() / 2, pane.getHeight() / 2);
        applyTransform();
    }

    private void loaded() {
        EditableMask mask = model.mask();
        imageView.setImage(FxImages.toFx(model.image()));
        overlay = new MaskOverlay(mask, model.seeds());
        overlayLayer.getChildren().setAll(overlay.node());
        mask.addListener(overlay::redraw);
        applyStyle();
        fit();
    }

    private void applyStyle() {
        ViewMode mode = model.viewModeProperty().get();
        imageView.setVisible(mode != ViewMode.MASK);
        if (overlay != null) {
            overlay.setStyle(model.overlayColorProperty().get(), model.opacityProperty().get(), mode);
        }
    }

    private void applyTransform() {
        double zoom = viewport.zoom();
        transform.setToTransform(zoom, 0, viewport.offsetX(), 0, zoom, viewport.offsetY());
        // Outlines keep a width of about one screen pixel at any zoom.
        polygonLine.setStrokeWidth(1.5 / zoom);
        brushOutline.setStrokeWidth(1 / zoom);
    }

    private void onPressed(MouseEvent event) {
        pane.requestFocus();
        if (event.getButton() == MouseButton.MIDDLE || spaceDown) {
            panning = true;
            panX = event.getX();
            panY = event.getY();
            pane.setCursor(Cursor.CLOSED_HAND);
            return;
        }
        boolean polygonTool = model.toolProperty().get() == Tool.POLYGON_ADD || model.toolProperty().get() == Tool.POLYGON_SUBTRACT;
        if (polygonTool && event.getClickCount() == 2) {
            model.closePolygon();
            return;
        }
        model.press(viewport.toImageX(event.getX()), viewport.toImageY(event.getY()), event.getButton() == MouseButton.PRIMARY);
    }

    private void onDragged(MouseEvent event) {
        if (panning) {
            viewport.pan(event.getX() - panX, event.getY() - panY);
            panX = event.getX();
            panY = event.getY();
            applyTransform();
            return;
        }
        moveOutline(event);
        model.drag(viewport.toImageX(event.getX()), viewport.toImageY(event.getY()));
    }

    private void onReleased(MouseEvent event) {
        if (panning) {
            panning = false;
            pane.setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
            return;
        }
        model.release();
    }

    private void onMoved(MouseEvent event) {
        moveOutline(event);
    }

    private void moveOutline(MouseEvent event) {
        double x = viewport.toImageX(event.getX());
        double y = viewport.toImageY(event.getY());
        Tool tool = model.toolProperty().get();
        boolean brushLike = tool == Tool.BRUSH || tool == Tool.ERASER || tool == Tool.GRABCUT;
        brushOutline.setVisible(brushLike && model.mask() != null);
        // The brush is centred on the pixel centre, as EditableMask.paintLine paints it.
        brushOutline.setCenterX(Math.floor(x) + 0.5);
        brushOutline.setCenterY(Math.floor(y) + 0.5);
        position.set(String.format(Locale.ROOT, "x %d, y %d · zoom %.0f%%", (int) Math.floor(x), (int) Math.floor(y), 100 * viewport.zoom()));
    }

    private void onScroll(ScrollEvent event) {
        if (event.getDeltaY() == 0) {
            return;
        }
        viewport.zoomAt(event.getDeltaY() > 0 ? 1.25 : 0.8, event.getX(), event.getY());
        applyTransform();
        event.consume();
    }
}
