"""Reading the rows `leeway features export` writes: split, vessel_id, ts, the inputs, then
the measured targets. Shared by train_onnx.py and serve_mlserver.py."""
import csv
import math

import numpy as np

TARGETS = ["fuel_rate_tph", "shaft_power_kw"]

# Inputs a power law takes the logarithm of (speeds and draught).
LOGGED = {"stw_kn", "sog_kn", "draft_m", "ewma_stw_kn", "ewma_sog_kn", "decayed_stw_kn", "window_1h_stw_mean", "window_24h_stw_mean"}


def read(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    inputs = header[3:-2]
    assert header[:3] == ["split", "vessel_id", "ts"] and header[-2:] == TARGETS, "not a `leeway features export` file"
    as_float = lambda text: float(text) if text != "" else math.nan
    x = np.array([[as_float(v) for v in row[3:-2]] for row in body], dtype=np.float32)
    y = np.array([[float(v) for v in row[-2:]] for row in body], dtype=np.float64)
    fit = np.array([row[0] == "fit" for row in body])
    return inputs, x, y, fit
