"""Writes tiny_deeplab.onnx: a model with DeepLabv3's input and output shapes as torchvision exports
it (input [N, 3, 224, 224], output "out" [N, 21, 224, 224] class logits), small enough to commit.

One 1x1 convolution with fixed weights: on inputs normalised with mean 0.5 and std 0.5 (so each channel
lies in [-1, 1]), class 15 ("person" in VOC's order) scores 10*(R - G - B) - 5 and every other class 0,
so a pixel is class 15 exactly when 10*(R - G - B) > 5, as for a pure red pixel (score 25), and class 0
otherwise. Run with Debian's python3-torch:

    /usr/bin/python3 src/test/python/tiny_deeplab.py src/test/resources/models/tiny_deeplab/tiny_deeplab.onnx
"""
import sys

import torch


class TinyDeepLab(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.classifier = torch.nn.Conv2d(3, 21, kernel_size=1)
        with torch.no_grad():
            self.classifier.weight.zero_()
            self.classifier.bias.zero_()
            self.classifier.weight[15, :, 0, 0] = torch.tensor([10.0, -10.0, -10.0])
            self.classifier.bias[15] = -5.0

    def forward(self, x):
        return self.classifier(x)


def main():
    model = TinyDeepLab().eval()
    example = torch.zeros(1, 3, 224, 224)
    torch.onnx.export(model, example, sys.argv[1], input_names=["input"], output_names=["out"],
                      dynamic_axes={"input": {0: "batch"}, "out": {0: "batch"}}, opset_version=11)


if __name__ == "__main__":
    main()
