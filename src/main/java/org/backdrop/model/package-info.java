/**
 * The model layer that evaluation and mask generation use: the {@link org.backdrop.model.Classifier},
 * {@link org.backdrop.model.Segmenter} and {@link org.backdrop.model.Detector} ports, their results, and
 * the device and batch options. The ONNX adapters live in {@code org.backdrop.model.djl}, the spec that
 * describes a model in {@code org.backdrop.model.spec}.
 *
 * <p>This layer sits outside {@code eval} because both {@code eval} (classifiers, detectors) and
 * {@code segment} (segmentation models as a mask source) run models, and {@code segment} should not
 * depend on {@code eval}.
 */
package org.backdrop.model;
