package org.backdrop.augment;

/** Thrown when an augmentation cannot start or go on; the message states what is wrong and what to do. */
public class AugmentException extends Exception {

    public AugmentException(String message) {
        super(message);
    }

    public AugmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
