"""CIFAR-style residual networks in TorchScript, laid out like Backdrop's DJL networks.

Running this file writes the TorchScript templates that ``backdrop train`` fills with trained weights
(resources/org/backdrop/train/templates/resnet20.pt.gz and resnet18.pt.gz). The networks
match org.backdrop.train.ResNets layer for layer: a 3x3 stem, basic blocks with a 1x1 projection
shortcut where the shape changes, global average pooling and one linear layer named ``fc``.

Every module exports two methods besides ``forward``:

* ``load_weights(values)`` copies a list of tensors into the parameters and batch-norm running
  statistics, in the order of DJL's parameter list. That order is, per convolution, its weight; per
  batch norm, gamma, beta, running mean and running variance; and last the ``fc`` weight and bias.
  The ``fc`` tensors replace the layer, so the class count may differ from the template's.
* ``set_head(weight, bias)`` replaces the ``fc`` layer, which ``backdrop train --model
  torchscript=FILE`` calls to give a network a new class count.

Needs PyTorch 1.13 (Debian's python3-torch); DJL's PyTorch 2.7.1 engine loads the files it writes.
"""

import gzip
import io
import os
import sys
from typing import List

import torch
import torch.nn as nn
import torch.nn.functional as F


def _copy(target: torch.Tensor, values: List[torch.Tensor], index: int) -> int:
    value = values[index]
    assert value.shape == target.shape, "tensor {} has the shape {} but the network expects {}".format(
        index, value.shape, target.shape)
    target.copy_(value)
    return index + 1


class ConvNorm(nn.Module):
    """A convolution without bias followed by batch normalisation."""

    def __init__(self, inputs: int, outputs: int, kernel: int, stride: int):
        super().__init__()
        self.conv = nn.Conv2d(inputs, outputs, kernel, stride=stride, padding=kernel // 2, bias=False)
        self.bn = nn.BatchNorm2d(outputs, eps=1e-5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.bn(self.conv(x))

    @torch.jit.export
    def load_from(self, values: List[torch.Tensor], index: int) -> int:
        with torch.no_grad():
            index = _copy(self.conv.weight, values, index)
            index = _copy(self.bn.weight, values, index)
            index = _copy(self.bn.bias, values, index)
            index = _copy(self.bn.running_mean, values, index)
            index = _copy(self.bn.running_var, values, index)
        return index


class BasicBlock(nn.Module):
    """Two 3x3 convolutions with a shortcut, then ReLU of the sum."""

    # A constant lets TorchScript drop the branch that calls load_from on an identity shortcut.
    __constants__ = ["projection"]

    def __init__(self, inputs: int, outputs: int, stride: int, projection: bool):
        super().__init__()
        self.first = ConvNorm(inputs, outputs, 3, stride)
        self.second = ConvNorm(outputs, outputs, 3, 1)
        self.projection = projection
        self.shortcut = ConvNorm(inputs, outputs, 1, stride) if projection else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        residual = self.second(F.relu(self.first(x)))
        return F.relu(residual + self.shortcut(x))

    @torch.jit.export
    def load_from(self, values: List[torch.Tensor], index: int) -> int:
        index = self.first.load_from(values, index)
        index = self.second.load_from(values, index)
        if self.projection:
            index = self.shortcut.load_from(values, index)
        return index


class CifarResNet(nn.Module):
    """A residual network for 32x32 RGB input with ``blocks_per_stage`` basic blocks per stage."""

    def __init__(self, blocks_per_stage: int, channels: List[int], classes: int):
        super().__init__()
        self.stem = ConvNorm(3, channels[0], 3, 1)
        blocks = []
        inputs = channels[0]
        for stage, width in enumerate(channels):
            for block in range(blocks_per_stage):
                downsample = stage > 0 and block == 0
                blocks.append(BasicBlock(inputs, width, 2 if downsample else 1, downsample))
                inputs = width
        self.blocks = nn.ModuleList(blocks)
        self.fc = nn.Linear(inputs, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.relu(self.stem(x))
        for block in self.blocks:
            x = block(x)
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))

    @torch.jit.export
    def load_weights(self, values: List[torch.Tensor]):
        index = self.stem.load_from(values, 0)
        for block in self.blocks:
            index = block.load_from(values, index)
        assert index + 2 == len(values), "got {} tensors but the network has {}".format(len(values), index + 2)
        self.set_head(values[index], values[index + 1])

    @torch.jit.export
    def set_head(self, weight: torch.Tensor, bias: torch.Tensor):
        features = self.fc.in_features
        assert weight.dim() == 2, "the head weight must have the shape [classes, {}]".format(features)
        assert weight.shape[1] == features, "the head weight must have the shape [classes, {}]".format(features)
        assert bias.shape == [weight.shape[0]], "the head bias must have one value per class"
        self.fc.weight = weight
        self.fc.bias = bias


ARCHITECTURES = {
    "resnet20": (3, [16, 32, 64]),
    "resnet18": (2, [64, 128, 256, 512]),
}


def template(name: str) -> torch.jit.ScriptModule:
    """Returns the scripted network with all weights zero, one output class and eval mode set."""
    blocks, channels = ARCHITECTURES[name]
    network = CifarResNet(blocks, channels, 1)
    with torch.no_grad():
        for tensor in list(network.parameters()) + list(network.buffers()):
            if tensor.is_floating_point():
                tensor.zero_()
    return torch.jit.script(network.eval())


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "resources", "org", "backdrop", "train", "templates")
    os.makedirs(out, exist_ok=True)
    for name in ARCHITECTURES:
        buffer = io.BytesIO()
        torch.jit.save(template(name), buffer)
        path = os.path.join(out, name + ".pt.gz")
        # mtime=0 keeps the file identical between runs of this script.
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed:
            packed.write(buffer.getvalue())
        print(path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
