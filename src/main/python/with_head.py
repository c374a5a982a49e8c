"""Wraps a feature extractor so that ``backdrop train --model torchscript=FILE`` can fine-tune it.

Backdrop replaces a TorchScript network's head by calling its exported ``set_head(weight, bias)``
method, and it trains only the parameters named ``fc.weight`` and ``fc.bias`` while the backbone is
frozen. ``WithHead`` adds both to any module whose forward returns features of the shape
[batch, features]. Example with a torchvision ResNet for 32x32 inputs:

    import torch, torchvision
    from with_head import WithHead
    net = torchvision.models.resnet18(num_classes=10)
    # ... load or train the weights ...
    features = net.fc.in_features
    net.fc = torch.nn.Identity()
    torch.jit.script(WithHead(net, features, 10).eval()).save("resnet18_backbone.pt")

Write a model spec beside the file (resnet18_backbone.spec.json, see docs/model-specs.md) to have
Backdrop normalise inputs as the network was trained; without one it measures the mean and std on
the training data.
"""

import torch
import torch.nn as nn


class WithHead(nn.Module):
    """A backbone followed by a linear head named ``fc`` that ``set_head`` replaces."""

    def __init__(self, backbone: nn.Module, features: int, classes: int):
        super().__init__()
        self.backbone = backbone
        self.fc = nn.Linear(features, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(torch.flatten(self.backbone(x), 1))

    @torch.jit.export
    def set_head(self, weight: torch.Tensor, bias: torch.Tensor):
        assert weight.dim() == 2, "the head weight must have the shape [classes, features]"
        assert weight.shape[1] == self.fc.in_features, "the head weight must have one column per feature"
        assert bias.shape == [weight.shape[0]], "the head bias must have one value per class"
        self.fc.weight = weight
        self.fc.bias = bias
