/**
 * The COCO instances format: {@link org.backdrop.dataset.coco.CocoReader} streams an annotation file
 * into compact arrays behind a lazy sample list.
 */
package org.backdrop.dataset.coco;
