/**
 * The detector hand-off. Backdrop writes the (augmented) training and validation datasets and launches an
 * external training command, such as an mmdetection or torchvision script. It streams the command's
 * output into the run's log, parses metric lines, and evaluates the detections file the command writes
 * with Backdrop's own COCO and VOC metrics. {@link org.backdrop.train.external.DistributedJob} and
 * {@link org.backdrop.train.external.DistributedLaunch} run the same command as a {@code torchrun} job,
 * on this machine or through Slurm over SSH.
 */
package org.backdrop.train.external;
