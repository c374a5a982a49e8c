package org.backdrop.engine;

/** Thrown when the chosen engine is not part of this build or cannot start. */
public final class EngineUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message) {
        super(message);
    }

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
