/**
 * ONNX models through DJL's ONNX Runtime engine: translators that own the pre- and post-processing, the
 * adapters behind the {@code org.backdrop.model} ports, device selection, and the check of a spec
 * against the model's real inputs. Images are resized with OpenCV, because DJL's NDArray image operations
 * need an engine such as PyTorch that the ONNX Runtime engine does not provide.
 */
package org.backdrop.model.djl;
