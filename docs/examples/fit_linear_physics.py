#!/usr/bin/env python3
"""Fit a Leeway `linear-physics` model outside Leeway and write a model artifact v1.

An example of a model trained elsewhere joining the registry: plain Python (no NumPy),
ordinary least squares on the same physics terms `leeway train` uses, a time-based
holdout, and the artifact fields the registry needs. Register the output with

    leeway models register tanker-python.json

Leeway fills in the content hash, re-runs the physics checks, and records the version as
pending (or rejected when a check fails). Usage:

    fit_linear_physics.py --type tanker --input telemetry.jsonl --output tanker-python.json
"""
import argparse
import json
import math
from datetime import datetime, timezone

FEATURES = [
    "draft_m^(2/3)*stw_kn^3",
    "days_since_hull_cleaning*draft_m^(2/3)*stw_kn^3",
    "wave_height_m^2*draft_m^(2/3)*stw_kn^3",
    "wave_height_m^2*cos(relative_wind)*draft_m^(2/3)*stw_kn^3",
    "head_wind_ms^2*stw_kn",
    "(draft_m^(2/3)*stw_kn^3)^2",
]
TARGETS = [("fuel_rate_tph", "t/h"), ("shaft_power_kw", "kW")]
BANDS = [(1, "stopped"), (5, "manoeuvring"), (10, "slow"), (14, "economical"), (18, "service"), (math.inf, "fast")]


def terms(r):
    speed, draft = r["stw_kn"], r["draft_m"]
    admiralty = draft ** (2 / 3) * speed ** 3
    course = r.get("cog_deg", r.get("heading_deg"))
    relative = r["wind_dir_deg"] - course if course is not None and "wind_dir_deg" in r else 90
    angle = math.cos(math.radians(relative))
    head = max(0.0, speed * 0.5144 + r.get("wind_speed_ms", 0) * angle)
    waves = r.get("wave_height_m", 0) ** 2 * admiralty
    return [admiralty, r.get("days_since_hull_cleaning", 0) * admiralty, waves, waves * angle, head * head * speed,
            admiralty ** 2]


def solve(a, b):
    """Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col])]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(rows, target):
    xs = [[1.0] + terms(r) for r in rows]
    scale = [max(abs(x[j]) for x in xs) or 1 for j in range(len(xs[0]))]
    xs = [[v / s for v, s in zip(x, scale)] for x in xs]
    p = len(scale)
    ata = [[sum(x[i] * x[j] for x in xs) for j in range(p)] for i in range(p)]
    aty = [sum(x[i] * r[target] for x, r in zip(xs, rows)) for i in range(p)]
    beta = [b / s for b, s in zip(solve(ata, aty), scale)]
    return beta[0], beta[1:]


def predict(intercept, coefficients, r):
    return intercept + sum(c * t for c, t in zip(coefficients, terms(r)))


def band(speed):
    return next(name for limit, name in BANDS if speed < limit)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--type", required=True)
    parser.add_argument("--input", required=True, help="telemetry v1 as JSON lines")
    parser.add_argument("--output", required=True)
    parser.add_argument("--holdout", type=float, default=0.2)
    args = parser.parse_args()

    rows = []
    for line in open(args.input):
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if (r.get("vessel_type") == args.type and r.get("stw_kn", 0) >= 3 and "draft_m" in r and "event" not in r
                and all(t in r for t, _ in TARGETS)):
            rows.append(r)
    rows.sort(key=lambda r: (r["ts"], r["vessel_id"]))
    cut = len(rows) - round(len(rows) * args.holdout)
    fitting, holdout = rows[:cut], rows[cut:]

    targets, metrics = [], []
    for name, unit in TARGETS:
        intercept, coefficients = fit(fitting, name)
        residuals = [r[name] - predict(intercept, coefficients, r) for r in holdout]
        relative = [res / predict(intercept, coefficients, r) for res, r in zip(residuals, holdout)]
        mean = sum(r[name] for r in holdout) / len(holdout)

        def std(values):
            m = sum(values) / len(values)
            return math.sqrt(sum((v - m) ** 2 for v in values) / (len(values) - 1))

        bands = {}
        for r, res in zip(holdout, residuals):
            bands.setdefault(band(r["stw_kn"]), []).append((r[name], res))
        targets.append({"name": name, "unit": unit, "intercept": intercept, "coefficients": coefficients,
                        "residual_std": std(residuals), "relative_residual_std": std(relative)})
        metrics.append({
            "target": name,
            "mae": sum(abs(v) for v in residuals) / len(residuals),
            "rmse": math.sqrt(sum(v * v for v in residuals) / len(residuals)),
            "r_squared": 1 - sum(v * v for v in residuals) / sum((r[name] - mean) ** 2 for r in holdout),
            "bias_by_speed_band": [
                {"band": b, "records": len(v), "bias": sum(x[1] for x in v) / len(v),
                 "relative_bias": (sum(x[1] for x in v) / len(v)) / (sum(x[0] for x in v) / len(v))}
                for b, v in bands.items()],
        })

    laden = max(r["draft_m"] for r in rows)
    artifact = {
        "name": f"{args.type}-python-ols", "vessel_type": args.type, "version": 0, "kind": "linear-physics",
        "features": FEATURES, "targets": targets, "assumed_draft_m": laden,
        "training": {"source": args.input, "from": rows[0]["ts"], "to": rows[-1]["ts"], "holdout_from": holdout[0]["ts"],
                     "records": len(fitting), "holdout_records": len(holdout),
                     "vessels": len({r["vessel_id"] for r in rows})},
        "metrics": metrics, "references": {}, "checks": [], "status": "pending",
        "notes": "fitted with docs/examples/fit_linear_physics.py",
        "created_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "content_hash": "",
    }
    with open(args.output, "w") as out:
        json.dump(artifact, out, indent=2)
    print(f"fitted {len(fitting)} reports, held out {len(holdout)}; wrote {args.output}")


if __name__ == "__main__":
    main()
