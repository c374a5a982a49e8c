package org.backdrop.ui.image;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes thumbnails on a few background threads and keeps the recent ones in a cache. Requests
 * are served newest first and the oldest are dropped beyond {@code maxPending}, so fast scrolling
 * through a large grid decodes only what is on screen.
 *
 * @param <K> the key of one thumbnail, such as a sample id with the overlay flag
 * @param <V> the thumbnail, such as a JavaFX image, or small pixels that a cell draws enlarged
 */
public final class ThumbnailLoader<K, V> implements AutoCloseable {

    /** Renders the thumbnail for a key; called on a loader thread. */
    @FunctionalInterface
    public interface Renderer<K, V> {
        V render(K key) throws IOException;
    }

    /** The thumbnails that a loader finds without rendering. Thread-safe. */
    public interface Cache<K, V> {
        /** Returns the cached thumbnail for {@code key}, or null when absent. */
        V get(K key);

        void clear();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailLoader.class);

    private record Request<K, V>(K key, Consumer<V> onReady) {}

    private final Cache<K, V> cache;
    private final LinkedBlockingDeque<Request<K, V>> pending = new LinkedBlockingDeque<>();
    private final Set<K> failed = new HashSet<>();
    private final Renderer<K, V> renderer;
    private final int maxPending;
    private final Thread[] workers;

    /** Creates a loader that keeps the last {@code cacheSize} thumbnails that {@code renderer} returns in an {@link LruCache}. */
    public ThumbnailLoader(Renderer<K, V> renderer, int cacheSize, int maxPending, int threads) {
        this(new LruCache<>(cacheSize), renderer, maxPending, threads);
    }

    private ThumbnailLoader(LruCache<K, V> cache, Renderer<K, V> renderer, int maxPending, int threads) {
        this(key -> {
            V image = renderer.render(key);
            if (image != null) {
                cache.put(key, image);
            }
            return image;
        }, cache, maxPending, threads);
    }

    /**
     * Creates a loader whose {@code renderer} stores each thumbnail in {@code cache} itself. A renderer
     * returns null when there is nothing to show, for example because the cache was cleared meanwhile.
     */
    public ThumbnailLoader(Renderer<K, V> renderer, Cache<K, V> cache, int maxPending, int threads) {
        this.renderer = renderer;
        this.cache = cache;
        this.maxPending = maxPending;
        this.workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(this::work, "thumbnails-" + i);
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /**
     * Returns the cached thumbnail for {@code key}, or null after queueing it; {@code onReady} then
     * receives it on the JavaFX thread once decoded. Nothing is called for an image that fails to decode.
     */
    public V request(K key, Consumer<V> onReady) {
        V cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        pending.offerFirst(new Request<>(key, onReady));
        while (pending.size() > maxPending) {
            pending.pollLast();
        }
        return null;
    }

    /** Drops every cached thumbnail, for example after the masks change. */
    public void invalidate() {
        cache.clear();
        pending.clear();
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            Request<K, V> request;
            try {
                request = pending.takeFirst();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            V image = cache.get(request.key());
            if (image == null) {
                image = render(request.key());
            }
            if (image != null) {
                V ready = image;
                Platform.runLater(() -> request.onReady().accept(ready));
            }
        }
    }

    private V render(K key) {
        try {
            return renderer.render(key);
        } catch (IOException | RuntimeException e) {
            boolean first;
            synchronized (failed) {
                first = failed.add(key);
            }
            if (first) {
                LOG.warn("Cannot show the thumbnail of {}: {}", key, e.getMessage());
            }
            return null;
        }
    }

    @Override
    public void close() {
        pending.clear();
        for (Thread worker : workers) {
            worker.interrupt();
        }
    }
}
