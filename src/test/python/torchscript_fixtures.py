"""Writes the TorchScript test models and their reference outputs into src/test/resources/models/torchscript.

* tiny_classifier.pt: a small CNN with random weights and batch-norm statistics, 4 classes, for 32x32
  RGB input, with tiny_classifier.spec.json.
* images/*.png: six 32x32 RGB test images (PNG, so every decoder reads the same pixels).
* tiny_classifier_expected.json: the logits PyTorch computes for each image with the spec's
  preprocessing ((pixel / 255 - mean) / std), the reference for the Java tests.
* tiny_transfer.pt: a CIFAR ResNet with one block per stage, widths 4 and 8, and 3 classes, built by
  src/main/python/cifar_resnet.py, so it exports set_head and names its head fc.

Needs Debian's python3-torch (1.13), python3-numpy and python3-pil. Run from the repository root:
/usr/bin/python3 src/test/python/torchscript_fixtures.py
"""

import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")
sys.path.insert(0, os.path.join(ROOT, "src", "main", "python"))
import cifar_resnet  # noqa: E402

OUT = os.path.join(ROOT, "src", "test", "resources", "models", "torchscript")
MEAN = [0.5, 0.45, 0.4]
STD = [0.25, 0.2, 0.3]
CLASSES = ["circle", "square", "stripes", "noise"]


class TinyClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(8)
        self.conv2 = nn.Conv2d(8, 16, 3, stride=2, padding=1)
        self.fc = nn.Linear(16, len(CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.conv2(x))
        return self.fc(x.mean([2, 3]))


def images(random: np.random.Generator):
    result = {}
    y, x = np.mgrid[0:32, 0:32]
    for i in range(6):
        pixels = random.integers(0, 256, size=(32, 32, 3))
        if i % 3 == 0:
            inside = (x - 16) ** 2 + (y - 16) ** 2 < (6 + i) ** 2
            pixels[inside] = random.integers(0, 256, size=3)
        elif i % 3 == 1:
            pixels[8:24, 8 + i:24] = random.integers(0, 256, size=3)
        else:
            pixels[(x // (2 + i)) % 2 == 0] = 255
        result["image%d.png" % i] = pixels.astype(np.uint8)
    return result


def randomise(module: nn.Module, generator: torch.Generator):
    with torch.no_grad():
        for name, tensor in module.state_dict().items():
            if not tensor.is_floating_point():
                continue
            if name.endswith("running_var"):
                tensor.copy_(torch.rand(tensor.shape, generator=generator) + 0.5)
            else:
                tensor.copy_(torch.randn(tensor.shape, generator=generator) * 0.5)


def main():
    os.makedirs(os.path.join(OUT, "images"), exist_ok=True)
    generator = torch.Generator().manual_seed(11)

    classifier = TinyClassifier()
    randomise(classifier, generator)
    scripted = torch.jit.script(classifier.eval())
    scripted.save(os.path.join(OUT, "tiny_classifier.pt"))
    spec = {
        "description": "Random-weight CNN written by src/test/python/torchscript_fixtures.py",
        "task": "classification",
        "input": {"name": "input", "shape": [-1, 3, 32, 32], "layout": "NCHW"},
        "preprocessing": {"colorOrder": "RGB", "scale": "1/255", "mean": MEAN, "std": STD,
                          "resize": {"rule": "stretch", "interpolation": "bilinear"}},
        "output": {"kind": "logits"},
        "classes": CLASSES,
    }
    with open(os.path.join(OUT, "tiny_classifier.spec.json"), "w") as out:
        json.dump(spec, out, indent=2)
        out.write("\n")

    expected = {}
    mean = torch.tensor(MEAN).view(1, 3, 1, 1)
    std = torch.tensor(STD).view(1, 3, 1, 1)
    for name, pixels in images(np.random.default_rng(5)).items():
        Image.fromarray(pixels).save(os.path.join(OUT, "images", name))
        tensor = torch.from_numpy(pixels).float().permute(2, 0, 1).unsqueeze(0) / 255.0
        with torch.no_grad():
            logits = scripted((tensor - mean) / std)[0]
        expected[name] = [float(v) for v in logits]
    with open(os.path.join(OUT, "tiny_classifier_expected.json"), "w") as out:
        json.dump({"torch": torch.__version__, "logits": expected}, out, indent=2)
        out.write("\n")

    transfer = cifar_resnet.CifarResNet(1, [4, 8], 3)
    randomise(transfer, generator)
    torch.jit.script(transfer.eval()).save(os.path.join(OUT, "tiny_transfer.pt"))


if __name__ == "__main__":
    main()
