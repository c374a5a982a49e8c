/** Detectors run over Backdrop datasets, with the datasets' annotations as COCO ground truth. */
package org.backdrop.eval.detection;
