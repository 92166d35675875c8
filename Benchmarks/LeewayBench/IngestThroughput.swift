import Foundation
import LeewayCore
import LeewaySimulator

/// Simulator records generated per second (encoded to JSON, no broker), over 500k records
/// of a 1,000-vessel fleet.
func simulatorBenchmark() -> Double {
    var configuration = FleetSimulator.Configuration()
    configuration.vessels = 1_000
    var fleet = FleetSimulator(configuration)
    var bytes = 0
    let count = 500_000
    let start = ContinuousClock.now
    for _ in 0..<count { bytes += fleet.next().value.count }
    precondition(bytes > 0)
    return Double(count) / (ContinuousClock.now - start).seconds
}

/// AIS sentences decoded per second: the USCG fixture (20,000 lines) through AISFeed, best of 5.
func aisBenchmark(fixture: String) -> (sentencesPerSecond: Double, sentences: Int)? {
    guard let text = try? String(contentsOfFile: fixture, encoding: .utf8) else { return nil }
    let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    var best = Double.infinity
    var sentences = 0
    for _ in 0..<5 {
        var feed = AISFeed()
        let start = ContinuousClock.now
        var produced = 0
        for line in lines { produced += feed.add(line: line, receivedAt: EventTime(seconds: 0)).count }
        feed.finish()
        best = min(best, (ContinuousClock.now - start).seconds)
        sentences = feed.report.lines - feed.report.skippedLines
        precondition(produced > 0)
    }
    return (Double(sentences) / best, sentences)
}
