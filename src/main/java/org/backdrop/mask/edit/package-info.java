/**
 * Mask editing for the studio's mask editor, without any user interface: an editable binary mask
 * with brush, eraser, polygons, flood fill and threshold, undo and redo with small deltas, and
 * conversion to and from COCO run-length encoding. GrabCut refinement lives in
 * {@code org.backdrop.segment}, which applies its result through {@link org.backdrop.mask.edit.EditableMask#replace}.
 */
package org.backdrop.mask.edit;
