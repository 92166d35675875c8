"""The plain-Python baseline of `make bench`: what a team would write in an afternoon.

One confluent-kafka consumer and producer; for each telemetry record: json.loads, the
required members and ranges checked (a reject goes to a dead-letter topic), per-vessel EWMA
features, a linear fuel model, a Page-Hinkley watch on its residual, the prediction as JSON
(json.dumps) keyed by vessel. Offsets are stored after a record is handled and committed
every 200 ms in the background. Runs until SIGTERM, then prints `cpu_seconds=<user+sys>`
and `records=<handled>` on stdout.

usage: python_loop.py BROKERS INPUT_TOPIC OUTPUT_TOPIC DEAD_LETTER_TOPIC GROUP
"""
import json
import math
import resource
import signal
import sys

from confluent_kafka import Consumer, Producer

RANGES = {
    "lat": (-90, 90), "lon": (-180, 180), "sog_kn": (0, 40), "stw_kn": (0, 40),
    "heading_deg": (0, 360), "cog_deg": (0, 360), "draft_m": (0.5, 30), "wind_speed_ms": (0, 75),
    "wind_dir_deg": (0, 360), "wave_height_m": (0, 30), "sea_temp_c": (-5, 40),
    "shaft_power_kw": (0, 120000), "fuel_rate_tph": (0, 30), "days_since_hull_cleaning": (0, 3650),
}
TYPES = {"tanker", "container", "bulk", "cruise", "passenger", "dredger", "tug", "fishing", "other"}
ALPHA = 0.1


class Vessel:
    __slots__ = ("speed", "wind", "wave", "draft", "mean", "cumulative", "minimum", "count")

    def __init__(self):
        self.speed = self.wind = self.wave = self.draft = 0.0
        self.mean = self.cumulative = self.minimum = 0.0
        self.count = 0


def main():
    brokers, source, target, dead, group = sys.argv[1:6]
    consumer = Consumer({
        "bootstrap.servers": brokers, "group.id": group, "auto.offset.reset": "earliest",
        "enable.auto.offset.store": False, "auto.commit.interval.ms": 200, "session.timeout.ms": 6000,
    })
    producer = Producer({"bootstrap.servers": brokers, "linger.ms": 5, "queue.buffering.max.messages": 500000})
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    # A parent's worker thread may have started this process with SIGTERM blocked.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
    consumer.subscribe([source])
    vessels = {}
    handled = 0
    while not stop:
        messages = consumer.consume(1000, 0.1)
        for message in messages:
            if message.error():
                continue
            handled += 1
            try:
                report = json.loads(message.value())
                vessel_id = report["vessel_id"]
                if report["vessel_type"] not in TYPES or not isinstance(report["ts"], str):
                    raise ValueError("bad type or time")
                for name, (low, high) in RANGES.items():
                    value = report.get(name)
                    if value is not None and not (low <= value <= high):
                        raise ValueError(name + " out of range")
            except (ValueError, KeyError, TypeError) as error:
                producer.produce(dead, value=message.value(), key=message.key(), headers={"reason": str(error)})
                consumer.store_offsets(message)
                continue
            vessel = vessels.get(vessel_id)
            if vessel is None:
                vessel = vessels[vessel_id] = Vessel()
            speed = report.get("stw_kn") or 0.0
            vessel.speed += ALPHA * (speed - vessel.speed)
            vessel.wind += ALPHA * ((report.get("wind_speed_ms") or 0.0) - vessel.wind)
            vessel.wave += ALPHA * ((report.get("wave_height_m") or 0.0) - vessel.wave)
            vessel.draft += ALPHA * ((report.get("draft_m") or 0.0) - vessel.draft)
            fuel = 0.02 * vessel.draft + 0.0009 * speed ** 3 + 0.05 * vessel.wind + 0.3 * vessel.wave
            residual = (report.get("fuel_rate_tph") or 0.0) - fuel
            vessel.count += 1
            vessel.mean += (residual - vessel.mean) / vessel.count
            vessel.cumulative += residual - vessel.mean - 0.005
            vessel.minimum = min(vessel.minimum, vessel.cumulative)
            drift = vessel.cumulative - vessel.minimum > 50.0
            out = {
                "vessel_id": vessel_id, "ts": report["ts"], "fuel_rate_tph": round(fuel, 4),
                "features": {"stw_ewma": vessel.speed, "wind_ewma": vessel.wind, "wave_ewma": vessel.wave},
                "residual": residual, "drift": drift,
            }
            while True:
                try:
                    producer.produce(target, value=json.dumps(out), key=message.key())
                    break
                except BufferError:
                    producer.poll(0.001)
            consumer.store_offsets(message)
        producer.poll(0)
    producer.flush(30)
    consumer.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"cpu_seconds={usage.ru_utime + usage.ru_stime:.3f}")
    print(f"records={handled}")


if __name__ == "__main__":
    main()
