/** Binary masks in COCO's run-length encoding, polygon rasterising and mask IoU, as pycocotools computes them. */
package org.backdrop.mask;
