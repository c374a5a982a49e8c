package org.backdrop.ui.results;

import java.io.IOException;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.Sample;
import org.backdrop.ui.image.FxImages;
import org.backdrop.ui.image.ThumbnailLoader;
import org.backdrop.ui.image.Thumbnails;

/**
 * The flipped samples of the selected model and variant: a list, and the chosen sample on the original
 * and on the variant side by side with both predictions. Images decode off the JavaFX thread.
 */
final class FlipsViewer {

    static final int IMAGE_SIDE = 256;

    /** One image to show: a sample of a dataset. Datasets compare by identity, because comparing their sample lists is slow. */
    private record Key(Dataset dataset, Sample sample) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.dataset == dataset && key.sample.id().equals(sample.id());
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(dataset) * 31 + sample.id().hashCode();
        }

        @Override
        public String toString() {
            return "sample " + sample.id();
        }
    }

    private final EvaluationViewModel model;
    private final DatasetImages images = new DatasetImages();
    private final ThumbnailLoader<Key, Image> loader = new ThumbnailLoader<>(this::render, 64, 8, 1);
    private final ListView<FlippedSample> list;
    private final ImageView originalImage = new ImageView();
    private final ImageView variantImage = new ImageView();
    private final Label originalCaption = new Label();
    private final Label variantCaption = new Label();
    private final SplitPane root = new SplitPane();

    FlipsViewer(EvaluationViewModel model) {
        this.model = model;
        list = new ListView<>(model.visibleFlips());
        list.setId("flips-list");
        list.setPlaceholder(new Label("No flipped samples for this model and variant"));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(FlippedSample flip, boolean empty) {
                super.updateItem(flip, empty);
                setText(empty || flip == null ? null : flip.originalSample().id() + "  " + flip.trueClass() + " → " + flip.variantPrediction());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((observable, before, flip) -> show(flip));
        model.visibleFlips().addListener((ListChangeListener<FlippedSample>) change -> {
            if (!model.visibleFlips().isEmpty()) {
                list.getSelectionModel().select(0);
            } else {
                show(null);
            }
        });

        originalCaption.setId("flip-original-caption");
        variantCaption.setId("flip-variant-caption");
        for (ImageView view : new ImageView[] {originalImage, variantImage}) {
            view.setFitWidth(IMAGE_SIDE);
            view.setFitHeight(IMAGE_SIDE);
            view.setPreserveRatio(true);
            view.setSmooth(false);
        }
        HBox pair = new HBox(16, column(originalImage, originalCaption), column(variantImage, variantCaption));
        pair.setAlignment(Pos.TOP_CENTER);
        pair.setPadding(new Insets(12));
        root.getItems().addAll(list, pair);
        root.setDividerPositions(0.3);
    }

    Node root() {
        return root;
    }

    private static VBox column(ImageView image, Label caption) {
        caption.setWrapText(true);
        caption.setMaxWidth(IMAGE_SIDE);
        VBox box = new VBox(6, image, caption);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private void show(FlippedSample flip) {
        if (flip == null) {
            originalImage.setImage(null);
            variantImage.setImage(null);
            originalCaption.setText("");
            variantCaption.setText("");
            return;
        }
        originalCaption.setText("Original: predicted " + flip.trueClass() + " (right)");
        variantCaption.setText(flip.variant() + ": predicted " + flip.variantPrediction() + " (wrong; true class " + flip.trueClass() + ")");
        load(originalImage, new Key(flip.original(), flip.originalSample()));
        load(variantImage, new Key(flip.variantDataset(), flip.variantSample()));
    }

    private void load(ImageView view, Key key) {
        view.setUserData(key);
        Image cached = loader.request(key, ready -> {
            if (key.equals(view.getUserData())) {
                view.setImage(ready);
            }
        });
        view.setImage(cached);
    }

    private Image render(Key key) throws IOException {
        return FxImages.toFx(Thumbnails.upscale(Thumbnails.downscale(images.load(key.dataset(), key.sample()), IMAGE_SIDE), IMAGE_SIDE));
    }
}
