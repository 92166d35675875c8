#!/usr/bin/env python3
"""Fit the `loglinear` power law of train_onnx.py as a plain scikit-learn pipeline on the
rows `leeway features export` writes, and lay out a model folder MLServer serves over the
Open Inference Protocol V2 (docs/byom.md):

  python serve_mlserver.py tanker.csv --name tanker-fuel --version v1 --port 8080 --out served/
  mlserver start served/
  leeway models import --kind oip --url http://127.0.0.1:8080 --model tanker-fuel --model-version v1 ...

MLServer's scikit-learn runtime answers one output, `predict`, of shape [N, 2] in the CSV's
target order (fuel_rate_tph, shaft_power_kw): the contract's single [N, T] output.
"""
import argparse
import json
import os

import joblib
import numpy as np
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer

from leeway_rows import LOGGED, read


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv")
    parser.add_argument("--name", required=True, help="the model's name on the server")
    parser.add_argument("--version", default="v1")
    parser.add_argument("--port", type=int, default=8080, help="HTTP port")
    parser.add_argument("--grpc-port", type=int, help="gRPC port (default: --port + 1)")
    parser.add_argument("--metrics-port", type=int, help="metrics port (default: --port + 2)")
    parser.add_argument("--out", required=True, help="the folder to write (settings.json, model-settings.json, model.joblib)")
    args = parser.parse_args()

    inputs, x, y, fit = read(args.csv)
    logged = [index for index, name in enumerate(inputs) if name in LOGGED]
    # numpy's own functions, so that MLServer unpickles the model without this script.
    log = FunctionTransformer(np.log)
    features = ColumnTransformer([("log", log, logged)], remainder="passthrough")
    model = TransformedTargetRegressor(
        regressor=make_pipeline(SimpleImputer(strategy="median", keep_empty_features=True), features, LinearRegression()),
        func=np.log, inverse_func=np.exp, check_inverse=False)
    model.fit(x[fit], y[fit])

    os.makedirs(args.out, exist_ok=True)
    joblib.dump(model, os.path.join(args.out, "model.joblib"))
    with open(os.path.join(args.out, "model-settings.json"), "w") as handle:
        json.dump({"name": args.name, "implementation": "mlserver_sklearn.SKLearnModel",
                   "parameters": {"uri": "./model.joblib", "version": args.version}}, handle, indent=2)
    with open(os.path.join(args.out, "settings.json"), "w") as handle:
        json.dump({"host": "127.0.0.1", "http_port": args.port, "grpc_port": args.grpc_port or args.port + 1,
                   "metrics_port": args.metrics_port or args.port + 2,
                   "parallel_workers": 0, "debug": False}, handle, indent=2)
    print(f"wrote {args.out}: {args.name} {args.version}, inputs {','.join(inputs)}, {int(fit.sum())} fit rows")


if __name__ == "__main__":
    main()
