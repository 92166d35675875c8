import LeewayCore
import Testing

@Suite("Stuck sensors")
struct StuckSensorTests {
    static func report(minute: Int, fuel: Double, sog: Double = 12) -> Telemetry {
        var t = Telemetry(vesselID: "IMO9000009", vesselType: .bulk, eventTime: EventTime(seconds: Int64(minute) * 60))
        t[.fuelRate] = fuel
        t[.speedOverGround] = sog
        t[.speedThroughWater] = 12 + Double(minute % 7) / 100
        return t
    }

    @Test("30 identical fuel readings under way fire once; live readings for an hour resolve; in port nothing counts")
    func stuckFuelMeter() {
        var sensors = StuckSensor()
        var events: [(Int, TelemetryField, AlertLifecycle.Transition)] = []
        func feed(_ minutes: Range<Int>, fuel: (Int) -> Double, sog: Double = 12) {
            for minute in minutes {
                events += sensors.observe(Self.report(minute: minute, fuel: fuel(minute), sog: sog)).map { (minute, $0.0, $0.1) }
            }
        }
        feed(0..<40, fuel: { _ in 1.5 }, sog: 0.5)                       // in port: the meter may well read the same
        #expect(events.isEmpty)
        feed(40..<69, fuel: { _ in 1.5 })                                 // 29 identical readings under way
        #expect(events.isEmpty)
        feed(69..<80, fuel: { _ in 1.5 })                                 // the 30th fires, once
        #expect(events.map(\.0) == [69])
        #expect(events.first?.1 == .fuelRate)
        #expect(events.first?.2 == .fired(startsAt: EventTime(seconds: 69 * 60), severity: .warning))
        feed(80..<200, fuel: { 1.5 + Double($0) / 1000 })                 // live again
        #expect(events.count == 2)
        #expect(events.last?.0 == 139, "resolved an hour after the last stuck reading (minute 79)")
        #expect(events.last?.2 == .resolved(startsAt: EventTime(seconds: 69 * 60), endsAt: EventTime(seconds: 139 * 60), severity: .warning))
    }
}
