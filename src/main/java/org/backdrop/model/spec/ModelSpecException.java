package org.backdrop.model.spec;

/**
 * Thrown when a model spec is invalid or does not fit its model. The message names the spec, the field,
 * what is wrong and what to write instead.
 */
public class ModelSpecException extends Exception {

    public ModelSpecException(String message) {
        super(message);
    }

    public ModelSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
