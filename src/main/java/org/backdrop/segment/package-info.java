/**
 * Mask sources, which give each sample a foreground mask from the dataset's own annotations or from
 * OpenCV's GrabCut seeded by a box. The filters here keep well-segmented samples.
 */
package org.backdrop.segment;
