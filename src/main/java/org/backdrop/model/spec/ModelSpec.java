package org.backdrop.model.spec;

import java.util.List;

/**
 * Everything Backdrop needs to know to run an ONNX model on images and read its output.
 *
 * @param source where the spec came from (a file path or a resource name), used in messages
 * @param task what the model computes
 * @param input the image input
 * @param preprocessing how pixels become input values
 * @param output what the output means
 * @param classNames the class names in output order, or an empty list when the spec gives none
 */
public record ModelSpec(
        String source, ModelTask task, InputSpec input, Preprocessing preprocessing, OutputSpec output, List<String> classNames) {

    /** Copies the class names. */
    public ModelSpec {
        classNames = List.copyOf(classNames);
    }

    /** Returns the name of class {@code index}, or the index as text when the spec has no name for it. */
    public String className(int index) {
        return index >= 0 && index < classNames.size() ? classNames.get(index) : Integer.toString(index);
    }
}
