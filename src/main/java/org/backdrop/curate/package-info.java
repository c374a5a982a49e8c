/**
 * Curation: each sample's review status with the log of decisions behind it, the mask origin, and
 * the filters (class, status, mask origin, object pixels, id) that pick the samples to keep. No
 * JavaFX here, so the command line and the studio share it.
 */
package org.backdrop.curate;
