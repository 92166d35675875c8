#!/usr/bin/env python3
"""Fit a fuel and shaft-power model in scikit-learn on the rows `leeway features export`
writes, and export it to ONNX under Leeway's model contract (docs/byom.md):

  - one float32 input named `features` of shape [N, F], its columns the CSV's input columns
    in order (pass the same list to `leeway models import --inputs`);
  - either one output per target, named `fuel_rate_tph` and `shaft_power_kw`, each [N, 1]
    (--outputs per-target, the default), or one output `targets` of shape [N, 2] in that
    order (--outputs matrix).

Missing inputs arrive as NaN (the processor's contract), so every pipeline starts with an
imputer. Estimators:
  - `loglinear`: a power law, as naval architects write one: log(target) is linear in
    log(stw_kn), log(draft_m) and the other inputs as they are, fitted by scikit-learn's
    LinearRegression and written out as an ONNX graph by hand (impute, log, MatMul, Exp);
  - `poly`: a cubic polynomial with ridge regression (skl2onnx);
  - `gbr`: gradient-boosted trees (skl2onnx): accurate on the data, stepwise between.

  python train_onnx.py tanker.csv --estimator loglinear --out tanker.onnx [--predict rows.csv]

--predict writes the ONNX Runtime (Python) predictions for every CSV row, for comparison.
"""
import argparse
import csv

import numpy as np
import onnx
from onnx import helper, TensorProto
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import FloatTensorType
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.multioutput import MultiOutputRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

from leeway_rows import LOGGED, TARGETS, read


def estimator(name):
    if name == "poly":
        return make_pipeline(SimpleImputer(strategy="median", keep_empty_features=True), PolynomialFeatures(3),
                             StandardScaler(), Ridge(alpha=1e-3))
    if name == "gbr":
        return make_pipeline(SimpleImputer(strategy="median", keep_empty_features=True),
                             MultiOutputRegressor(GradientBoostingRegressor(n_estimators=150, max_depth=3, random_state=0)))
    raise SystemExit(f"unknown estimator {name}")


def loglinear(inputs, x, y):
    """Fits log(y) on the inputs (logged where LOGGED) and returns the ONNX graph."""
    from sklearn.linear_model import LinearRegression
    medians = np.nanmedian(x, axis=0)
    medians = np.where(np.isfinite(medians), medians, 1.0).astype(np.float32)
    logged = np.array([name in LOGGED for name in inputs])
    filled = np.where(np.isnan(x), medians, x)
    z = np.where(logged, np.log(np.maximum(filled, 1e-3)), filled)
    fit = LinearRegression().fit(z, np.log(np.maximum(y, 1e-6)))
    weights = fit.coef_.T.astype(np.float32)
    nodes = [
        helper.make_node("IsNaN", ["features"], ["missing"]),
        helper.make_node("Where", ["missing", "medians", "features"], ["filled"]),
        helper.make_node("Max", ["filled", "floor"], ["positive"]),
        helper.make_node("Log", ["positive"], ["logs"]),
        helper.make_node("Where", ["logged", "logs", "filled"], ["z"]),
        helper.make_node("MatMul", ["z", "weights"], ["linear"]),
        helper.make_node("Add", ["linear", "intercepts"], ["log_targets"]),
        helper.make_node("Exp", ["log_targets"], ["targets"]),
    ]
    tensor = lambda name, kind, values, dims: helper.make_tensor(name, kind, dims, np.asarray(values).flatten().tolist())
    initializers = [
        tensor("medians", TensorProto.FLOAT, medians, [len(inputs)]),
        tensor("floor", TensorProto.FLOAT, [1e-3], [1]),
        tensor("logged", TensorProto.BOOL, logged, [len(inputs)]),
        tensor("weights", TensorProto.FLOAT, weights, list(weights.shape)),
        tensor("intercepts", TensorProto.FLOAT, fit.intercept_.astype(np.float32), [len(TARGETS)]),
    ]
    graph = helper.make_graph(nodes, "leeway-loglinear",
                              [helper.make_tensor_value_info("features", TensorProto.FLOAT, [None, len(inputs)])],
                              [helper.make_tensor_value_info("targets", TensorProto.FLOAT, [None, len(TARGETS)])], initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def split_outputs(model):
    """Replaces the [N, 2] output `targets` with one [N, 1] output per target."""
    graph = model.graph
    old = graph.output[0]
    sizes = helper.make_tensor("leeway_split_sizes", TensorProto.INT64, [len(TARGETS)], [1] * len(TARGETS))
    graph.initializer.append(sizes)
    graph.node.append(helper.make_node("Split", [old.name, "leeway_split_sizes"], TARGETS, axis=1))
    del graph.output[:]
    for name in TARGETS:
        graph.output.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, [None, 1]))
    onnx.checker.check_model(model)
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv")
    parser.add_argument("--estimator", default="loglinear", choices=["loglinear", "poly", "gbr"])
    parser.add_argument("--outputs", default="per-target", choices=["per-target", "matrix"])
    parser.add_argument("--out", required=True)
    parser.add_argument("--predict", help="write ONNX Runtime's predictions for every row to this CSV")
    args = parser.parse_args()

    inputs, x, y, fit = read(args.csv)
    if args.estimator == "loglinear":
        graph = loglinear(inputs, x[fit], y[fit])
    else:
        model = estimator(args.estimator).fit(x[fit], y[fit])
        graph = convert_sklearn(model, initial_types=[("features", FloatTensorType([None, len(inputs)]))],
                                final_types=[("targets", FloatTensorType([None, len(TARGETS)]))],
                                target_opset={"": 17, "ai.onnx.ml": 3})
    if args.outputs == "per-target":
        graph = split_outputs(graph)
    with open(args.out, "wb") as handle:
        handle.write(graph.SerializeToString())
    print(f"wrote {args.out}: {args.estimator}, inputs {','.join(inputs)}, {int(fit.sum())} fit rows")
    if args.predict:
        import onnxruntime
        session = onnxruntime.InferenceSession(args.out, providers=["CPUExecutionProvider"])
        answers = session.run(None, {"features": x})
        matrix = np.hstack([a.reshape(len(x), -1) for a in answers])
        with open(args.predict, "w", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(TARGETS)
            for row in matrix:
                writer.writerow([repr(float(v)) for v in row])


if __name__ == "__main__":
    main()
