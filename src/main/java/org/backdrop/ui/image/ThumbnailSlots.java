package org.backdrop.ui.image;

import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.backdrop.image.RgbImage;

/**
 * A cache of small thumbnails in one preallocated pixel array with fixed-size slots, keyed by a
 * {@code long} and reusing the least recently used slot when full.
 *
 * <p>The pixels of all slots live in a single {@code int[]} of {@code capacity x slotPixels} ARGB values,
 * allocated on the first {@link #store}. A large array goes straight to the old generation in G1 (a
 * humongous object), so young collections neither copy cached thumbnails nor promote them. The key
 * table, the LRU links and the slot sizes are primitive arrays allocated once as well, so storing and
 * finding a thumbnail allocate nothing.
 *
 * <p>Thread-safe. Loader threads {@link #store} while the JavaFX thread {@link #draw}s. Each slot has a
 * stamp that is odd while its pixels are rewritten and grows by 2 with every rewrite. {@code draw} copies
 * a slot without holding the lock and then checks that the stamp has not changed, so a copy that raced
 * with a rewrite of the same slot is reported as a miss instead of shown.
 */
public final class ThumbnailSlots {

    private static final int NONE = -1;

    private final int capacity;
    private final int slotPixels;
    private final int maxSide;

    // The lock on this guards the key table, the LRU list, sizes, keys, epoch and the pixel array reference.
    private int[] pixels;
    private final long[] slotKeys;
    private final boolean[] mapped;
    private final int[] widths;
    private final int[] heights;
    /** Doubly linked LRU list over the slots, most recently used at {@code head}. Slots being written are unlinked. */
    private final int[] newer;
    private final int[] older;
    private int head = NONE;
    private int tail = NONE;
    /** Open-addressing table (linear probing) from key to slot + 1. A slot value of 0 marks a free entry. */
    private final long[] tableKeys;
    private final int[] tableSlots;
    private int size;
    private int epoch;

    private final AtomicIntegerArray stamps;

    /**
     * Creates a cache of {@code capacity} slots, each for an image of at most {@code slotPixels} pixels
     * whose longer side is at most {@code maxSide}. Nothing is allocated for the pixels until the first
     * {@link #store}.
     */
    public ThumbnailSlots(int capacity, int slotPixels, int maxSide) {
        if (capacity < 1 || slotPixels < 1 || maxSide < 1) {
            throw new IllegalArgumentException("capacity, slot pixels and max side must be at least 1, got " + capacity + ", " + slotPixels
                    + " and " + maxSide);
        }
        if ((long) capacity * slotPixels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(capacity + " slots of " + slotPixels + " pixels do not fit one Java array");
        }
        this.capacity = capacity;
        this.slotPixels = slotPixels;
        this.maxSide = maxSide;
        this.slotKeys = new long[capacity];
        this.mapped = new boolean[capacity];
        this.widths = new int[capacity];
        this.heights = new int[capacity];
        this.newer = new int[capacity];
        this.older = new int[capacity];
        for (int slot = capacity - 1; slot >= 0; slot--) {
            linkAsNewest(slot);
        }
        int tableSize = Integer.highestOneBit(capacity * 2 - 1) << 1;
        this.tableKeys = new long[tableSize];
        this.tableSlots = new int[tableSize];
        this.stamps = new AtomicIntegerArray(capacity);
    }

    /** Returns whether a {@code width x height} image fits one slot. */
    public boolean fits(int width, int height) {
        return width >= 1 && height >= 1 && Math.max(width, height) <= maxSide && (long) width * height <= slotPixels;
    }

    /**
     * Returns the number that {@link #clear} increases. A loader reads it before rendering and passes it
     * to {@link #store}, so a thumbnail rendered before a clear is not stored after it.
     */
    public synchronized int epoch() {
        return epoch;
    }

    /**
     * Stores {@code image} under {@code key} in the least recently used slot, replacing what was there,
     * and marks it the most recently used.
     *
     * @return false, storing nothing, when the image does not {@link #fits fit} a slot, when {@link #clear}
     *     ran since {@code epoch} was read, or when more threads store at once than there are slots
     */
    public boolean store(long key, RgbImage image, int epoch) {
        if (!fits(image.width(), image.height())) {
            return false;
        }
        int slot;
        int[] target;
        synchronized (this) {
            if (epoch != this.epoch) {
                return false;
            }
            if (pixels == null) {
                pixels = new int[capacity * slotPixels];
            }
            target = pixels;
            slot = find(key);
            if (slot == NONE) {
                slot = tail;
                if (slot == NONE) {
                    // Every slot is being written by another thread, which needs more threads than slots.
                    return false;
                }
                if (mapped[slot]) {
                    removeKey(slotKeys[slot]);
                    mapped[slot] = false;
                    size--;
                }
            } else {
                removeKey(key);
                mapped[slot] = false;
                size--;
            }
            unlink(slot);
            stamps.incrementAndGet(slot);
        }
        // The odd stamp must be visible before any pixel write, so that a reader that copied a mix of old and
        // new pixels reads a changed stamp afterwards.
        VarHandle.storeStoreFence();
        writeArgb(image, target, slot * slotPixels);
        boolean stored = true;
        synchronized (this) {
            widths[slot] = image.width();
            heights[slot] = image.height();
            stamps.incrementAndGet(slot);
            if (epoch == this.epoch && !containsKey(key)) {
                slotKeys[slot] = key;
                mapped[slot] = true;
                putKey(key, slot);
                size++;
                linkAsNewest(slot);
            } else {
                // Another thread stored the same key meanwhile, or the cache was cleared. Either way the slot is
                // free again.
                stored = epoch == this.epoch;
                linkAsOldest(slot);
            }
        }
        return stored;
    }

    /** Returns whether {@code key} is cached, without marking it used. */
    public synchronized boolean contains(long key) {
        return containsKey(key);
    }

    /**
     * Shows the thumbnail cached under {@code key} in {@code view} and marks it the most recently used.
     *
     * @return false when {@code key} is not cached, or when its slot was rewritten while it was copied. The
     *     view may then show a mix of pixels, so the caller should clear it or show another image
     */
    public boolean draw(long key, BlockImageView view) {
        int slot;
        int stamp;
        int width;
        int height;
        int[] source;
        synchronized (this) {
            slot = find(key);
            if (slot == NONE) {
                return false;
            }
            unlink(slot);
            linkAsNewest(slot);
            stamp = stamps.get(slot);
            width = widths[slot];
            height = heights[slot];
            source = pixels;
        }
        view.show(source, slot * slotPixels, width, height);
        // The copy's reads must finish before the stamp is read again.
        VarHandle.loadLoadFence();
        return stamps.get(slot) == stamp;
    }

    /**
     * Copies the ARGB pixels cached under {@code key} into {@code out}, row-major, and marks them the most
     * recently used. Returns false when the key is not cached or its slot was rewritten meanwhile.
     */
    boolean copy(long key, int[] out) {
        int slot;
        int stamp;
        int count;
        int[] source;
        synchronized (this) {
            slot = find(key);
            if (slot == NONE) {
                return false;
            }
            unlink(slot);
            linkAsNewest(slot);
            stamp = stamps.get(slot);
            count = widths[slot] * heights[slot];
            source = pixels;
        }
        System.arraycopy(source, slot * slotPixels, out, 0, count);
        VarHandle.loadLoadFence();
        return stamps.get(slot) == stamp;
    }

    /** Returns the number of cached thumbnails. */
    public synchronized int size() {
        return size;
    }

    /** Drops every cached thumbnail and makes stores that started before the call store nothing. Keeps the pixel array. */
    public synchronized void clear() {
        epoch++;
        Arrays.fill(tableSlots, 0);
        Arrays.fill(mapped, false);
        size = 0;
    }

    private static void writeArgb(RgbImage image, int[] target, int offset) {
        byte[] rgb = image.pixels();
        int count = image.width() * image.height();
        for (int i = 0, in = 0; i < count; i++, in += 3) {
            target[offset + i] = 0xFF000000 | (rgb[in] & 0xFF) << 16 | (rgb[in + 1] & 0xFF) << 8 | (rgb[in + 2] & 0xFF);
        }
    }

    private void unlink(int slot) {
        int before = newer[slot];
        int after = older[slot];
        if (before == NONE) {
            head = after;
        } else {
            older[before] = after;
        }
        if (after == NONE) {
            tail = before;
        } else {
            newer[after] = before;
        }
    }

    private void linkAsNewest(int slot) {
        newer[slot] = NONE;
        older[slot] = head;
        if (head == NONE) {
            tail = slot;
        } else {
            newer[head] = slot;
        }
        head = slot;
    }

    private void linkAsOldest(int slot) {
        older[slot] = NONE;
        newer[slot] = tail;
        if (tail == NONE) {
            head = slot;
        } else {
            older[tail] = slot;
        }
        tail = slot;
    }

    private int index(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & (tableKeys.length - 1);
    }

    private boolean containsKey(long key) {
        return find(key) != NONE;
    }

    /** Returns the slot that contains {@code key}, or {@link #NONE}. */
    private int find(long key) {
        int mask = tableKeys.length - 1;
        for (int i = index(key); tableSlots[i] != 0; i = (i + 1) & mask) {
            if (tableKeys[i] == key) {
                return tableSlots[i] - 1;
            }
        }
        return NONE;
    }

    private void putKey(long key, int slot) {
        int mask = tableKeys.length - 1;
        int i = index(key);
        while (tableSlots[i] != 0) {
            i = (i + 1) & mask;
        }
        tableKeys[i] = key;
        tableSlots[i] = slot + 1;
    }

    /** Removes {@code key} and moves later entries of its probe run back, so that every entry stays reachable from its home index. */
    private void removeKey(long key) {
        int mask = tableKeys.length - 1;
        int gap = index(key);
        while (tableKeys[gap] != key) {
            if (tableSlots[gap] == 0) {
                return;
            }
            gap = (gap + 1) & mask;
        }
        if (tableSlots[gap] == 0) {
            return;
        }
        for (int j = (gap + 1) & mask; tableSlots[j] != 0; j = (j + 1) & mask) {
            int home = index(tableKeys[j]);
            // The entry at j may move into the gap unless its home lies cyclically in (gap, j].
            boolean homeAfterGap = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!homeAfterGap) {
                tableKeys[gap] = tableKeys[j];
                tableSlots[gap] = tableSlots[j];
                gap = j;
            }
        }
        tableSlots[gap] = 0;
    }
}
