package org.backdrop.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaskOriginTest {

    @Test
    void parsesMaskSourceNames() {
        assertEquals(MaskOrigin.ANNOTATION, MaskOrigin.parse("annotations"));
        assertEquals(MaskOrigin.GRABCUT, MaskOrigin.parse("grabcut"));
        assertEquals(MaskOrigin.MODEL, MaskOrigin.parse("onnx"));
        assertEquals(MaskOrigin.EDITED, MaskOrigin.parse("edited"));
    }

    @Test
    void parsesEnumNamesInAnyCase() {
        assertEquals(MaskOrigin.MODEL, MaskOrigin.parse("Model"));
        assertEquals(MaskOrigin.ANNOTATION, MaskOrigin.parse("ANNOTATION"));
    }

    @Test
    void unknownNameListsChoices() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> MaskOrigin.parse("sam"));

        assertTrue(error.getMessage().contains("'sam'"), error.getMessage());
        assertTrue(error.getMessage().contains("grabcut"), error.getMessage());
    }
}
