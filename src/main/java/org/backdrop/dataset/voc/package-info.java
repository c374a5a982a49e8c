/**
 * PASCAL VOC folders: safe annotation XML parsing and writing, palette masks read as indices with
 * void (255) kept apart, and the reader and writer.
 */
package org.backdrop.dataset.voc;
