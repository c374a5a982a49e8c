/**
 * Model specs: what an ONNX model expects as input and what its output means, read from a small JSON
 * file beside the model ({@code model.onnx} → {@code model.spec.json}). The types here are plain data and
 * do not depend on DJL, so the studio can show and edit a spec without loading a model.
 */
package org.backdrop.model.spec;
