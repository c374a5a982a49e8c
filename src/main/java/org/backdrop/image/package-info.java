/**
 * Image decoding and encoding with OpenCV, and RGB pixel buffers.
 *
 * <p>{@link org.backdrop.image.ImageHeader} reads an image's size, format and EXIF orientation
 * without decoding pixels. {@link org.backdrop.image.ImageDecoder} decodes JPEG and PNG into
 * {@link org.backdrop.image.RgbImage} and rejects truncated, corrupt and oversized files with an
 * {@link org.backdrop.image.ImageDecodeException}. {@link org.backdrop.image.ImageEncoder} writes PNG
 * and JPEG files atomically.
 */
package org.backdrop.image;
