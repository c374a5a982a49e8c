package org.backdrop.background;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backdrop.image.RgbImage;

/** A sample pool held in lists, for tests. */
final class InMemoryPool implements SamplePool {

    record Entry(String id, int label, RgbImage image, byte[] mask) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Map<Integer, String> classNames;
    private final Map<Integer, PixelBox> annotatedBoxes = new HashMap<>();

    InMemoryPool() {
        this(Map.of());
    }

    InMemoryPool(Map<Integer, String> classNames) {
        this.classNames = classNames;
    }

    InMemoryPool add(String id, int label, RgbImage image, byte[] mask) {
        entries.add(new Entry(id, label, image, mask));
        return this;
    }

    InMemoryPool withAnnotatedBox(int index, PixelBox box) {
        annotatedBoxes.put(index, box);
        return this;
    }

    BackgroundRequest request(int index, long runSeed, String variant) {
        return BackgroundRequest.of(this, index, runSeed, variant);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public String id(int index) {
        return entries.get(index).id();
    }

    @Override
    public int label(int index) {
        return entries.get(index).label();
    }

    @Override
    public RgbImage image(int index) {
        return entries.get(index).image();
    }

    @Override
    public byte[] mask(int index) {
        return entries.get(index).mask();
    }

    @Override
    public Optional<PixelBox> annotatedBox(int index) {
        return Optional.ofNullable(annotatedBoxes.get(index));
    }

    @Override
    public String className(int label) {
        return classNames.getOrDefault(label, Integer.toString(label));
    }
}
