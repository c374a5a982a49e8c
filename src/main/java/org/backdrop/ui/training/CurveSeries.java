package org.backdrop.ui.training;

import java.util.List;

/**
 * One line of a training chart.
 *
 * @param name the legend entry, such as "run-a · test original"
 * @param epochs the x values, epochs counted from 1
 * @param values the y values: loss in nats, or accuracy from 0 to 1
 */
public record CurveSeries(String name, List<Integer> epochs, List<Double> values) {

    public CurveSeries {
        epochs = List.copyOf(epochs);
        values = List.copyOf(values);
    }
}
