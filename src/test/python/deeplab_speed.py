"""Exports a randomly initialised torchvision DeepLabv3-MobileNetV3-Large to ONNX and times it in PyTorch.

The ONNX file feeds SegmentationSpeedBenchmark (Java), so both sides run the same architecture and
weights. Usage, with Debian's python3-torch and python3-torchvision:

    /usr/bin/python3 src/test/python/deeplab_speed.py OUT_DIR [THREADS]

THREADS defaults to the number of CPUs; give the same number to the Java benchmark.
"""

import os
import sys
import time

import torch
import torchvision

BATCH_SIZES = (1, 8, 32)
IMAGES = 64
# Each batch size runs this many times over the images and reports the fastest, because other
# processes share the CPUs.
REPETITIONS = 3


class OutOnly(torch.nn.Module):
    """Returns the "out" entry of torchvision's segmentation dict, the per-class logits."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model(x)["out"]


def main(out_dir, threads):
    torch.manual_seed(0)
    model = torchvision.models.segmentation.deeplabv3_mobilenet_v3_large(
        weights=None, weights_backbone=None, num_classes=21, aux_loss=False).eval()
    wrapped = OutOnly(model).eval()
    torch.onnx.export(wrapped, torch.randn(1, 3, 224, 224), f"{out_dir}/deeplabv3_mnv3.onnx",
                      input_names=["input"], output_names=["out"],
                      dynamic_axes={"input": {0: "batch"}, "out": {0: "batch"}}, opset_version=13)

    torch.set_num_threads(threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    with torch.no_grad():
        for batch in BATCH_SIZES:
            x = torch.randn(batch, 3, 224, 224)
            wrapped(x)
            runs = max(1, IMAGES // batch)
            best = float("inf")
            for _ in range(REPETITIONS):
                start = time.perf_counter()
                for _ in range(runs):
                    wrapped(x).argmax(1)
                best = min(best, time.perf_counter() - start)
            print(f"batch {batch:2d}: {runs * batch / best:6.1f} images/s")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else os.cpu_count())
