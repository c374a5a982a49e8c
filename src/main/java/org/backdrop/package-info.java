/**
 * Backdrop: measuring and reducing background bias in image classifiers and object detectors.
 *
 * <p>The packages follow the pipeline: {@code dataset} and {@code image} read data, {@code mask}
 * encodes object masks, {@code segment} finds them, {@code curate} keeps the review state,
 * {@code background} and {@code augment} swap backgrounds, {@code eval} and {@code train} measure and
 * train models, {@code store} keeps projects, and {@code cli} and {@code ui} are the two faces.
 */
package org.backdrop;
