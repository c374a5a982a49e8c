package org.backdrop.background;

/**
 * Thrown when a background method cannot produce a background for one sample, for example when the
 * dataset has no other class to borrow from or the object box leaves no strip to tile. The input is
 * valid, so callers record the sample as skipped with this message and go on with the next one.
 */
public class BackgroundUnavailableException extends RuntimeException {

    /** Creates the exception; {@code message} names the sample and the reason. */
    public BackgroundUnavailableException(String message) {
        super(message);
    }
}
