/**
 * COCO detection evaluation with pycocotools' numbers: {@link org.backdrop.eval.coco.CocoEvaluator}
 * turns ground truth ({@link org.backdrop.eval.coco.CocoGroundTruth}) and detections
 * ({@link org.backdrop.eval.coco.CocoDetections}) into box or mask AP and AR, and
 * {@link org.backdrop.eval.coco.CocoJsonReader} reads both from COCO JSON files. The evaluator works
 * on records and arrays, so any source of detections can feed it.
 */
package org.backdrop.eval.coco;
