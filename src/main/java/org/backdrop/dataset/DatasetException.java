package org.backdrop.dataset;

/** Thrown when a dataset cannot be read or written at all; the message names the file and the fault. */
public class DatasetException extends Exception {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
