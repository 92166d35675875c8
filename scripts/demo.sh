#!/usr/bin/env bash
# `make run`: the dev broker, Leeway's topics, trained and approved models for three vessel
# types, a processor, the data-drift monitor, a simulated fleet streaming at a steady rate
# (with satellite gaps, resends and a few bad records) and one pass of real AIS traffic. Prints where to look; Ctrl-C stops the simulator and the processor (gracefully:
# it flushes and commits) and then the broker this script started.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin=.build/release/leeway
rate=${LEEWAY_DEMO_RATE:-500}
vessels=${LEEWAY_DEMO_VESSELS:-200}
run="${LEEWAY_RUN_DIR:-$root/.run}"
mkdir -p "$run"

started_broker=0
scripts/broker.sh status >/dev/null 2>&1 || started_broker=1
brokers=$(scripts/broker.sh up)
pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "==> stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # The processor flushes, commits and leaves its group before exiting: wait for that
  # (up to a minute) before the broker goes away.
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  [ "$started_broker" = 1 ] && scripts/broker.sh down
  echo "==> stopped"
}
trap stop INT TERM EXIT

"$bin" topics apply --brokers "$brokers"
# A fortnight of simulated history: train, register and approve a model per main type (the
# others keep their physics baseline). Audit reports land in $run/models.
"$bin" simulate --no-kafka --out "$run/history.jsonl" --vessels 48 --records 100000 --interval 600 --seed 99 >/dev/null
for type in tanker container bulk; do
  if "$bin" train --brokers "$brokers" --type "$type" --source "$run/history.jsonl" --out "$run/models" --register \
       >"$run/train-$type.log" 2>&1; then
    version=$(sed -n "s/^registered $type v\([0-9]*\) as pending.*/\1/p" "$run/train-$type.log")
    "$bin" models approve "$type" "$version" --brokers "$brokers" --by "make run" --notes "demo" >/dev/null
  else
    echo "demo: $type model not approved (see $run/train-$type.log)"
  fi
done
"$bin" run --role monitor --brokers "$brokers" --session-timeout 6 --metrics-address 127.0.0.1:9465 >"$run/monitor.log" 2>&1 &
pids+=($!)
"$bin" run --role processor --brokers "$brokers" --session-timeout 6 >"$run/processor.log" 2>&1 &
pids+=($!)
"$bin" run --role cache --brokers "$brokers" --http-address 127.0.0.1:8080 >"$run/cache.log" 2>&1 &
pids+=($!)
"$bin" simulate --brokers "$brokers" --vessels "$vessels" --records 0 --rate "$rate" --satellite \
  --bad-fraction 0.005 >"$run/simulator.log" 2>&1 &
pids+=($!)
"$bin" ingest ais --brokers "$brokers" --file Tests/Fixtures/ais/nyharbor-2020-06-30-first-hour.csv >"$run/ais.log" 2>&1 || true

kcat="LD_LIBRARY_PATH=$root/.deps/librdkafka/lib kcat -b $brokers"
cat <<INFO

Leeway is running against the dev broker at $brokers:
  simulator  $vessels vessels, $rate records/s       log: $run/simulator.log
  models     tanker, container, bulk approved      reports: $run/models/*.html; leeway models list
  processor  group leeway-processor                 log: $run/processor.log (progress every 10 s)
  monitor    data drift, out-of-range spikes        log: $run/monitor.log
  cache      pull API and on-call dashboard         http://127.0.0.1:8080/   log: $run/cache.log
  AIS        New York harbour, first hour, once     log: $run/ais.log

Look at:
  dashboard     http://127.0.0.1:8080/   (fleet table, live alerts, lag and throughput)
  pull API      curl -s 127.0.0.1:8080/v1/vessels?limit=3; curl -si 127.0.0.1:8080/v1/vessels/IMO9100001/prediction
  what-if       curl -s '127.0.0.1:8080/v1/vessels/IMO9100001/fuel-curve?from=8&to=16&step=1'
  predictions   $kcat -t fleet.predictions.v1 -C -o end -f '%k %s\n'
  features      $kcat -t fleet.features.v1 -C -o end -f '%k %s\n'
  dead letters  $kcat -t fleet.telemetry.dlq.v1 -C -f '%h\n'
  processor     tail -f $run/processor.log
  alerts        $kcat -t fleet.drift-alerts.v1 -C -f '%k %s\n'
  metrics       curl -s 127.0.0.1:9464/metrics | grep ^leeway   (monitor: 127.0.0.1:9465)

Ctrl-C stops everything.
INFO
wait "${pids[@]}"
