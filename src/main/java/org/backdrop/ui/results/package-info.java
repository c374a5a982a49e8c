/**
 * The studio's evaluation screen: classifiers or detection results files evaluated on the original
 * dataset and its background variants, shown as a table and charts. The metrics come from
 * {@code org.backdrop.eval.classification} and {@code org.backdrop.eval.coco}.
 */
package org.backdrop.ui.results;
