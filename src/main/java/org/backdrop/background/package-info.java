/**
 * Replacement backgrounds for one sample and one variant, and compositing of the object onto them.
 *
 * <p>A {@link org.backdrop.background.Background} is one method (solid colour, noise, scene photo,
 * another sample's background, the dataset's mean background, the ImageNet-9 variants, controlled
 * correlation); {@link org.backdrop.background.Backgrounds#parse(String)} turns the command-line names
 * into strategies, and {@link org.backdrop.background.Compositor} pastes the object onto the result.
 * Images are 8-bit RGB ({@link org.backdrop.image.RgbImage}); masks are row-major byte arrays in
 * which any non-zero byte is foreground. Every random choice comes from
 * {@link org.backdrop.background.Seeds}, so the same inputs and run seed give the same bytes on any
 * number of threads.
 */
package org.backdrop.background;
