/**
 * Trains image classifiers with DJL's PyTorch engine: CIFAR-style ResNets, a seeded mix of Backdrop
 * datasets with CIFAR augmentation, SGD with momentum, per-epoch metrics and checkpoints that resume
 * exactly on the CPU.
 */
package org.backdrop.train;
