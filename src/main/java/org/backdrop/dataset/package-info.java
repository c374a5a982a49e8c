/** Datasets as records, with readers and writers for CIFAR-10, PASCAL VOC, COCO and image folders. */
package org.backdrop.dataset;
