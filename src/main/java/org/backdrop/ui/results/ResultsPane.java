package org.backdrop.ui.results;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.backdrop.ui.Dialogs;
import org.backdrop.ui.image.NodeSnapshots;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results side of the evaluation screen: the table (rows models, columns variants), the bar chart
 * of accuracy or AP per variant, the confusion matrix heat map, precision-recall curves and the flipped
 * samples. Each chart exports as PNG and the table as CSV.
 */
final class ResultsPane {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsPane.class);

    private final EvaluationViewModel model;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final TableView<String> table = new TableView<>();
    private final CategoryAxis variantAxis = new CategoryAxis();
    private final NumberAxis valueAxis = new NumberAxis(0, 100, 10);
    private final BarChart<String, Number> bars = new BarChart<>(variantAxis, valueAxis);
    private final ConfusionHeatMap heatMap = new ConfusionHeatMap();
    private final LineChart<Number, Number> curves = new LineChart<>(new NumberAxis(0, 1, 0.1), new NumberAxis(0, 1.05, 0.1));
    private final FlipsViewer flips;
    private final ChoiceBox<String> modelChoice = new ChoiceBox<>();
    private final ChoiceBox<String> variantChoice = new ChoiceBox<>();

    ResultsPane(EvaluationViewModel model) {
        this.model = model;
        this.flips = new FlipsViewer(model);

        table.setId("results-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No results yet"));
        bars.setId("results-bar-chart");
        bars.setAnimated(false);
        bars.setTitle("Accuracy per variant");
        variantAxis.setLabel("Dataset");
        valueAxis.setLabel("%");
        curves.setId("results-pr-curves");
        curves.setAnimated(false);
        curves.setCreateSymbols(false);
        curves.setTitle("Precision-recall at IoU " + EvaluationViewModel.CURVE_IOU);
        curves.getXAxis().setLabel("Recall");
        curves.getYAxis().setLabel("Precision");
        heatMap.setId("results-confusion");

        Tab tableTab = new Tab("Table", withExport(table, this::exportCsv, "Export CSV…", "export-csv"));
        Tab barsTab = new Tab("Bar chart", withExport(bars, () -> exportPng(bars, "accuracy.png"), "Export PNG…", "export-bars"));
        Tab confusionTab = new Tab("Confusion matrix", withExport(heatMap, () -> exportPng(heatMap, "confusion.png"), "Export PNG…", "export-confusion"));
        Tab curvesTab = new Tab("PR curves", withExport(curves, () -> exportPng(curves, "precision-recall.png"), "Export PNG…", "export-curves"));
        Tab flipsTab = new Tab("Flipped samples", flips.root());
        tabs.getTabs().addAll(tableTab, barsTab, confusionTab, curvesTab, flipsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("results-tabs");

        modelChoice.setId("model-choice");
        variantChoice.setId("variant-choice");
        modelChoice.valueProperty().bindBidirectional(model.selectedModelProperty());
        variantChoice.valueProperty().bindBidirectional(model.selectedVariantProperty());
        ChoiceBox<String> metric = new ChoiceBox<>();
        metric.getItems().addAll(EvaluationViewModel.DETECTION_METRICS);
        metric.valueProperty().bindBidirectional(model.detectionMetricProperty());
        metric.visibleProperty().bind(model.kindProperty().isEqualTo(EvaluationKind.DETECTION));
        Label metricLabel = new Label("Number");
        metricLabel.visibleProperty().bind(metric.visibleProperty());
        HBox selection = new HBox(8, new Label("Model"), modelChoice, new Label("Variant"), variantChoice, metricLabel, metric);
        selection.setAlignment(Pos.CENTER_LEFT);
        selection.setPadding(new Insets(6, 8, 6, 8));

        model.resultsProperty().addListener((observable, before, results) -> showResults());
        model.selectedModelProperty().addListener((observable, before, after) -> showSelection());
        model.selectedVariantProperty().addListener((observable, before, after) -> showSelection());
        model.detectionMetricProperty().addListener((observable, before, after) -> showResults());

        root.setTop(selection);
        root.setCenter(tabs);
    }

    Node root() {
        return root;
    }

    private void showResults() {
        EvaluationResults results = model.resultsProperty().get();
        if (results == null) {
            return;
        }
        modelChoice.getItems().setAll(results.models());
        variantChoice.getItems().setAll(results.variants());
        modelChoice.setValue(model.selectedModelProperty().get());
        variantChoice.setValue(model.selectedVariantProperty().get());
        fillTable(results);
        fillBars(results);
        showSelection();
        if (results.kind() == EvaluationKind.DETECTION && tabs.getSelectionModel().getSelectedIndex() == 2) {
            tabs.getSelectionModel().select(3);
        }
    }

    private void fillTable(EvaluationResults results) {
        table.getColumns().clear();
        TableColumn<String, String> names = new TableColumn<>(results.kind() == EvaluationKind.CLASSIFICATION ? "Model" : "Detector");
        names.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue()));
        table.getColumns().add(names);
        for (String variant : results.variants()) {
            TableColumn<String, String> column = new TableColumn<>(variant);
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(percent(model.value(row.getValue(), variant))));
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
            table.getColumns().add(column);
        }
        table.getItems().setAll(results.models());
    }

    private void fillBars(EvaluationResults results) {
        bars.getData().clear();
        bars.setTitle(model.metricName() + " per variant (%)");
        variantAxis.getCategories().setAll(results.variants());
        for (String name : results.models()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(name);
            for (String variant : results.variants()) {
                double value = model.value(name, variant);
                if (!Double.isNaN(value) && value >= 0) {
                    series.getData().add(new XYChart.Data<>(variant, 100 * value));
                }
            }
            bars.getData().add(series);
        }
    }

    private void showSelection() {
        heatMap.show(model.selectedConfusion().orElse(new long[0][0]), model.classNames());
        curves.getData().clear();
        EvaluationResults results = model.resultsProperty().get();
        String selected = model.selectedModelProperty().get();
        if (results == null || selected == null) {
            return;
        }
        for (String variant : results.variants()) {
            model.precisionRecall(selected, variant).ifPresent(curve -> {
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                series.setName(variant);
                for (int r = 0; r < curve[0].length; r++) {
                    if (curve[1][r] >= 0) {
                        series.getData().add(new XYChart.Data<>(curve[0][r], curve[1][r]));
                    }
                }
                curves.getData().add(series);
            });
        }
    }

    private static String percent(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", 100 * value);
    }

    private Node withExport(Region content, Runnable export, String text, String id) {
        Button button = new Button(text, new FontIcon("mdi2c-content-save-outline"));
        button.setId(id);
        button.setOnAction(event -> export.run());
        button.disableProperty().bind(model.resultsProperty().isNull());
        HBox bar = new HBox(button);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        BorderPane pane = new BorderPane(content);
        pane.setBottom(bar);
        HBox.setHgrow(content, Priority.ALWAYS);
        return pane;
    }

    private void exportCsv() {
        Path file = chooseSaveFile("Export table as CSV", "results.csv", "CSV", "*.csv");
        if (file == null) {
            return;
        }
        try {
            model.writeTableCsv(file);
        } catch (IOException e) {
            LOG.error("Writing {} failed", file, e);
            Dialogs.showError(root, "The table could not be written", e);
        }
    }

    private void exportPng(Node chart, String defaultName) {
        Path file = chooseSaveFile("Export chart as PNG", defaultName, "PNG image", "*.png");
        if (file == null) {
            return;
        }
        try {
            NodeSnapshots.writePng(chart, file);
        } catch (IOException e) {
            LOG.error("Writing {} failed", file, e);
            Dialogs.showError(root, "The chart could not be written", e);
        }
    }

    private Path chooseSaveFile(String title, String name, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        return file == null ? null : file.toPath();
    }
}
