package org.backdrop.model;

/** Thrown when a model cannot be loaded or run; the message names the model file and the cause. */
public class ModelException extends Exception {

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
