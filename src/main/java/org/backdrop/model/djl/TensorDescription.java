package org.backdrop.model.djl;

import java.util.List;

/**
 * The name and shape of one model input or output as the ONNX graph declares it.
 *
 * @param name the tensor name
 * @param shape the dimensions; -1 marks a dynamic one
 */
record TensorDescription(String name, List<Long> shape) {

    TensorDescription {
        shape = List.copyOf(shape);
    }

    int rank() {
        return shape.size();
    }

    long dimension(int index) {
        return shape.get(index);
    }
}
