import LeewayCore
import Testing

@Suite("Alerts of a forgotten vessel")
struct AlertWithdrawalTests {
    /// A bulk carrier under way whose fuel meter repeats `fuel` from minute 0 on.
    static func report(minute: Int, fuel: Double) -> Telemetry {
        var t = Telemetry(vesselID: "IMO9000011", vesselType: .bulk, eventTime: EventTime(seconds: 1_796_025_600 + Int64(minute) * 60))
        t[.fuelRate] = fuel
        t[.speedOverGround] = 12
        t[.speedThroughWater] = 12 + Double(minute % 7) / 100
        t[.draft] = 11
        return t
    }

    @Test("the ids to withdraw are those of the alerts the pass fired, stale included; none for a quiet vessel")
    func idsMatchFiredAlerts() throws {
        let pass = VesselPass()
        var state = VesselState(vesselID: "IMO9000011", vesselType: .bulk)
        var fired: [DriftAlert] = []
        for minute in 0..<10 {
            fired += pass.run(Self.report(minute: minute, fuel: 1.5 + Double(minute) / 100), offset: Int64(minute),
                              ingestedAt: EventTime(seconds: 0), state: &state).alerts
        }
        #expect(fired.isEmpty)
        #expect(!state.hasFiringAlert)
        #expect(pass.firingAlertIDs(of: state, stale: false).isEmpty)

        for minute in 10..<45 {
            fired += pass.run(Self.report(minute: minute, fuel: 1.5), offset: Int64(minute),
                              ingestedAt: EventTime(seconds: 0), state: &state).alerts
        }
        let stuck = try #require(fired.first { $0.labels.alertname == "StuckSensor" && $0.status == .firing })
        #expect(state.hasFiringAlert)
        #expect(pass.firingAlertIDs(of: state, stale: false) == [stuck.id])
        let stale = DriftAlert.staleTelemetry(state, after: .seconds(6 * 3600), resumedAt: nil)
        #expect(pass.firingAlertIDs(of: state, stale: true) == [stale.id, stuck.id])
    }

    @Test("a firing speed-log check counts as a firing alert of the vessel and is withdrawn with it")
    func speedLogCounts() throws {
        var check = SpeedLogCheck()
        let transitions = SpeedLogCheckTests.run(&check, hours: 0..<26) { _ in -12 }
        #expect(transitions.count == 1, "a dead log fires after a day")
        var state = VesselState(vesselID: "IMO1", vesselType: .bulk)
        state.speedLog = check
        #expect(state.firingAlertCount == 1 && state.hasFiringAlert)
        var watches: [VesselWatch] = []
        state.forEachFiringWatch { watches.append($0) }
        #expect(watches == [.speedLog])
        let pass = VesselPass()
        let model = pass.models.model(for: .bulk).identity
        let fired = DriftAlert.speedLog(try #require(transitions.first).1, vessel: state, model: model)
        #expect(pass.firingAlertIDs(of: state, stale: false) == [fired.id])
    }
}
