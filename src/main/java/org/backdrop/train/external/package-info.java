/**
 * The detector hand-off. Backdrop writes the (augmented) training and validation datasets and launches an
 * external training command, such as an mmdetection or torchvision script. It streams the command's
 * output into the run's log, parses metric lines, and evaluates the detections file the command writes
 * with Backdrop's own COCO and VOC metrics.
 */
package org.backdrop.train.external;
