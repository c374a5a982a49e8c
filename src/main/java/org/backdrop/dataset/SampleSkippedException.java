package org.backdrop.dataset;

/**
 * Thrown inside a writer when one sample cannot be written; the writer lists it in its
 * {@link WriteReport} and goes on with the others. The message is the reason for the user.
 */
public final class SampleSkippedException extends Exception {

    public SampleSkippedException(String message) {
        super(message);
    }

    public SampleSkippedException(String message, Throwable cause) {
        super(message, cause);
    }
}
