package org.backdrop.ui.image;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that contains at most {@code capacity} entries and drops the least recently used one when full.
 * Thread-safe.
 */
public final class LruCache<K, V> implements ThumbnailLoader.Cache<K, V> {

    private final Map<K, V> entries;

    public LruCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Returns the value for {@code key} and marks it recently used, or null when absent. */
    @Override
    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized void clear() {
        entries.clear();
    }
}
