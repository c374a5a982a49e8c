package org.backdrop.ui.results;

/** Invalid evaluation input: a dataset, spec or results file that cannot be used; the message names the file. */
public final class EvaluationException extends Exception {

    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
