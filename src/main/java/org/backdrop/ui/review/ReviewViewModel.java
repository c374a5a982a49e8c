package org.backdrop.ui.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backdrop.curate.ReviewState;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.dataset.Sample;
import org.backdrop.ui.StudioSession;

/**
 * Review mode's state: a fixed list of samples to review, the current one, and the decisions, which
 * go to the session's {@link ReviewState}, which saves each one as it is made. A decision moves to the next
 * sample; undo goes back to the sample whose decision it restores.
 */
public final class ReviewViewModel {

    private final StudioSession session;
    private final Runnable reviewListener = this::update;
    private List<Sample> samples = List.of();
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Sample> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public ReviewViewModel(StudioSession session) {
        this.session = session;
        session.reviewProperty().addListener((observable, before, review) -> {
            before.removeListener(reviewListener);
            review.addListener(reviewListener);
            update();
        });
        session.review().addListener(reviewListener);
        session.masksProperty().addListener((observable, before, masks) -> update());
    }

    /** Sets the samples to review, in order, and shows the one at {@code start}. */
    public void setSamples(List<Sample> toReview, int start) {
        samples = List.copyOf(toReview);
        position.set(samples.isEmpty() ? -1 : Math.max(0, Math.min(start, samples.size() - 1)));
        update();
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The sample on screen, or null when there is nothing to review. */
    public ReadOnlyObjectProperty<Sample> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The position of the current sample in {@link #samples()}, -1 when there is none. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** A line such as "Sample 3 of 40 · 12 of 40 reviewed". */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The current sample's id, class and status, such as "2007_000032 · aeroplane · accepted · no mask". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void accept() throws IOException {
        decide(ReviewStatus.ACCEPTED);
    }

    public void reject() throws IOException {
        decide(ReviewStatus.REJECTED);
    }

    /**
     * Marks the current sample as edited without changing its mask. The studio's mask editor records
     * this status itself when it saves a mask.
     */
    public void markEdited() throws IOException {
        decide(ReviewStatus.EDITED);
    }

    /** Moves to the next sample; stays on the last one. */
    public void next() {
        move(1);
    }

    /** Moves to the previous sample; stays on the first one. */
    public void previous() {
        move(-1);
    }

    /**
     * Undoes the last decision and shows its sample when it is in the list.
     *
     * @return false when there was nothing to undo
     */
    public boolean undo() throws IOException {
        Optional<String> undone = session.review().undo();
        undone.ifPresent(id -> {
            for (int i = 0; i < samples.size(); i++) {
                if (samples.get(i).id().equals(id)) {
                    position.set(i);
                    break;
                }
            }
        });
        update();
        return undone.isPresent();
    }

    /** Writes the accepted and edited ids of the whole dataset to {@code file}, one per line; returns how many. */
    public int exportCuratedList(Path file) throws IOException {
        return session.review().exportCuratedList(session.dataset().samples(), file);
    }

    private void decide(ReviewStatus decision) throws IOException {
        Sample sample = current.get();
        if (sample == null) {
            return;
        }
        try {
            session.review().decide(sample.id(), decision);
        } finally {
            move(1);
        }
    }

    private void move(int step) {
        if (samples.isEmpty()) {
            return;
        }
        position.set(Math.max(0, Math.min(samples.size() - 1, position.get() + step)));
        update();
    }

    private void update() {
        int at = position.get();
        if (at < 0 || at >= samples.size()) {
            current.set(null);
            progress.set("Nothing to review: open a dataset, or loosen the filters in Browse");
            status.set("");
            return;
        }
        Sample sample = samples.get(at);
        current.set(sample);
        ReviewState review = session.review();
        long reviewed = samples.stream().filter(s -> review.status(s.id()) != ReviewStatus.UNREVIEWED).count();
        progress.set("Sample " + (at + 1) + " of " + samples.size() + " · " + reviewed + " of " + samples.size() + " reviewed");
        String maskNote = session.mask(sample).isPresent() ? "" : " · no mask";
        status.set(sample.id() + " · " + className(sample) + " · " + review.status(sample.id()).label() + maskNote);
    }

    private String className(Sample sample) {
        int id = !sample.labels().isEmpty() ? sample.labels().get(0)
                : sample.annotations().isEmpty() ? -1 : sample.annotations().get(0).categoryId();
        if (id < 0 || session.dataset() == null) {
            return "no class";
        }
        return session.dataset().category(id).map(category -> category.name()).orElse("class " + id);
    }
}
