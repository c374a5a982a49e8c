package org.backdrop.mask.edit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.backdrop.mask.Polygons;
import org.backdrop.mask.Rle;

/**
 * A binary mask being edited, with undo and redo over the whole editing session. Pixels are 0
 * (background) or 1 (foreground), row-major. A mask made from a probability map, or given one through
 * {@link #attachProbabilities(float[])}, keeps the probabilities, so that {@link #threshold(double)} can
 * derive the mask again.
 *
 * <p>Every change belongs to an edit: a brush stroke from {@link #beginStroke(String)} to
 * {@link #endStroke()}, or one call of the other operations. Each finished edit that changed pixels
 * goes onto the undo stack as a {@link MaskDelta}, which stores the flipped pixels of its dirty
 * rectangle as runs. Memory therefore grows with the edited area, not with the number of edits times
 * the mask size. The one full-size buffer is a bit set (1 bit per pixel) that records the pixels the
 * open edit flipped.
 *
 * <p>Listeners hear the rectangle of every change, so a view redraws only that part. Not thread
 * safe: use an instance from one thread.
 */
public final class EditableMask {

    private static final String THRESHOLD = "Threshold";

    private final int width;
    private final int height;
    private final byte[] pixels;
    private float[] probabilities;
    private final Deque<MaskDelta> undo = new ArrayDeque<>();
    private final Deque<MaskDelta> redo = new ArrayDeque<>();
    private final List<Consumer<PixelRect>> listeners = new ArrayList<>();

    /** The pixels the open edit flipped, 1 bit each; allocated on the first change. */
    private long[] flipped;
    private String openEdit;
    private boolean strokeOpen;
    private int editX0;
    private int editY0;
    private int editX1;
    private int editY1;
    private int changeX0;
    private int changeY0;
    private int changeX1;
    private int changeY1;
    private long historyBytes;
    private int undoDepthAtSave;
    private boolean savedStateReachable = true;

    private EditableMask(int width, int height, byte[] pixels, float[] probabilities) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("invalid mask size " + width + "x" + height + ": width and height must be positive");
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.probabilities = probabilities;
        resetEditBounds();
    }

    /** Returns an empty (all background) mask. */
    public static EditableMask empty(int width, int height) {
        return new EditableMask(width, height, new byte[checkedArea(width, height)], null);
    }

    /** Returns an editable copy of {@code rle}. */
    public static EditableMask fromRle(Rle rle) {
        return new EditableMask(rle.width(), rle.height(), rle.toRowMajor(), null);
    }

    /**
     * Returns a mask derived from foreground probabilities: a pixel is foreground when its probability
     * is greater than {@code threshold}, the rule segmentation model specs use.
     *
     * @param probabilities row-major probabilities from 0 to 1, {@code width * height} of them; copied
     * @throws IllegalArgumentException if the length does not match the size, a probability is not a
     *     number or the threshold is outside 0 to 1
     */
    public static EditableMask fromProbabilities(float[] probabilities, int width, int height, double threshold) {
        float[] copy = checkedProbabilities(probabilities, width, height);
        checkThreshold(threshold);
        byte[] pixels = new byte[copy.length];
        for (int i = 0; i < copy.length; i++) {
            pixels[i] = (byte) (copy[i] > threshold ? 1 : 0);
        }
        return new EditableMask(width, height, pixels, copy);
    }

    /**
     * Keeps {@code newProbabilities} as this mask's probability map, so that {@link #threshold(double)}
     * works from now on. The pixels and the undo history stay as they are.
     *
     * @param newProbabilities row-major probabilities from 0 to 1, {@code width * height} of them; copied
     * @throws IllegalArgumentException if the length does not match the size or a probability is not a number
     */
    public void attachProbabilities(float[] newProbabilities) {
        probabilities = checkedProbabilities(newProbabilities, width, height);
    }

    private static float[] checkedProbabilities(float[] probabilities, int width, int height) {
        if (probabilities.length != checkedArea(width, height)) {
            throw new IllegalArgumentException("a probability map of " + width + "x" + height + " needs " + (long) width * height
                    + " values, got " + probabilities.length);
        }
        for (int i = 0; i < probabilities.length; i++) {
            if (Float.isNaN(probabilities[i])) {
                throw new IllegalArgumentException("invalid probability NaN at pixel x=" + i % width + " y=" + i / width);
            }
        }
        return probabilities.clone();
    }

    private static int checkedArea(int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("invalid mask size " + width + "x" + height + ": width and height must be positive and "
                    + "their product at most " + Integer.MAX_VALUE);
        }
        return width * height;
    }

    private static void checkThreshold(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("invalid threshold " + threshold + ": it must be between 0 and 1");
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Returns true when pixel ({@code x}, {@code y}) is foreground. */
    public boolean get(int x, int y) {
        return pixels[y * width + x] != 0;
    }

    /** Returns true when the mask keeps a probability map, so {@link #threshold(double)} works. */
    public boolean hasProbabilities() {
        return probabilities != null;
    }

    /** Returns a row-major copy of the mask, 0 and 1. */
    public byte[] toRowMajor() {
        return pixels.clone();
    }

    /** Encodes the mask in COCO's run-length encoding. */
    public Rle toRle() {
        return Rle.fromRowMajor(pixels, width, height);
    }

    /** Returns the number of foreground pixels. */
    public long area() {
        long area = 0;
        for (byte pixel : pixels) {
            area += pixel;
        }
        return area;
    }

    /** Registers {@code listener} to hear the rectangle of each change, including undo and redo. */
    public void addListener(Consumer<PixelRect> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<PixelRect> listener) {
        listeners.remove(listener);
    }

    // Brush and eraser.

    /**
     * Starts a brush or eraser stroke: the {@link #paintLine} calls up to {@link #endStroke()} form one
     * edit. A stroke that is still open is finished first.
     */
    public void beginStroke(String name) {
        finishEdit();
        openEdit = name;
        strokeOpen = true;
    }

    /**
     * Paints a line of width {@code size} pixels with round ends from pixel ({@code x0}, {@code y0}) to
     * pixel ({@code x1}, {@code y1}). A pixel is painted when its centre lies within {@code size / 2}
     * of the segment between the two pixel centres. So size 1 paints a line about one pixel wide,
     * size 3 a 3x3 square at a point and size 5 a 5x5 square without its corners. Parts outside the
     * mask are clipped. Outside a stroke the line is an edit of its own.
     *
     * @param foreground true for the brush, false for the eraser
     * @return the rectangle of the pixels that changed, empty when none did
     * @throws IllegalArgumentException if {@code size} is less than 1
     */
    public PixelRect paintLine(int x0, int y0, int x1, int y1, int size, boolean foreground) {
        if (size < 1) {
            throw new IllegalArgumentException("invalid brush size " + size + ": it must be at least 1 pixel");
        }
        boolean single = !strokeOpen;
        if (single) {
            beginEdit(foreground ? "Brush" : "Eraser");
        }
        startChange();
        double radius = size / 2.0;
        double radiusSquared = radius * radius;
        int reach = (int) Math.ceil(radius);
        int left = Math.max(0, Math.min(x0, x1) - reach);
        int right = Math.min(width - 1, Math.max(x0, x1) + reach);
        int top = Math.max(0, Math.min(y0, y1) - reach);
        int bottom = Math.min(height - 1, Math.max(y0, y1) + reach);
        byte value = (byte) (foreground ? 1 : 0);
        long dx = x1 - x0;
        long dy = y1 - y0;
        long lengthSquared = dx * dx + dy * dy;
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                if (distanceSquared(x - x0, y - y0, dx, dy, lengthSquared) <= radiusSquared) {
                    set(x, y, value);
                }
            }
        }
        PixelRect changed = endChange();
        if (single) {
            finishEdit();
        }
        return changed;
    }

    /** Returns the squared distance from point (px, py) to the segment from (0, 0) to (dx, dy). */
    private static double distanceSquared(long px, long py, long dx, long dy, long lengthSquared) {
        if (lengthSquared == 0) {
            return px * px + py * py;
        }
        double t = Math.max(0, Math.min(1, (double) (px * dx + py * dy) / lengthSquared));
        double ex = px - t * dx;
        double ey = py - t * dy;
        return ex * ex + ey * ey;
    }

    /** Finishes the open stroke; returns false when it changed nothing, so nothing went onto the undo stack. */
    public boolean endStroke() {
        return finishEdit();
    }

    // Polygons, flood fill, threshold and region replacement: one edit per call.

    /**
     * Adds a polygon to the mask, or removes it. The polygon is rasterised as COCO polygons are (see
     * {@link Polygons#rasterize(double[], int, int)}): a pixel is inside when its centre is.
     *
     * @param xy {@code x0, y0, x1, y1, …} in pixels, where (0, 0) is the top-left corner of the top-left pixel
     * @param foreground true to add the polygon, false to subtract it
     * @return the rectangle of the pixels that changed
     * @throws IllegalArgumentException as {@link Polygons#rasterize(double[], int, int)}
     */
    public PixelRect fillPolygon(double[] xy, boolean foreground) {
        Rle polygon = Polygons.rasterize(xy, height, width);
        beginEdit(foreground ? "Add polygon" : "Subtract polygon");
        startChange();
        byte value = (byte) (foreground ? 1 : 0);
        long position = 0;
        for (int i = 0; i < polygon.runCount(); i++) {
            int run = polygon.run(i);
            if (i % 2 == 1) {
                // COCO runs go down each column, then on to the next column.
                for (long p = position; p < position + run; p++) {
                    set((int) (p / height), (int) (p % height), value);
                }
            }
            position += run;
        }
        return finishSingle();
    }

    /**
     * Fills the 4-connected region of pixels that have the same value as pixel ({@code x}, {@code y}).
     * Filling a background region with foreground closes a hole, and filling a foreground region with
     * background removes a connected component. A region that already has the value stays as it is.
     *
     * @return the rectangle of the pixels that changed, empty when none did
     * @throws IllegalArgumentException if the pixel is outside the mask
     */
    public PixelRect floodFill(int x, int y, boolean foreground) {
        requireInside(x, y);
        byte value = (byte) (foreground ? 1 : 0);
        beginEdit(foreground ? "Fill" : "Fill with background");
        startChange();
        if (pixels[y * width + x] != value) {
            fillRegion(x, y, value);
        }
        return finishSingle();
    }

    /** Scanline flood fill: fills whole horizontal spans and queues the rows above and below them. */
    private void fillRegion(int startX, int startY, byte value) {
        byte old = (byte) (value ^ 1);
        int[] stack = new int[64];
        int size = 0;
        stack[size++] = startY * width + startX;
        while (size > 0) {
            int index = stack[--size];
            int y = index / width;
            int x = index % width;
            if (pixels[index] != old) {
                continue;
            }
            int left = x;
            while (left > 0 && pixels[y * width + left - 1] == old) {
                left--;
            }
            int right = x;
            while (right < width - 1 && pixels[y * width + right + 1] == old) {
                right++;
            }
            for (int column = left; column <= right; column++) {
                set(column, y, value);
            }
            for (int row = y - 1; row <= y + 1; row += 2) {
                if (row < 0 || row >= height) {
                    continue;
                }
                // Queue one pixel per run of old-valued pixels next to the span.
                boolean inRun = false;
                for (int column = left; column <= right; column++) {
                    boolean matches = pixels[row * width + column] == old;
                    if (matches && !inRun) {
                        if (size == stack.length) {
                            stack = Arrays.copyOf(stack, size * 2);
                        }
                        stack[size++] = row * width + column;
                    }
                    inRun = matches;
                }
            }
        }
    }

    /**
     * Derives the mask again from the probability map: foreground where the probability is greater
     * than {@code threshold}. This replaces brush work done since the last threshold. Calls right after
     * each other, as from a slider, merge into one edit, so one undo restores the mask from before
     * the first of them.
     *
     * @return the rectangle of the pixels that changed, empty when none did
     * @throws IllegalStateException if the mask has no probability map
     * @throws IllegalArgumentException if the threshold is outside 0 to 1
     */
    public PixelRect threshold(double threshold) {
        if (probabilities == null) {
            throw new IllegalStateException("this mask has no probability map to threshold; only masks from a model's probabilities have one");
        }
        checkThreshold(threshold);
        finishEdit();
        PixelRect merged = PixelRect.EMPTY;
        MaskDelta previous = undo.peek();
        if (previous != null && previous.name().equals(THRESHOLD) && redo.isEmpty()) {
            // Take the previous threshold back without telling the listeners; the rectangle below covers it.
            undo.pop();
            historyBytes -= previous.bytes();
            previous.flip(pixels, width);
            merged = previous.rect();
            if (undoDepthAtSave > undo.size()) {
                savedStateReachable = false;
            }
        }
        beginEdit(THRESHOLD);
        startChange();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                set(x, y, (byte) (probabilities[y * width + x] > threshold ? 1 : 0));
            }
        }
        PixelRect changed = endChange();
        finishEdit();
        PixelRect dirty = changed.union(merged);
        if (!merged.isEmpty()) {
            notifyListeners(dirty);
        }
        return dirty;
    }

    /**
     * Replaces the pixels of {@code region} with {@code values}, as one edit named {@code name}. GrabCut
     * refinement uses this to apply its result.
     *
     * @param values row-major values of the region, {@code region.width() * region.height()} of them;
     *     non-zero is foreground
     * @return the rectangle of the pixels that changed, empty when none did
     * @throws IllegalArgumentException if the region is not inside the mask or the length does not match
     */
    public PixelRect replace(PixelRect region, byte[] values, String name) {
        if (!region.equals(region.clip(width, height)) && !region.isEmpty()) {
            throw new IllegalArgumentException("region " + region + " is not inside the " + width + "x" + height + " mask");
        }
        if (values.length != region.area()) {
            throw new IllegalArgumentException("region " + region + " needs " + region.area() + " values, got " + values.length);
        }
        beginEdit(name);
        startChange();
        for (int row = 0; row < region.height(); row++) {
            for (int column = 0; column < region.width(); column++) {
                set(region.x() + column, region.y() + row, (byte) (values[row * region.width() + column] != 0 ? 1 : 0));
            }
        }
        return finishSingle();
    }

    /** Returns the row-major values of {@code region}, 0 and 1. */
    public byte[] copyRegion(PixelRect region) {
        byte[] values = new byte[(int) region.area()];
        for (int row = 0; row < region.height(); row++) {
            System.arraycopy(pixels, (region.y() + row) * width + region.x(), values, row * region.width(), region.width());
        }
        return values;
    }

    // Undo and redo.

    public boolean canUndo() {
        return !undo.isEmpty() || strokeOpen;
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Returns the name of the edit that {@link #undo()} would take back, such as "Brush". */
    public Optional<String> undoName() {
        return Optional.ofNullable(undo.peek()).map(MaskDelta::name);
    }

    /**
     * Takes back the last edit, finishing an open stroke first.
     *
     * @return the rectangle that changed, empty when there was nothing to undo
     */
    public PixelRect undo() {
        finishEdit();
        MaskDelta delta = undo.poll();
        if (delta == null) {
            return PixelRect.EMPTY;
        }
        delta.flip(pixels, width);
        redo.push(delta);
        notifyListeners(delta.rect());
        return delta.rect();
    }

    /**
     * Applies the last undone edit again.
     *
     * @return the rectangle that changed, empty when there was nothing to redo
     */
    public PixelRect redo() {
        finishEdit();
        MaskDelta delta = redo.poll();
        if (delta == null) {
            return PixelRect.EMPTY;
        }
        delta.flip(pixels, width);
        undo.push(delta);
        notifyListeners(delta.rect());
        return delta.rect();
    }

    /** Returns the number of edits that can be undone. */
    public int undoDepth() {
        return undo.size();
    }

    /** Returns an estimate of the heap the undo and redo stacks hold, in bytes. */
    public long historyBytes() {
        return historyBytes;
    }

    /** Records the current state as saved; {@link #isDirty()} is false until the next change. */
    public void markSaved() {
        finishEdit();
        undoDepthAtSave = undo.size();
        savedStateReachable = true;
    }

    /** Returns true when the mask differs from the state of the last {@link #markSaved()} (or from the start). */
    public boolean isDirty() {
        return (strokeOpen && editX1 >= 0) || !savedStateReachable || undo.size() != undoDepthAtSave;
    }

    // Change recording.

    private void beginEdit(String name) {
        finishEdit();
        openEdit = name;
    }

    private PixelRect finishSingle() {
        PixelRect changed = endChange();
        finishEdit();
        return changed;
    }

    private void startChange() {
        changeX0 = Integer.MAX_VALUE;
        changeY0 = Integer.MAX_VALUE;
        changeX1 = -1;
        changeY1 = -1;
    }

    /** Returns the rectangle of the pixels changed since {@link #startChange()} and notifies the listeners. */
    private PixelRect endChange() {
        PixelRect changed = changeX1 < 0 ? PixelRect.EMPTY : PixelRect.ofBounds(changeX0, changeY0, changeX1 + 1, changeY1 + 1);
        if (!changed.isEmpty()) {
            notifyListeners(changed);
        }
        return changed;
    }

    private void set(int x, int y, byte value) {
        int index = y * width + x;
        if (pixels[index] == value) {
            return;
        }
        pixels[index] = value;
        if (flipped == null) {
            flipped = new long[(pixels.length + 63) / 64];
        }
        flipped[index >>> 6] ^= 1L << index;
        editX0 = Math.min(editX0, x);
        editY0 = Math.min(editY0, y);
        editX1 = Math.max(editX1, x);
        editY1 = Math.max(editY1, y);
        changeX0 = Math.min(changeX0, x);
        changeY0 = Math.min(changeY0, y);
        changeX1 = Math.max(changeX1, x);
        changeY1 = Math.max(changeY1, y);
    }

    /** Turns the open edit's flipped pixels into a delta on the undo stack; returns false when none flipped. */
    private boolean finishEdit() {
        String name = openEdit;
        openEdit = null;
        strokeOpen = false;
        if (name == null || editX1 < 0) {
            resetEditBounds();
            return false;
        }
        PixelRect rect = PixelRect.ofBounds(editX0, editY0, editX1 + 1, editY1 + 1);
        resetEditBounds();
        MaskDelta delta = MaskDelta.takeFlips(name, rect, flipped, width);
        if (delta == null) {
            // Every pixel that changed was changed back: nothing to record.
            return false;
        }
        if (undoDepthAtSave > undo.size()) {
            // The saved state was on the redo stack, which this edit discards.
            savedStateReachable = false;
        }
        for (MaskDelta discarded : redo) {
            historyBytes -= discarded.bytes();
        }
        redo.clear();
        undo.push(delta);
        historyBytes += delta.bytes();
        return true;
    }

    private void resetEditBounds() {
        editX0 = Integer.MAX_VALUE;
        editY0 = Integer.MAX_VALUE;
        editX1 = -1;
        editY1 = -1;
    }

    private void requireInside(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IllegalArgumentException("pixel (" + x + ", " + y + ") is outside the " + width + "x" + height + " mask");
        }
    }

    private void notifyListeners(PixelRect rect) {
        for (Consumer<PixelRect> listener : List.copyOf(listeners)) {
            listener.accept(rect);
        }
    }
}
