package org.backdrop.model;

/**
 * Thrown before any inference when the CUDA device was requested but ONNX Runtime's CUDA execution
 * provider cannot run. The message gives the reason and the fix.
 */
public class CudaUnavailableException extends ModelException {

    public CudaUnavailableException(String message) {
        super(message);
    }

    public CudaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
