/// A difference with its sign.
private func signed(_ value: Double) -> String { (value < 0 ? "−" : "+") + format(abs(value), 1) }

/// `--only latency`: runs ``LatencyUnderLoad`` and prints, per rate, each path's percentiles
/// next to the broker's own and the two-hop relay's (the goals: p99 ≤ broker p99 + 50 ms,
/// p50 ≤ broker p50 + 10 ms, at every rate up to half the processor's maximum).
func latencyFigures(_ options: Options) async throws {
    print("")
    print("Latency: telemetry evenly paced at \(LatencyUnderLoad.phases.map { "\($0.rate)/s for \($0.seconds) s" }.joined(separator: ", ")),")
    print("100 vessels reporting (50 with stuck sensors: alerts firing and resolving) and 200 silent (StaleTelemetry firing);")
    print("a processor (1 s commits) and a cache instance in this process; from each report's Kafka timestamp (ms, set when sent)")
    let samples = try await LatencyUnderLoad(options: options).run()
    print("")
    print("| rate | path | p50 | p99 | max | samples |")
    print("|---:|---|---:|---:|---:|---:|")
    for phase in LatencyUnderLoad.phases {
        for path in LatencySamples.Path.allCases {
            guard let summary = LatencySummary(sortedMicroseconds: samples.sorted(path, rate: phase.rate)) else {
                print("| \(phase.rate)/s | \(path.rawValue) | — | — | — | 0 |")
                continue
            }
            print("| \(phase.rate)/s | \(path.rawValue) | \(format(summary.p50, 1)) ms | \(format(summary.p99, 1)) ms | \(format(summary.max, 1)) ms | \(summary.count) |")
        }
    }
    print("(the goals apply to rates up to half the processor's steady maximum: `--only pipeline`)")
    for phase in LatencyUnderLoad.phases {
        let broker = LatencySummary(sortedMicroseconds: samples.sorted(.broker, rate: phase.rate))
        let relay = LatencySummary(sortedMicroseconds: samples.sorted(.relay, rate: phase.rate))
        for path in [LatencySamples.Path.prediction, .alert, .pull] {
            guard let summary = LatencySummary(sortedMicroseconds: samples.sorted(path, rate: phase.rate)) else { continue }
            var value = summary.text
            for (name, baseline) in [("broker alone", broker), ("two-hop relay", relay)] {
                guard let baseline else { continue }
                value += "; \(name) p50 \(format(baseline.p50, 1)) ms, p99 \(format(baseline.p99, 1)) ms"
                    + " (\(signed(summary.p50 - baseline.p50)) / \(signed(summary.p99 - baseline.p99)) ms)"
            }
            Summary.shared.add("latency at \(phase.rate) reports/s: \(path.rawValue)", value, only: "latency")
        }
    }
}
