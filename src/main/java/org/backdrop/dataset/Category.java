package org.backdrop.dataset;

/**
 * A class of objects. The id is the dataset's own (COCO's 1 to 90 with gaps, CIFAR-10's 0 to 9) and is
 * never renumbered; {@code supercategory} is empty when the format has none.
 */
public record Category(int id, String name, String supercategory) {

    public Category(int id, String name) {
        this(id, name, "");
    }
}
