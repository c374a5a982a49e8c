package org.backdrop.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.backdrop.ProgressListener;
import org.backdrop.augment.SourceChecksum;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.curate.ReviewDecision;
import org.backdrop.curate.ReviewState;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.mask.Rle;
import org.backdrop.store.DatasetReference;
import org.backdrop.store.MaskUpdate;
import org.backdrop.store.ProjectStore;
import org.backdrop.store.StoredMask;
import org.backdrop.ui.task.ProgressTask;

/**
 * Creates, opens and copies projects for the studio. Reading and writing run as background tasks;
 * the session changes on the JavaFX thread when a task succeeds. A failed task passes its exception
 * to the failure handler and leaves the session as it was.
 */
final class ProjectActions {

    /** The dataset, store, review state and masks that a project task prepares for the session. */
    record Opened(Path datasetPath, Dataset dataset, ProjectStore store, ReviewState review, Map<String, Rle> masks,
            Map<String, MaskOrigin> origins) {}

    private final StudioSession session;
    private final RecentProjects recent;
    private final Consumer<Throwable> onFailure;
    private Path datasetPath;

    ProjectActions(StudioSession session, RecentProjects recent, Consumer<Throwable> onFailure) {
        this.session = session;
        this.recent = recent;
        this.onFailure = onFailure;
    }

    /** Records the path the open dataset was read from (a folder, or a COCO annotation file), for new projects. */
    void datasetOpened(Path path) {
        datasetPath = path.toAbsolutePath().normalize();
    }

    /** Opens the project {@code file}: its dataset, review decisions and masks; then runs {@code afterOpen}. */
    void open(Path file, Consumer<Dataset> afterOpen) {
        Path absolute = file.toAbsolutePath().normalize();
        run("Opening project " + absolute.getFileName(), progress -> {
            ProjectStore store = ProjectStore.open(absolute);
            try {
                DatasetReference reference = store.dataset().orElseThrow(() -> new IOException(
                        "Project " + absolute + " names no dataset; create a new project from the dataset folder"));
                if (!Files.exists(reference.path())) {
                    throw new IOException("The dataset of project " + absolute + " was not found at " + reference.path()
                            + "; move the dataset back there, or create a new project from where it is now");
                }
                Dataset dataset = read(reference.path(), progress);
                return opened(reference.path(), dataset, store);
            } catch (IOException | DatasetException | RuntimeException e) {
                store.close();
                throw e;
            }
        }, afterOpen);
    }

    /**
     * Creates the project {@code file} for the dataset at {@code dataset} and opens it; an existing
     * {@code file} is replaced (the file chooser has asked), unless it is the open project.
     */
    void create(Path dataset, Path file, Consumer<Dataset> afterOpen) {
        Path absolute = file.toAbsolutePath().normalize();
        Path datasetAbsolute = dataset.toAbsolutePath().normalize();
        if (isOpenProject(absolute)) {
            onFailure.accept(new IOException(absolute + " is the open project; choose another file name"));
            return;
        }
        run("Creating project " + absolute.getFileName(), progress -> {
            Dataset read = read(datasetAbsolute, progress);
            replace(absolute);
            ProjectStore store = ProjectStore.create(absolute);
            try {
                store.setDataset(reference(datasetAbsolute, read));
                return opened(datasetAbsolute, read, store);
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        }, afterOpen);
    }

    /**
     * Saves the open dataset with its review statuses and masks as the new project {@code file} and
     * switches the session to it; when a project is open, copies that project instead.
     */
    void saveAs(Path file, Consumer<Dataset> afterOpen) {
        Path absolute = file.toAbsolutePath().normalize();
        Dataset dataset = session.dataset();
        if (dataset == null) {
            return;
        }
        if (isOpenProject(absolute)) {
            onFailure.accept(new IOException(absolute + " is the open project; every change is already saved there"));
            return;
        }
        Optional<ProjectStore> current = session.store();
        Path source = datasetPath != null ? datasetPath : dataset.root().toAbsolutePath().normalize();
        Map<String, ReviewStatus> statuses = session.review().statuses();
        Map<String, Rle> masks = session.masksProperty().get();
        Map<String, MaskOrigin> origins = new HashMap<>();
        masks.keySet().forEach(id -> session.maskOrigin(id).ifPresent(origin -> origins.put(id, origin)));
        run("Saving project " + absolute.getFileName(), progress -> {
            replace(absolute);
            if (current.isPresent()) {
                current.get().copyTo(absolute);
                ProjectStore copy = ProjectStore.open(absolute);
                try {
                    return opened(source, dataset, copy);
                } catch (IOException | RuntimeException e) {
                    copy.close();
                    throw e;
                }
            }
            ProjectStore store = ProjectStore.create(absolute);
            try {
                store.setDataset(reference(source, dataset));
                // The review file keeps no decision times, so the project records the statuses as decided now.
                Instant now = Instant.now();
                store.recordAll(statuses.entrySet().stream()
                        .map(entry -> new ReviewDecision(entry.getKey(), entry.getValue(), now, false)).toList());
                store.saveMasks(origins.entrySet().stream()
                        .map(entry -> new MaskUpdate(entry.getKey(), masks.get(entry.getKey()), entry.getValue())).toList(), progress);
                return opened(source, dataset, store);
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        }, afterOpen);
    }

    private boolean isOpenProject(Path file) {
        return session.store().map(store -> store.file().equals(file)).orElse(false);
    }

    private void run(String title, ProgressTask.Work<Opened> work, Consumer<Dataset> afterOpen) {
        ProgressTask<Opened> task = new ProgressTask<>(title, work);
        task.setOnSucceeded(event -> {
            Opened opened = task.getValue();
            datasetPath = opened.datasetPath();
            session.openProject(opened.dataset(), opened.store(), opened.review(), opened.masks(), opened.origins());
            recent.add(opened.store().file());
            afterOpen.accept(opened.dataset());
        });
        task.setOnFailed(event -> onFailure.accept(task.getException()));
        session.tasks().run(task);
    }

    private static Dataset read(Path path, ProgressListener progress) throws DatasetException, IOException {
        return DatasetReaders.detect(path).read(path, ReadOptions.defaults(), progress);
    }

    private static Opened opened(Path datasetPath, Dataset dataset, ProjectStore store) throws IOException {
        Map<String, Rle> masks = new HashMap<>();
        Map<String, MaskOrigin> origins = new HashMap<>();
        for (StoredMask mask : store.currentMasks().values()) {
            masks.put(mask.sampleId(), mask.mask());
            origins.put(mask.sampleId(), mask.origin());
        }
        return new Opened(datasetPath, dataset, store, store.reviewState(), masks, origins);
    }

    private static DatasetReference reference(Path path, Dataset dataset) throws IOException {
        return new DatasetReference(path, dataset.format(), dataset.samples().size(), Optional.of(SourceChecksum.of(path, dataset.root())));
    }

    /** Deletes {@code file} and SQLite's side files, so a project can be created in its place. */
    private static void replace(Path file) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }
}
