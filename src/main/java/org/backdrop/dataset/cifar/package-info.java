/**
 * CIFAR-10 in its binary and python layouts: readers that keep only labels, a fast reader for one
 * record's pixels, a restricted unpickler, and a writer for the binary layout.
 */
package org.backdrop.dataset.cifar;
