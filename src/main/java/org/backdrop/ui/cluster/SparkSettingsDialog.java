package org.backdrop.ui.cluster;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backdrop.engine.launch.SparkInstallation;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Spark installation dialog: the Spark folder, the master URL, the job jar and extra Spark settings,
 * checked as they are typed and saved with the studio's preferences.
 */
public final class SparkSettingsDialog {

    private final SparkSettings settings;
    private final Stage stage = new Stage();
    private final TextField home = new TextField();
    private final ComboBox<String> master = new ComboBox<>();
    private final TextField jobJar = new TextField();
    private final TextArea conf = new TextArea();
    private final Label problems = new Label();
    private final Button save = new Button("Save");

    public SparkSettingsDialog(Window owner, SparkSettings settings) {
        this.settings = settings;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Spark cluster");

        Label intro = new Label("Exports and mask computations can run on a Spark cluster through this installation's spark-submit,"
                + " in client mode. The dataset and the output folder must be at the same path on this computer and on every executor.");
        intro.setWrapText(true);
        problems.setId("spark-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("error-text");
        VBox root = new VBox(10, intro, form(), problems, buttons());
        root.setPadding(new Insets(12));
        VBox.setVgrow(conf, Priority.ALWAYS);
        Scene scene = new Scene(root, 640, 460);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        fill(settings.installationProperty().get());
        check();
    }

    /** Shows the dialog without waiting for it to close. */
    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private GridPane form() {
        home.setId("spark-home");
        home.setPromptText("The folder with bin/spark-submit (SPARK_HOME)");
        Button chooseHome = new Button("Choose…", new FontIcon("mdi2f-folder-open-outline"));
        chooseHome.setOnAction(event -> chooseHome());
        HBox homeRow = new HBox(6, home, chooseHome);
        HBox.setHgrow(home, Priority.ALWAYS);

        master.setId("spark-master");
        master.setEditable(true);
        master.getItems().setAll("local[2]", "local[*]", "spark://HOST:7077", "yarn", "k8s://https://HOST:6443");
        master.setMaxWidth(Double.MAX_VALUE);

        jobJar.setId("spark-job-jar");
        jobJar.setPromptText(SparkInstallation.JOB_JAR + " beside backdrop.jar");
        Button chooseJar = new Button("Choose…", new FontIcon("mdi2f-file-outline"));
        chooseJar.setOnAction(event -> chooseJar());
        HBox jarRow = new HBox(6, jobJar, chooseJar);
        HBox.setHgrow(jobJar, Priority.ALWAYS);

        conf.setId("spark-conf");
        conf.setPromptText("One setting a line, as spark-submit --conf takes it, such as\nspark.executor.memory=4g\nspark.executor.instances=8");
        conf.setPrefRowCount(6);

        home.textProperty().addListener((observable, before, after) -> check());
        master.getEditor().textProperty().addListener((observable, before, after) -> check());
        jobJar.textProperty().addListener((observable, before, after) -> check());
        conf.textProperty().addListener((observable, before, after) -> check());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label("Spark folder"), homeRow);
        grid.addRow(1, label("Master URL"), master);
        grid.addRow(2, label("Job jar"), jarRow);
        grid.addRow(3, label("Spark settings"), conf);
        GridPane.setHgrow(homeRow, Priority.ALWAYS);
        GridPane.setHgrow(conf, Priority.ALWAYS);
        return grid;
    }

    /** Returns a form label that keeps its full text when the dialog is narrow. */
    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private HBox buttons() {
        save.setDefaultButton(true);
        save.setId("spark-save");
        save.setOnAction(event -> {
            settings.save(chosen());
            stage.close();
        });
        Button remove = new Button("Remove");
        remove.setTooltip(new Tooltip("Forget the Spark installation; work then runs on this computer only"));
        remove.setOnAction(event -> {
            settings.save(null);
            stage.close();
        });
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> stage.close());
        HBox row = new HBox(8, save, remove, cancel);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    private void fill(SparkInstallation installation) {
        if (installation == null) {
            master.getEditor().setText("local[2]");
            return;
        }
        home.setText(installation.sparkHome().toString());
        master.getEditor().setText(installation.master());
        jobJar.setText(installation.jobJar().map(Path::toString).orElse(""));
        conf.setText(String.join("\n", installation.confLines()));
    }

    /** Returns the installation the fields describe. */
    SparkInstallation chosen() {
        String jar = jobJar.getText().strip();
        return new SparkInstallation(Path.of(home.getText().strip()), master.getEditor().getText(),
                jar.isEmpty() ? Optional.empty() : Optional.of(Path.of(jar)), List.of(conf.getText().split("\n", -1)));
    }

    private void check() {
        List<String> found = chosen().problems();
        problems.setText(String.join("\n", found));
        save.setDisable(!found.isEmpty());
    }

    private void chooseHome() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the Spark installation folder (SPARK_HOME)");
        File folder = chooser.showDialog(stage);
        if (folder != null) {
            home.setText(folder.getPath());
        }
    }

    private void chooseJar() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the job jar");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Java archives", "*.jar"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            jobJar.setText(file.getPath());
        }
    }
}
