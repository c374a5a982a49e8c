package org.backdrop.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void sanitizeKeepsPortableCharacters() {
        assertEquals("2007_000063", FileNames.sanitize("2007_000063", "x"));
        assertEquals("dog_n0001", FileNames.sanitize("dog/n0001", "x"));
        assertEquals("_._.._evil", FileNames.sanitize("../../evil", "x"));
        assertEquals("x", FileNames.sanitize("", "x"));
    }

    @Test
    void segmentKeepsSpacesAndLetters() {
        assertEquals("potted plant", FileNames.segment("potted plant", "x"));
        assertEquals("tv_monitor", FileNames.segment("tv/monitor", "x"));
        assertEquals("éclair", FileNames.segment("éclair", "x"));
        assertEquals("_.", FileNames.segment("..", "x"));
    }

    @Test
    void uniqueAddsSuffixIgnoringCase() {
        FileNames names = new FileNames();

        assertEquals("a", names.unique("a", ".jpg"));
        assertEquals("A_2", names.unique("A", ".jpg"));
        assertEquals("a_3", names.unique("a", ".jpg"));
    }

    @Test
    void extensionOfLastPart() {
        assertEquals(".JPEG", FileNames.extension("dog/n0001.JPEG"));
        assertEquals("", FileNames.extension("dir.d/file"));
        assertEquals("", FileNames.extension(".hidden"));
    }
}
