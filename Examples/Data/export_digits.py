"""Export scikit-learn's copy of the UCI handwritten-digits data to digits.csv.

Run once (the CSV is committed; the venv is not):

    python3 -m venv /tmp/venv-digits
    /tmp/venv-digits/bin/pip install scikit-learn
    /tmp/venv-digits/bin/python Examples/Data/export_digits.py

Each of the 1,797 rows of digits.csv is one 8x8 image: `label` (0-9), then the 64
pixels `p0 … p63` row by row, integers 0-16 (counts of set pixels in 4x4 blocks of the
original 32x32 bitmaps), in the order load_digits returns them.
"""
import csv
import pathlib

import sklearn
from sklearn.datasets import load_digits


def main():
    digits = load_digits()
    out = pathlib.Path(__file__).with_name("digits.csv")
    with out.open("w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["label"] + [f"p{j}" for j in range(64)])
        for label, pixels in zip(digits.target, digits.data):
            writer.writerow([int(label)] + [int(v) for v in pixels])
    print(f"wrote {len(digits.target)} images to {out} (scikit-learn {sklearn.__version__})")


if __name__ == "__main__":
    main()
