package org.backdrop.train;

/** Training could not start or continue: invalid input, an unreadable checkpoint or a failed engine. */
public class TrainingException extends Exception {

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
