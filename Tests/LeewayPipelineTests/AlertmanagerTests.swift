import Foundation
import LeewayCore
import LeewayServer
import Testing

/// A cache relaying the alerts topic to a real Alertmanager 0.25: whatever happens to an
/// alert, Alertmanager ends up holding exactly what the cache says fires.
@Suite("Alert relay to a real Alertmanager", .timeLimit(.minutes(3)))
struct AlertmanagerTests {
    /// The cache's firing alerts as "id severity", sorted.
    static func firing(_ stores: CacheFeed.Stores) -> [String] {
        stores.alerts.alerts(status: "firing").map { "\($0.id) \($0.severity)" }.sorted()
    }

    /// Waits (up to 20 s) until Alertmanager and the cache both hold `expected`; then, a
    /// second later (two re-sends on), what each holds: a stale copy that came back or an
    /// alert that ended early shows there.
    static func settle(_ alertmanager: AlertmanagerProcess, _ stores: CacheFeed.Stores,
                       _ expected: [String]) async throws -> (alertmanager: [String], cache: [String]) {
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        while ContinuousClock.now < deadline {
            if try await alertmanager.active() == expected, firing(stores) == expected { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .seconds(1))
        return (try await alertmanager.active(), firing(stores))
    }

    /// Runs a relay of `stores` to `alertmanager` (re-sending every 500 ms) around `body`.
    static func relaying(_ stores: CacheFeed.Stores, to alertmanager: AlertmanagerProcess,
                         _ body: () async throws -> Void) async throws {
        let relay = AlertRelay(board: stores.alerts, progress: stores.progress, url: alertmanager.alertsURL,
                               resendInterval: .milliseconds(500))
        let running = Task { try await relay.run() }
        defer { running.cancel() }
        try await body()
    }

    @Test("firing, escalation, de-escalation, resolution, withdrawal and a cache restart leave Alertmanager's active alerts equal to the cache's")
    func alertmanagerHoldsWhatTheCacheHolds() async throws {
        let pipeline = try await PipelineFixture.make("alertmanager", partitions: 1)
        let alertmanager = try AlertmanagerProcess(directory: try pipeline.scratchDirectory("alertmanager"))
        do {
            try await alertmanager.waitUntilReady()
            let one = CacheRun.alert("IMO1", severity: .warning).id, two = CacheRun.alert("IMO2").id, three = CacheRun.alert("IMO3").id
            #expect(one == CacheRun.alert("IMO1", severity: .critical).id, "severity is not part of an alert's identity")
            try await CacheRun.withCache(pipeline) { stores in
                try await Self.relaying(stores, to: alertmanager) {
                    try await CacheRun.publish([CacheRun.alert("IMO1", severity: .warning)], to: pipeline)
                    var held = try await Self.settle(alertmanager, stores, ["\(one) warning"])
                    #expect(held.alertmanager == ["\(one) warning"] && held.cache == held.alertmanager, "firing")

                    try await CacheRun.publish([CacheRun.alert("IMO1", severity: .critical)], to: pipeline)
                    held = try await Self.settle(alertmanager, stores, ["\(one) critical"])
                    #expect(held.alertmanager == ["\(one) critical"] && held.cache == held.alertmanager, "escalated: no warning copy left")

                    try await CacheRun.publish([CacheRun.alert("IMO1", severity: .warning)], to: pipeline)
                    held = try await Self.settle(alertmanager, stores, ["\(one) warning"])
                    #expect(held.alertmanager == ["\(one) warning"] && held.cache == held.alertmanager, "de-escalated: no critical copy left")

                    try await CacheRun.publish([CacheRun.alert("IMO2"), CacheRun.alert("IMO1", resolved: true, severity: .warning)], to: pipeline)
                    held = try await Self.settle(alertmanager, stores, ["\(two) critical"])
                    #expect(held.alertmanager == ["\(two) critical"] && held.cache == held.alertmanager, "IMO1 resolved, IMO2 fires")

                    try await CacheRun.withdraw([two], from: pipeline)
                    held = try await Self.settle(alertmanager, stores, [])
                    #expect(held.alertmanager.isEmpty && held.cache.isEmpty, "IMO2 withdrawn (its vessel forgotten)")

                    try await CacheRun.publish([CacheRun.alert("IMO3", severity: .warning)], to: pipeline)
                    held = try await Self.settle(alertmanager, stores, ["\(three) warning"])
                    #expect(held.alertmanager == ["\(three) warning"] && held.cache == held.alertmanager)
                }
            }
            // IMO3 escalates while no cache runs; a new instance knows only the latest record.
            try await CacheRun.publish([CacheRun.alert("IMO3", severity: .critical)], to: pipeline)
            try await CacheRun.withCache(pipeline) { stores in
                try await Self.relaying(stores, to: alertmanager) {
                    let held = try await Self.settle(alertmanager, stores, ["\(three) critical"])
                    #expect(held.alertmanager == ["\(three) critical"] && held.cache == held.alertmanager, "after a cache restart")
                }
            }
        } catch {
            await alertmanager.stop()
            throw error
        }
        await alertmanager.stop()
    }
}
