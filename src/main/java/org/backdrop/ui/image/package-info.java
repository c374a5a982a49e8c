/** Images for display: thumbnails, the mask overlay and conversion to JavaFX images. */
package org.backdrop.ui.image;
