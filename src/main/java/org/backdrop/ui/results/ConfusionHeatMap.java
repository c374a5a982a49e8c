package org.backdrop.ui.results;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A confusion matrix drawn as a heat map: rows are true classes, columns predicted classes, and each
 * cell's colour is its share of the row, so classes of different sizes compare. Counts are written in
 * the cells while they are large enough to read.
 */
final class ConfusionHeatMap extends Region {

    private static final double LABEL_SPACE = 90;
    private static final Color EMPTY = Color.rgb(247, 251, 255);
    private static final Color FULL = Color.rgb(8, 69, 148);

    private final Canvas canvas = new Canvas();
    private long[][] counts = new long[0][0];
    private List<String> names = List.of();

    ConfusionHeatMap() {
        getChildren().add(canvas);
        getStyleClass().add("confusion-heat-map");
        setMinSize(200, 200);
        setPrefSize(560, 560);
    }

    /** Shows {@code matrix} ({@code [true][predicted]}) with {@code classNames}; an empty matrix clears the map. */
    void show(long[][] matrix, List<String> classNames) {
        counts = matrix;
        names = classNames;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        int n = counts.length;
        if (n == 0) {
            return;
        }
        double side = Math.min(canvas.getWidth(), canvas.getHeight()) - LABEL_SPACE - 24;
        double cell = Math.max(1, side / n);
        double left = LABEL_SPACE;
        double top = 24;
        boolean writeCounts = cell >= 22;
        g.setFont(Font.font(Math.min(12, Math.max(7, cell * 0.4))));

        for (int row = 0; row < n; row++) {
            long rowTotal = 0;
            for (long count : counts[row]) {
                rowTotal += count;
            }
            for (int column = 0; column < n; column++) {
                double share = rowTotal == 0 ? 0 : (double) counts[row][column] / rowTotal;
                g.setFill(EMPTY.interpolate(FULL, share));
                g.fillRect(left + column * cell, top + row * cell, cell, cell);
                if (writeCounts && counts[row][column] > 0) {
                    g.setFill(share > 0.5 ? Color.WHITE : Color.BLACK);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(Long.toString(counts[row][column]), left + (column + 0.5) * cell, top + (row + 0.5) * cell);
                }
            }
        }
        drawLabels(g, n, cell, left, top);
    }

    private void drawLabels(GraphicsContext g, int n, double cell, double left, double top) {
        g.setFill(Color.BLACK);
        g.setTextBaseline(VPos.CENTER);
        if (cell >= 9) {
            for (int i = 0; i < n; i++) {
                String name = i < names.size() ? names.get(i) : Integer.toString(i);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(name, left - 4, top + (i + 0.5) * cell, LABEL_SPACE - 6);
                g.save();
                g.translate(left + (i + 0.5) * cell, top + n * cell + 4);
                g.rotate(-90);
                g.fillText(name, 0, 0, LABEL_SPACE - 6);
                g.restore();
            }
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("predicted class →", left + n * cell / 2, 10);
        g.save();
        g.translate(10, top + n * cell / 2);
        g.rotate(-90);
        g.fillText("true class →", 0, 0);
        g.restore();
    }
}
