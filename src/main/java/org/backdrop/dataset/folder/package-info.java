/** Image folders in the ImageNet style: one folder per class, with optional VOC box files beside the images. */
package org.backdrop.dataset.folder;
