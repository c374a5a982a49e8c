package org.backdrop.eval.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.backdrop.dataset.Category;
import org.junit.jupiter.api.Test;

class LabelMappingTest {

    private static final List<String> CIFAR = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    @Test
    void namesWinOverIds() {
        LabelMapping mapping = LabelMapping.between(List.of(new Category(0, "cat"), new Category(1, "truck")), CIFAR, 10);

        assertTrue(mapping.byName());
        assertEquals(OptionalInt.of(3), mapping.modelClass(0));
        assertEquals(OptionalInt.of(9), mapping.modelClass(1));
    }

    @Test
    void idsWhenNamesDiffer() {
        LabelMapping mapping = LabelMapping.between(List.of(new Category(0, "class_0"), new Category(7, "class_7")), CIFAR, 10);

        assertFalse(mapping.byName());
        assertEquals(OptionalInt.of(7), mapping.modelClass(7));
        assertEquals(OptionalInt.empty(), mapping.modelClass(3));
    }

    @Test
    void idsWhenModelHasNoNames() {
        assertEquals(OptionalInt.of(2), LabelMapping.between(List.of(new Category(2, "bird")), List.of(), 10).modelClass(2));
    }

    @Test
    void unmappableCategoryListed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LabelMapping.between(List.of(new Category(0, "cat"), new Category(12, "zebra")), CIFAR, 10));

        assertTrue(error.getMessage().startsWith("the categories [12 \"zebra\"] match no model class"), error.getMessage());
    }
}
