package org.backdrop.model.djl;

/**
 * Whether ONNX Runtime can run on a CUDA GPU here.
 *
 * @param usable true when the CUDA execution provider loaded and a GPU is present
 * @param reason a sentence saying what was found, used in the log and in error messages
 */
record CudaAvailability(boolean usable, String reason) {}
