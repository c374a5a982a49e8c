/**
 * Mask sources, which give each sample a foreground mask: the dataset's own annotations, OpenCV's
 * GrabCut seeded by a box, or an ONNX segmentation model; and the filters that keep well-segmented
 * samples.
 */
package org.backdrop.segment;
