package org.backdrop.train.external;

/** A hand-off run that could not start: invalid options, an unreadable dataset, or a command that cannot be launched. */
public class HandoffException extends RuntimeException {

    public HandoffException(String message, Throwable cause) {
        super(message, cause);
    }
}
