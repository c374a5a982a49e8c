"""Vectorised NumPy version of the CIFAR-10 augmentation benchmark, for a side-by-side time.

Reads the 5 binary batches and the masks that AugmentBenchmark generates (pass its work folder), then
composites every image onto red, green, blue, black and the mean background and writes the 5 variants
as binary batches. Masks are decoded from the masks file before the clock starts, as in the Java run.

    python3 augment_numpy.py WORK_DIR [RUNS]
"""
import json
import os
import statistics
import sys
import time

import numpy as np


def decode_counts(text):
    """Decodes a COCO compressed RLE string into its run lengths."""
    counts, p = [], 0
    while p < len(text):
        x, k, more = 0, 0, True
        while more:
            c = ord(text[p]) - 48
            x |= (c & 0x1F) << (5 * k)
            more = bool(c & 0x20)
            p += 1
            k += 1
            if not more and (c & 0x10):
                x |= -1 << (5 * k)
        if len(counts) > 2:
            x += counts[-2]
        counts.append(x)
    return counts


def load_masks(path, count):
    masks = np.zeros((count, 32, 32), dtype=bool)
    for index, entry in enumerate(json.load(open(path))):
        flat = np.zeros(1024, dtype=bool)
        position = 0
        for run, length in enumerate(decode_counts(entry["segmentation"]["counts"])):
            if run % 2:
                flat[position:position + length] = True
            position += length
        masks[index] = flat.reshape(32, 32).T  # COCO runs are column-major
    return masks


def main():
    work = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    raw = np.concatenate([np.fromfile(os.path.join(work, "cifar", f"data_batch_{b}.bin"), dtype=np.uint8).reshape(-1, 3073)
                          for b in range(1, 6)])
    masks = load_masks(os.path.join(work, "masks.json"), len(raw))
    times = []
    for run in range(runs):
        start = time.perf_counter()
        labels = raw[:, :1]
        images = raw[:, 1:].reshape(-1, 3, 32, 32)
        background = ~masks[:, None, :, :]
        sums = (images * background).sum(axis=0, dtype=np.int64)
        counts = background.sum(axis=0, dtype=np.int64)
        mean = np.where(counts > 0, (2 * sums + counts) // np.maximum(2 * counts, 1), 0).astype(np.uint8)
        colours = {"red": (255, 0, 0), "green": (0, 255, 0), "blue": (0, 0, 255), "black": (0, 0, 0)}
        for name, fill in list(colours.items()) + [("mean", None)]:
            if fill is None:
                fill_planes = np.broadcast_to(mean, images.shape)
            else:
                fill_planes = np.broadcast_to(np.array(fill, dtype=np.uint8)[None, :, None, None], images.shape)
            out = np.where(background, fill_planes, images).reshape(len(raw), 3072)
            records = np.concatenate([labels, out], axis=1)
            folder = os.path.join(work, f"numpy-{run}", name)
            os.makedirs(folder, exist_ok=True)
            for b in range(5):
                records[b * 10000:(b + 1) * 10000].tofile(os.path.join(folder, f"data_batch_{b + 1}.bin"))
        times.append(time.perf_counter() - start)
        print(f"run {run + 1}: {times[-1]:.2f} s")
    print(f"median of {runs} runs: {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
