"""A stand-in for an external detector trainer, for Backdrop's hand-off tests.

It checks that the datasets Backdrop wrote are where the placeholders point, prints one metric line per
epoch (loss = 1 / 2**epoch, on standard output, and a learning rate on standard error), and copies a
prepared detections file or folder to the results path, as a real trainer writes its detections on the
validation set.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train-annotations", required=True)
    parser.add_argument("--val-annotations", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--detections", required=True, help="the file or folder to copy to --results")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--exit-status", type=int, default=0)
    parser.add_argument("--hang", action="store_true", help="start a child process and wait for it, to test cancelling")
    args = parser.parse_args()

    for path in (args.train_annotations, args.val_annotations):
        if not os.path.exists(path):
            print("missing dataset: " + path, file=sys.stderr)
            return 4
    print("working folder: " + os.getcwd(), flush=True)
    if "FAKE_TRAINER_NOTE" in os.environ:
        print("note: " + os.environ["FAKE_TRAINER_NOTE"], flush=True)

    if args.hang:
        child = subprocess.Popen(["sleep", "300"])
        print("child pid %d" % child.pid, flush=True)
        child.wait()
        return 0

    for epoch in range(1, args.epochs + 1):
        print("Epoch %d/%d: loss=%.6f" % (epoch, args.epochs, 1.0 / 2 ** epoch), flush=True)
        print("Epoch %d/%d: lr=%.4f" % (epoch, args.epochs, 0.01 * epoch), file=sys.stderr, flush=True)
        time.sleep(0.01)
    if args.exit_status != 0:
        print("training failed on purpose", file=sys.stderr)
        return args.exit_status

    os.makedirs(os.path.dirname(os.path.abspath(args.results)), exist_ok=True)
    if os.path.isdir(args.detections):
        shutil.copytree(args.detections, args.results)
    else:
        shutil.copyfile(args.detections, args.results)
    print("wrote " + args.results, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
