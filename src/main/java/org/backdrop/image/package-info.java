/** Image decoding and encoding with OpenCV, and RGB pixel buffers. */
package org.backdrop.image;
