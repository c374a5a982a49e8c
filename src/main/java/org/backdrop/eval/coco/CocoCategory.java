package org.backdrop.eval.coco;

/** A category of the ground truth: its id, kept as the file gives it, and its name ("" when absent). */
public record CocoCategory(long id, String name) {}
