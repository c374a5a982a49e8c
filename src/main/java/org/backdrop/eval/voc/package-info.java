/**
 * PASCAL VOC detection AP and mAP with the numbers of py-faster-rcnn's {@code voc_eval}:
 * {@link org.backdrop.eval.voc.VocEvaluator} works on objects and detections in memory, and the
 * readers load annotation files, image sets and per-class detection files.
 */
package org.backdrop.eval.voc;
