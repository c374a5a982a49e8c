package org.backdrop.mask;

/** An object's shape as a dataset stores it: polygons or a run-length encoded mask. */
public sealed interface Segmentation permits PolygonSegmentation, RleSegmentation {}
