package org.backdrop.eval;

/**
 * Thrown when ground truth or detections cannot be evaluated: a file is not valid JSON or XML, a
 * record lacks a field or holds an invalid value, or a detection refers to an image that the ground
 * truth does not have. The message names the file (where one was read) and the record.
 */
public class EvaluationInputException extends RuntimeException {

    public EvaluationInputException(String message) {
        super(message);
    }

    public EvaluationInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
