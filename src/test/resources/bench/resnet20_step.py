"""Time one SGD step of ResNet-20 (CIFAR, 1x1 projection shortcuts) at batch 128 on the CPU.

Usage: python3 resnet20_step.py [threads]
Matches Backdrop's DJL benchmark: random 3x32x32 input, 10 classes, SGD with momentum 0.9 and
weight decay 0.0001, 3 warm-up steps, then the mean of 10 timed steps.
"""
import sys
import time

import torch
from torch import nn


def conv(channels_in, channels_out, kernel, stride):
    return nn.Conv2d(channels_in, channels_out, kernel, stride, kernel // 2, bias=False)


class BasicBlock(nn.Module):
    def __init__(self, channels_in, channels_out, stride):
        super().__init__()
        self.residual = nn.Sequential(
            conv(channels_in, channels_out, 3, stride), nn.BatchNorm2d(channels_out), nn.ReLU(),
            conv(channels_out, channels_out, 3, 1), nn.BatchNorm2d(channels_out))
        if stride != 1 or channels_in != channels_out:
            self.shortcut = nn.Sequential(conv(channels_in, channels_out, 1, stride), nn.BatchNorm2d(channels_out))
        else:
            self.shortcut = nn.Identity()

    def forward(self, x):
        return torch.relu(self.residual(x) + self.shortcut(x))


def resnet20(classes=10):
    layers = [conv(3, 16, 3, 1), nn.BatchNorm2d(16), nn.ReLU()]
    channels_in = 16
    for stage, channels in enumerate([16, 32, 64]):
        for block in range(3):
            stride = 2 if stage > 0 and block == 0 else 1
            layers.append(BasicBlock(channels_in, channels, stride))
            channels_in = channels
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, classes)]
    return nn.Sequential(*layers)


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else torch.get_num_threads()
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = resnet20()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    loss_function = nn.CrossEntropyLoss()
    images = torch.randn(128, 3, 32, 32)
    labels = torch.randint(0, 10, (128,))

    def step():
        optimizer.zero_grad()
        loss = loss_function(model(images), labels)
        loss.backward()
        optimizer.step()

    for _ in range(3):
        step()
    started = time.perf_counter()
    for _ in range(10):
        step()
    seconds = (time.perf_counter() - started) / 10
    print(f"torch {torch.__version__}, {threads} threads: {seconds:.3f} s per step, {128 / seconds:.0f} images/s")


if __name__ == "__main__":
    main()
