/**
 * The COCO instances format: {@link org.backdrop.dataset.coco.CocoReader} streams an annotation file
 * into compact arrays behind a lazy sample list, and {@link org.backdrop.dataset.coco.CocoWriter}
 * writes any dataset as {@code annotations.json} with its images.
 */
package org.backdrop.dataset.coco;
