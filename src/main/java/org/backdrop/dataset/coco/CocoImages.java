package org.backdrop.dataset.coco;

import java.util.Arrays;

/**
 * The {@code images} records of a COCO file as parallel arrays, in file order. A record that could not
 * be read keeps its row, with a problem, so that its file name can still be reported.
 */
final class CocoImages {

    /** The id stored for a record without a readable id. */
    static final long NO_ID = Long.MIN_VALUE;

    private long[] ids = new long[64];
    private int[] widths = new int[64];
    private int[] heights = new int[64];
    private String[] fileNames = new String[64];
    private String[] problems = new String[64];
    private int size;

    /**
     * Appends an image record.
     *
     * @param id the image id, or {@link #NO_ID}
     * @param fileName the {@code file_name} as written in the file, or null when it is missing
     * @param problem why the record cannot be used, or null when it can
     * @return the row index
     */
    int add(long id, int width, int height, String fileName, String problem) {
        if (size == ids.length) {
            int capacity = size + (size >> 1);
            ids = Arrays.copyOf(ids, capacity);
            widths = Arrays.copyOf(widths, capacity);
            heights = Arrays.copyOf(heights, capacity);
            fileNames = Arrays.copyOf(fileNames, capacity);
            problems = Arrays.copyOf(problems, capacity);
        }
        ids[size] = id;
        widths[size] = width;
        heights[size] = height;
        fileNames[size] = fileName;
        problems[size] = problem;
        return size++;
    }

    /** Marks row {@code index} unusable, unless it already has a problem. */
    void reject(int index, String problem) {
        if (problems[index] == null) {
            problems[index] = problem;
        }
    }

    int size() {
        return size;
    }

    long id(int index) {
        return ids[index];
    }

    int width(int index) {
        return widths[index];
    }

    int height(int index) {
        return heights[index];
    }

    /** Returns the {@code file_name} as written, or null when the record has none. */
    String fileName(int index) {
        return fileNames[index];
    }

    /** Returns why row {@code index} cannot be used, or null when it can. */
    String problem(int index) {
        return problems[index];
    }
}
