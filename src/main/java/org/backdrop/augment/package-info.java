/**
 * Augmentation jobs: choosing each sample's mask, rendering every background variant, writing one
 * dataset per variant in the input's layout, and the manifest that records how each file was made.
 */
package org.backdrop.augment;
