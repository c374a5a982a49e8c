package org.backdrop.ui.browse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.curate.ReviewState;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.curate.SampleFilter;
import org.backdrop.curate.SampleMasks;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.backdrop.ui.StudioSession;

/**
 * The browse screen's state: filters over the open dataset and the samples that pass them, with
 * the count of each review status. The filters are a {@link SampleFilter}: class, review status,
 * mask origin, minimum object pixels (which needs masks; samples without a mask then fail it) and a
 * case-insensitive id substring.
 */
public final class BrowseViewModel {

    /** The common minimum of object pixels for small images such as CIFAR-10's. */
    public static final int COMMON_MIN_OBJECT_PIXELS = 150;

    private final StudioSession session;
    private final ObjectProperty<Category> classFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<ReviewStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<MaskOrigin> originFilter = new SimpleObjectProperty<>();
    private final IntegerProperty minObjectPixels = new SimpleIntegerProperty(0);
    private final StringProperty idText = new SimpleStringProperty("");
    private final ObservableList<Sample> visible = FXCollections.observableArrayList();
    private final ObservableList<Category> classes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No dataset open");
    private final Runnable reviewListener = this::refresh;
    private Map<String, Long> objectPixels = Map.of();
    private final SampleMasks masks = new SampleMasks() {
        @Override
        public long objectPixels(String sampleId) {
            return objectPixels.getOrDefault(sampleId, -1L);
        }

        @Override
        public Optional<MaskOrigin> origin(String sampleId) {
            return session.maskOrigin(sampleId);
        }
    };

    public BrowseViewModel(StudioSession session) {
        this.session = session;
        session.datasetProperty().addListener((observable, before, dataset) -> datasetChanged(dataset));
        session.masksProperty().addListener((observable, before, masks) -> {
            objectPixels = areas(masks);
            refresh();
        });
        session.reviewProperty().addListener((observable, before, review) -> {
            before.removeListener(reviewListener);
            review.addListener(reviewListener);
            refresh();
        });
        session.review().addListener(reviewListener);
        classFilter.addListener((observable, before, after) -> refresh());
        statusFilter.addListener((observable, before, after) -> refresh());
        originFilter.addListener((observable, before, after) -> refresh());
        minObjectPixels.addListener((observable, before, after) -> refresh());
        idText.addListener((observable, before, after) -> refresh());
        datasetChanged(session.dataset());
    }

    /** The class a sample must have, or null for every class. */
    public ObjectProperty<Category> classFilterProperty() {
        return classFilter;
    }

    /** The review status a sample must have, or null for every status. */
    public ObjectProperty<ReviewStatus> statusFilterProperty() {
        return statusFilter;
    }

    /** Where a sample's mask must come from, or null for any mask or none. */
    public ObjectProperty<MaskOrigin> originFilterProperty() {
        return originFilter;
    }

    /** Returns the filter the properties set now. */
    public SampleFilter filter() {
        Category category = classFilter.get();
        return new SampleFilter(category == null ? OptionalInt.empty() : OptionalInt.of(category.id()),
                Optional.ofNullable(statusFilter.get()), Optional.ofNullable(originFilter.get()), minObjectPixels.get(), idText.get());
    }

    /** The minimum number of object pixels in a sample's mask. At 0, samples without a mask pass too. */
    public IntegerProperty minObjectPixelsProperty() {
        return minObjectPixels;
    }

    /** Text the sample id must contain, ignoring case. */
    public StringProperty idTextProperty() {
        return idText;
    }

    /** The samples that pass every filter, in dataset order. */
    public ObservableList<Sample> visibleSamples() {
        return visible;
    }

    /** The dataset's classes, for the class filter. */
    public ObservableList<Category> classes() {
        return classes;
    }

    /** A line such as "12 of 40 shown · 30 unreviewed · 6 accepted · 4 rejected · 0 edited". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Returns the object pixels of the sample's mask, or -1 when it has none. */
    public long objectPixels(Sample sample) {
        return objectPixels.getOrDefault(sample.id(), -1L);
    }

    private void datasetChanged(Dataset dataset) {
        classes.setAll(dataset == null ? List.of() : dataset.categories());
        classFilter.set(null);
        refresh();
    }

    private void refresh() {
        Dataset dataset = session.dataset();
        if (dataset == null) {
            visible.clear();
            summary.set("No dataset open");
            return;
        }
        ReviewState review = session.review();
        List<Sample> passing = filter().apply(dataset.samples(), review, masks);
        visible.setAll(passing);
        summary.set(summaryLine(passing.size(), dataset.samples().size(), review.counts(dataset.samples())));
    }

    private static String summaryLine(int shown, int total, Map<ReviewStatus, Integer> counts) {
        StringBuilder line = new StringBuilder().append(shown).append(" of ").append(total).append(" shown");
        for (ReviewStatus status : ReviewStatus.values()) {
            line.append(" · ").append(counts.get(status)).append(' ').append(status.label());
        }
        return line.toString();
    }

    private static Map<String, Long> areas(Map<String, Rle> masks) {
        Map<String, Long> areas = new HashMap<>();
        masks.forEach((id, mask) -> areas.put(id, mask.area()));
        return areas;
    }
}
