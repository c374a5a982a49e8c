package org.backdrop.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.backdrop.curate.ReviewState;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.segment.SegmentationModel;
import org.backdrop.store.ProjectStore;
import org.backdrop.ui.backgrounds.BackgroundsView;
import org.backdrop.ui.backgrounds.BackgroundsViewModel;
import org.backdrop.ui.browse.BrowseView;
import org.backdrop.ui.browse.BrowseViewModel;
import org.backdrop.ui.editor.MaskEditorWindow;
import org.backdrop.ui.cluster.SparkSettings;
import org.backdrop.ui.cluster.SparkSettingsDialog;
import org.backdrop.ui.export.ExportDialog;
import org.backdrop.ui.export.ExportViewModel;
import org.backdrop.ui.masks.MasksView;
import org.backdrop.ui.masks.MasksViewModel;
import org.backdrop.ui.results.EvaluationView;
import org.backdrop.ui.results.EvaluationViewModel;
import org.backdrop.ui.review.ReviewView;
import org.backdrop.ui.review.ReviewViewModel;
import org.backdrop.ui.task.ProgressTask;
import org.backdrop.ui.training.TrainingView;
import org.backdrop.ui.training.TrainingViewModel;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's main window: menu bar, toolbar, the screens as tabs and the status bar. Datasets and
 * projects open from the File menu, from the welcome view's recent projects, by dropping a folder or
 * a project file on the window, or through {@link #open(Path)} and {@link #openProject}.
 */
final class MainWindow {

    /** The screens, in tab order. */
    enum Screen { BROWSE, REVIEW, MASKS, BACKGROUNDS, EVALUATE, TRAIN }

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    private static final String LAST_FOLDER = "lastFolder";

    private final StudioSession session;
    private final Preferences preferences;
    private final Theme.Switcher themes;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final StatusBar statusBar;
    private final BrowseViewModel browseModel;
    private final ReviewViewModel reviewModel;
    private final ReviewView reviewView;
    private final MasksView masksView;
    private final MasksViewModel masksModel;
    private final ExportViewModel exportModel;
    private final SparkSettings sparkSettings;
    private final BackgroundsViewModel backgroundsModel;
    private final EvaluationViewModel evaluationModel = new EvaluationViewModel();
    private final TrainingViewModel trainingModel = new TrainingViewModel();
    private final Label welcomeHint = new Label();
    private final RecentProjects recent;
    private final ProjectActions projects;

    MainWindow(StudioSession session, Preferences preferences, Theme.Switcher themes) {
        this.session = session;
        this.preferences = preferences;
        this.themes = themes;
        this.statusBar = new StatusBar(session.tasks(), ComputeDevice::describe);
        this.recent = new RecentProjects(preferences);
        this.projects = new ProjectActions(session, recent, failure -> {
            LOG.error("A project action failed", failure);
            Dialogs.showError(root, "The project could not be opened or saved", failure);
        });

        browseModel = new BrowseViewModel(session);
        BrowseView browseView = new BrowseView(session, browseModel);
        reviewModel = new ReviewViewModel(session);
        reviewView = new ReviewView(session, reviewModel);
        sparkSettings = new SparkSettings(preferences);
        masksModel = new MasksViewModel(session, browseModel.visibleSamples());
        masksModel.sparkProperty().bind(Bindings.createObjectBinding(sparkSettings::configured, sparkSettings.installationProperty()));
        evaluationModel.sparkProperty().bind(Bindings.createObjectBinding(sparkSettings::configured, sparkSettings.installationProperty()));
        masksView = new MasksView(session, masksModel);
        shareSegmentationModel();
        backgroundsModel = new BackgroundsViewModel(session);
        BackgroundsView backgroundsView = new BackgroundsView(session, backgroundsModel);
        exportModel = new ExportViewModel(session, sparkSettings::configured);

        browseView.setOnOpen(sample -> {
            session.selectedProperty().set(sample);
            reviewModel.setSamples(browseModel.visibleSamples(), browseModel.visibleSamples().indexOf(sample));
            show(Screen.REVIEW);
        });
        reviewView.setOnEdit(this::editMask);
        browseView.setOnEdit(this::editMask);
        reviewModel.currentProperty().addListener((observable, before, sample) -> {
            if (sample != null) {
                session.selectedProperty().set(sample);
            }
        });

        tabs.getTabs().addAll(
                tab("Browse", "mdi2v-view-grid-outline", browseView.root()),
                tab("Review", "mdi2c-check-decagram-outline", reviewView.root()),
                tab("Masks", "mdi2l-layers-outline", masksView.root()),
                tab("Backgrounds", "mdi2i-image-multiple-outline", backgroundsView.root()),
                tab("Evaluate", "mdi2c-chart-bar", new EvaluationView(session, evaluationModel).root()),
                tab("Train", "mdi2c-chart-line", new TrainingView(session, trainingModel).root()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedIndexProperty().addListener((observable, before, index) -> {
            if (index.intValue() == Screen.REVIEW.ordinal()) {
                if (reviewModel.samples().isEmpty() || reviewModel.currentProperty().get() == null) {
                    reviewModel.setSamples(browseModel.visibleSamples(), 0);
                }
                Platform.runLater(reviewView::focus);
            }
        });
        session.datasetProperty().addListener((observable, before, dataset) -> datasetOpened(dataset));
        session.projectProperty().addListener((observable, before, project) -> showTitle());
        session.storeFailureProperty().addListener((observable, before, failure) -> {
            if (failure != null) {
                Dialogs.showError(root, "A change could not be saved to the project", failure);
            }
        });

        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(welcome());
        root.setBottom(statusBar.root());
        acceptDroppedFolders();
    }

    BorderPane root() {
        return root;
    }

    /** Reads the dataset at {@code path} in the background and shows it; errors show in a dialog. */
    void open(Path path) {
        open(path, dataset -> {});
    }

    /** Opens {@code path} as {@link #open(Path)} does, then runs {@code afterOpen} on the JavaFX thread. */
    void open(Path path, Consumer<Dataset> afterOpen) {
        Path absolute = path.toAbsolutePath().normalize();
        if (isProjectFile(absolute)) {
            openProject(absolute, afterOpen);
            return;
        }
        ProgressTask<Opened> task = new ProgressTask<>("Reading " + absolute.getFileName(), progress -> {
            Dataset dataset = DatasetReaders.detect(absolute).read(absolute, ReadOptions.defaults(), progress);
            return new Opened(dataset, ReviewState.open(ReviewState.fileFor(dataset.root())));
        });
        task.setOnSucceeded(event -> {
            Opened opened = task.getValue();
            session.open(opened.dataset(), opened.review());
            projects.datasetOpened(absolute);
            Path parent = absolute.getParent();
            if (parent != null) {
                preferences.put(LAST_FOLDER, parent.toString());
            }
            afterOpen.accept(opened.dataset());
        });
        task.setOnFailed(event -> {
            LOG.error("Opening {} failed", absolute, task.getException());
            Dialogs.showError(root, "The dataset could not be opened", task.getException());
        });
        welcomeHint.setText("Reading " + absolute + "…");
        session.tasks().run(task);
    }

    /** Opens the project {@code file} with its dataset, decisions and masks, then runs {@code afterOpen}; errors show in a dialog. */
    void openProject(Path file, Consumer<Dataset> afterOpen) {
        welcomeHint.setText("Opening " + file.toAbsolutePath().normalize() + "…");
        projects.open(file, afterOpen);
    }

    /** Creates the project {@code file} for the dataset at {@code dataset} and opens it; errors show in a dialog. */
    void createProject(Path dataset, Path file, Consumer<Dataset> afterOpen) {
        projects.create(dataset, file, afterOpen);
    }

    /** Saves the open dataset and its state as the project {@code file} and continues in it; errors show in a dialog. */
    void saveProjectAs(Path file, Consumer<Dataset> afterOpen) {
        projects.saveAs(file, afterOpen);
    }

    /** Returns the projects listed on the welcome view, newest first. */
    List<Path> recentProjects() {
        return List.copyOf(recent.projects());
    }

    /** Selects the sample with id {@code sampleId} and makes it the current one of review mode; ignores an unknown id. */
    void select(String sampleId) {
        List<Sample> samples = session.dataset().samples();
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).id().equals(sampleId)) {
                session.selectedProperty().set(samples.get(i));
                reviewModel.setSamples(samples, i);
                return;
            }
        }
    }

    /** Shows {@code screen}'s tab; Evaluate and Train need no open dataset. */
    void show(Screen screen) {
        root.setCenter(tabs);
        tabs.getSelectionModel().select(screen.ordinal());
    }

    /** Returns the sample that Browse or Review last showed; may be null. */
    Sample selectedSample() {
        return session.selectedProperty().get();
    }

    /** Keeps the session's segmentation model, which the mask editor thresholds, equal to the one chosen in the Masks tab. */
    private void shareSegmentationModel() {
        session.segmentationModelProperty().bind(Bindings.createObjectBinding(() -> {
            Path model = masksModel.modelFileProperty().get();
            return model == null ? null : new SegmentationModel(model, masksModel.specFileProperty().get(), masksModel.deviceProperty().get());
        }, masksModel.modelFileProperty(), masksModel.specFileProperty(), masksModel.deviceProperty()));
    }

    /** Opens the mask editor on {@code sample} in a window of its own and returns it. */
    MaskEditorWindow editMask(Sample sample) {
        session.selectedProperty().set(sample);
        return MaskEditorWindow.open(session, root, sample);
    }

    ReviewViewModel reviewModel() {
        return reviewModel;
    }

    MasksViewModel masksModel() {
        return masksModel;
    }

    BackgroundsViewModel backgroundsModel() {
        return backgroundsModel;
    }

    EvaluationViewModel evaluationModel() {
        return evaluationModel;
    }

    TrainingViewModel trainingModel() {
        return trainingModel;
    }

    /** Opens the export dialog and returns it. */
    ExportDialog showExport() {
        exportModel.backgroundsProperty().set(String.join(",", backgroundsModel.specs()));
        ExportDialog dialog = new ExportDialog(root.getScene() == null ? null : root.getScene().getWindow(), session, exportModel);
        dialog.show();
        return dialog;
    }

    /** Loads a masks file for the open dataset; errors show in a dialog. */
    void loadMasks(Path file) {
        masksView.load(file);
    }

    private record Opened(Dataset dataset, ReviewState review) {}

    private void datasetOpened(Dataset dataset) {
        if (dataset == null) {
            return;
        }
        root.setCenter(tabs);
        statusBar.setDatasetLine(dataset.root().getFileName() + " · " + dataset.format().toString().toLowerCase(java.util.Locale.ROOT)
                + " · " + dataset.samples().size() + " samples · " + dataset.categories().size() + " classes"
                + (dataset.invalid().isEmpty() ? "" : " · " + dataset.invalid().size() + " unreadable"));
        reviewModel.setSamples(dataset.samples(), 0);
        showTitle();
    }

    private void showTitle() {
        Scene scene = root.getScene();
        Dataset dataset = session.dataset();
        if (dataset == null || scene == null || !(scene.getWindow() instanceof javafx.stage.Stage stage)) {
            return;
        }
        String name = session.store().map(store -> store.file().getFileName().toString())
                .orElse(dataset.root().getFileName() + " (no project)");
        stage.setTitle(name + " — Backdrop Studio");
    }

    private static boolean isProjectFile(Path path) {
        return path.getFileName() != null && path.getFileName().toString().endsWith(ProjectStore.EXTENSION) && !Files.isDirectory(path);
    }

    /**
     * Returns a tab whose content joins the scene when the tab is first selected, so opening a dataset
     * creates the skins and styles of the Browse screen only.
     */
    private static Tab tab(String title, String icon, Node content) {
        Tab tab = new Tab(title);
        tab.setGraphic(new FontIcon(icon));
        tab.selectedProperty().addListener((observable, before, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content);
            }
        });
        return tab;
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open dataset…", new FontIcon("mdi2f-folder-open-outline"));
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(event -> chooseDataset());
        MenuItem newProject = new MenuItem("New project…", new FontIcon("mdi2f-file-plus-outline"));
        newProject.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        newProject.setOnAction(event -> chooseNewProject());
        MenuItem openProject = new MenuItem("Open project…", new FontIcon("mdi2f-folder-star-outline"));
        openProject.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        openProject.setOnAction(event -> chooseProject());
        MenuItem saveProject = new MenuItem("Save project…", new FontIcon("mdi2c-content-save-outline"));
        saveProject.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        saveProject.setOnAction(event -> chooseProjectTarget("Save project"));
        saveProject.disableProperty().bind(session.datasetProperty().isNull().or(session.projectProperty().isNotNull()));
        MenuItem saveProjectAs = new MenuItem("Save project as…");
        saveProjectAs.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        saveProjectAs.setOnAction(event -> chooseProjectTarget("Save a copy of the project"));
        saveProjectAs.disableProperty().bind(session.projectProperty().isNull());
        MenuItem export = new MenuItem("Export…", new FontIcon("mdi2e-export"));
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        export.setOnAction(event -> showExport());
        export.disableProperty().bind(session.datasetProperty().isNull());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(event -> Platform.exit());
        Menu file = new Menu("File", null, newProject, openProject, saveProject, saveProjectAs, new SeparatorMenuItem(), open, export,
                new SeparatorMenuItem(), quit);

        MenuItem editMask = new MenuItem("Edit mask of selected sample…", new FontIcon("mdi2p-pencil"));
        editMask.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        editMask.setOnAction(event -> editSelectedMask());
        editMask.disableProperty().bind(session.selectedProperty().isNull());
        MenuItem sparkCluster = new MenuItem("Spark cluster…", new FontIcon("mdi2s-server-network"));
        sparkCluster.setOnAction(event -> new SparkSettingsDialog(root.getScene() == null ? null : root.getScene().getWindow(), sparkSettings).show());
        Menu edit = new Menu("Edit", null, editMask, new SeparatorMenuItem(), sparkCluster);

        ToggleGroup themeGroup = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light theme");
        RadioMenuItem dark = new RadioMenuItem("Dark theme");
        light.setToggleGroup(themeGroup);
        dark.setToggleGroup(themeGroup);
        (themes.current() == Theme.DARK ? dark : light).setSelected(true);
        light.setOnAction(event -> themes.apply(Theme.LIGHT));
        dark.setOnAction(event -> themes.apply(Theme.DARK));
        Menu view = new Menu("View", null, screenItem("Browse", "Shortcut+1", Screen.BROWSE), screenItem("Review", "Shortcut+2", Screen.REVIEW),
                screenItem("Masks", "Shortcut+3", Screen.MASKS), screenItem("Backgrounds", "Shortcut+4", Screen.BACKGROUNDS),
                resultsItem("Evaluate", "Shortcut+5", Screen.EVALUATE), resultsItem("Train", "Shortcut+6", Screen.TRAIN),
                new SeparatorMenuItem(), light, dark);

        MenuItem about = new MenuItem("About Backdrop Studio");
        about.setOnAction(event -> about());
        return new MenuBar(file, edit, view, new Menu("Help", null, about));
    }

    private void editSelectedMask() {
        Sample sample = session.selectedProperty().get();
        if (sample != null) {
            editMask(sample);
        }
    }

    private MenuItem screenItem(String text, String accelerator, Screen screen) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(event -> show(screen));
        item.disableProperty().bind(session.datasetProperty().isNull());
        return item;
    }

    private MenuItem resultsItem(String text, String accelerator, Screen screen) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(event -> show(screen));
        return item;
    }

    private ToolBar toolBar() {
        Button open = toolButton("mdi2f-folder-open-outline", "Open dataset (Ctrl+O)");
        open.setOnAction(event -> chooseDataset());
        Button masks = toolButton("mdi2l-layers-plus", "Compute masks");
        masks.setOnAction(event -> {
            show(Screen.MASKS);
            masksView.compute();
        });
        masks.disableProperty().bind(session.datasetProperty().isNull());
        Button review = toolButton("mdi2c-check-decagram-outline", "Review samples one by one");
        review.setOnAction(event -> show(Screen.REVIEW));
        review.disableProperty().bind(session.datasetProperty().isNull());
        Button editMask = toolButton("mdi2p-pencil", "Edit the selected sample's mask (Ctrl+M)");
        editMask.setOnAction(event -> editSelectedMask());
        editMask.disableProperty().bind(session.selectedProperty().isNull());
        Button export = toolButton("mdi2e-export", "Export an augmented dataset (Ctrl+E)");
        export.setOnAction(event -> showExport());
        export.disableProperty().bind(session.datasetProperty().isNull());
        Button theme = toolButton("mdi2t-theme-light-dark", "Switch between light and dark theme");
        theme.setOnAction(event -> themes.apply(themes.current() == Theme.DARK ? Theme.LIGHT : Theme.DARK));
        Button evaluate = toolButton("mdi2c-chart-bar", "Evaluate models on the original and its variants");
        evaluate.setOnAction(event -> show(Screen.EVALUATE));
        Button train = toolButton("mdi2c-chart-line", "Train a classifier with live curves");
        train.setOnAction(event -> show(Screen.TRAIN));
        return new ToolBar(open, masks, review, editMask, export, evaluate, train, theme);
    }

    private static Button toolButton(String icon, String tooltip) {
        FontIcon graphic = new FontIcon(icon);
        graphic.setIconSize(20);
        Button button = new Button(null, graphic);
        button.setTooltip(new Tooltip(tooltip));
        button.getStyleClass().add("tool-button");
        return button;
    }

    private Node welcome() {
        Label title = new Label("Backdrop Studio");
        title.getStyleClass().add("welcome-title");
        welcomeHint.setText("Open a dataset folder (CIFAR-10, Pascal VOC, COCO or class folders) with File › Open dataset… or drop it here.");
        welcomeHint.setWrapText(true);
        welcomeHint.setMaxWidth(520);
        welcomeHint.setId("welcome-hint");
        Button open = new Button("Open dataset…", new FontIcon("mdi2f-folder-open-outline"));
        open.setOnAction(event -> chooseDataset());
        open.setDefaultButton(true);
        Button openProject = new Button("Open project…", new FontIcon("mdi2f-folder-star-outline"));
        openProject.setOnAction(event -> chooseProject());
        VBox recentBox = new VBox(4);
        recentBox.setAlignment(Pos.CENTER);
        recentBox.setId("recent-projects");
        showRecent(recentBox);
        recent.projects().addListener((ListChangeListener<Path>) change -> showRecent(recentBox));
        HBox buttons = new HBox(10, open, openProject);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(14, title, welcomeHint, buttons, recentBox);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("welcome");
        return box;
    }

    private void showRecent(VBox recentBox) {
        recentBox.getChildren().clear();
        if (recent.projects().isEmpty()) {
            return;
        }
        Label heading = new Label("Recent projects");
        heading.getStyleClass().add("welcome-subtitle");
        recentBox.getChildren().add(heading);
        for (Path project : recent.projects()) {
            Hyperlink link = new Hyperlink(project.getFileName() + "  —  " + project.getParent());
            link.setOnAction(event -> openProject(project, dataset -> {}));
            recentBox.getChildren().add(link);
        }
    }

    private void chooseProject() {
        FileChooser chooser = projectChooser("Open project");
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            openProject(file.toPath(), dataset -> {});
        }
    }

    private void chooseNewProject() {
        DirectoryChooser folders = new DirectoryChooser();
        folders.setTitle("New project: choose the dataset folder");
        File last = new File(preferences.get(LAST_FOLDER, System.getProperty("user.home")));
        if (last.isDirectory()) {
            folders.setInitialDirectory(last);
        }
        File dataset = folders.showDialog(window());
        if (dataset == null) {
            return;
        }
        FileChooser chooser = projectChooser("New project: save the project file");
        chooser.setInitialDirectory(dataset.getParentFile());
        chooser.setInitialFileName(dataset.getName() + ProjectStore.EXTENSION);
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            createProject(dataset.toPath(), withExtension(file.toPath()), opened -> {});
        }
    }

    private void chooseProjectTarget(String title) {
        FileChooser chooser = projectChooser(title);
        Path datasetRoot = session.dataset().root().toAbsolutePath().normalize();
        chooser.setInitialDirectory(datasetRoot.getParent().toFile());
        chooser.setInitialFileName(datasetRoot.getFileName() + ProjectStore.EXTENSION);
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            saveProjectAs(withExtension(file.toPath()), opened -> {});
        }
    }

    private FileChooser projectChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Backdrop projects", "*" + ProjectStore.EXTENSION));
        File last = new File(preferences.get(LAST_FOLDER, System.getProperty("user.home")));
        if (last.isDirectory()) {
            chooser.setInitialDirectory(last);
        }
        return chooser;
    }

    private static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(ProjectStore.EXTENSION) ? file : file.resolveSibling(name + ProjectStore.EXTENSION);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void chooseDataset() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open dataset folder");
        File last = new File(preferences.get(LAST_FOLDER, System.getProperty("user.home")));
        if (last.isDirectory()) {
            chooser.setInitialDirectory(last);
        }
        File folder = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (folder != null) {
            open(folder.toPath());
        }
    }

    private void acceptDroppedFolders() {
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles() && droppedFolder(event.getDragboard().getFiles()) != null) {
                event.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            Path folder = event.getDragboard().hasFiles() ? droppedFolder(event.getDragboard().getFiles()) : null;
            if (folder != null) {
                open(folder);
            }
            event.setDropCompleted(folder != null);
            event.consume();
        });
    }

    /** Returns the one dropped dataset folder or project file, or null when the drop is something else. */
    private static Path droppedFolder(List<File> files) {
        if (files.size() != 1) {
            return null;
        }
        Path path = files.get(0).toPath();
        return Files.isDirectory(path) || isProjectFile(path) ? path : null;
    }

    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("About Backdrop Studio");
        alert.setHeaderText("Backdrop Studio " + version());
        alert.setContentText("Measure and reduce background bias in vision models: curate masks, swap backgrounds, export.\n"
                + "Every step here is also a command of the backdrop command line.");
        alert.show();
    }

    private static String version() {
        String version = MainWindow.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
