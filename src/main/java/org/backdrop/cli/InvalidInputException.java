package org.backdrop.cli;

/** Ends a command with exit code 2; the message names the file or value and what to do. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
