package org.backdrop.model.djl;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes FastestDet's output grid, [1, 5 + classes, rows, columns], following the upstream example
 * {@code example/onnx-runtime/runtime.py} of dog-qiuqiu/FastestDet. For the cell in row {@code r} and
 * column {@code c} with values {@code v}: objectness {@code v[0]}, class score {@code max(v[5...])},
 * score {@code objectness^0.6 * classScore^0.4}; centre {@code ((c + tanh(v[1])) / columns,
 * (r + tanh(v[2])) / rows)} and size {@code (sigmoid(v[3]), sigmoid(v[4]))}, all relative to the input.
 */
final class FastestDetDecoder {

    private FastestDetDecoder() {}

    /**
     * Returns the cells scoring more than {@code scoreThreshold} as boxes in input pixels.
     *
     * @param values the output, of which {@code values[offset ...]} is this image's [channels, rows, columns]
     * @param inputWidth the model input width in pixels
     * @param inputHeight the model input height in pixels
     */
    static List<BoxCandidate> decode(
            float[] values, int offset, int channels, int rows, int columns, int inputWidth, int inputHeight, double scoreThreshold) {
        int plane = rows * columns;
        List<BoxCandidate> boxes = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int cell = offset + row * columns + column;
                int bestClass = 0;
                float classScore = values[cell + 5 * plane];
                for (int k = 1; k < channels - 5; k++) {
                    float value = values[cell + (5 + k) * plane];
                    if (value > classScore) {
                        bestClass = k;
                        classScore = value;
                    }
                }
                double objectness = values[cell];
                double score = Math.pow(objectness, 0.6) * Math.pow(classScore, 0.4);
                if (!(score > scoreThreshold)) {
                    continue;
                }
                double centreX = (column + Math.tanh(values[cell + plane])) / columns;
                double centreY = (row + Math.tanh(values[cell + 2 * plane])) / rows;
                double width = sigmoid(values[cell + 3 * plane]);
                double height = sigmoid(values[cell + 4 * plane]);
                boxes.add(new BoxCandidate(bestClass, score,
                        (centreX - width / 2) * inputWidth, (centreY - height / 2) * inputHeight,
                        (centreX + width / 2) * inputWidth, (centreY + height / 2) * inputHeight));
            }
        }
        return boxes;
    }

    private static double sigmoid(double value) {
        return 1 / (1 + Math.exp(-value));
    }
}
