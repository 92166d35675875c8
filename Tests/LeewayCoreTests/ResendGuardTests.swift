@testable import LeewayCore
import Testing

@Suite("Resend guard")
struct ResendGuardTests {
    static let start = EventTime(seconds: 1_796_025_600)

    static func report(minute: Int) -> Telemetry {
        var t = Telemetry(vesselID: "IMO9000001", vesselType: .tanker,
                          eventTime: EventTime(microseconds: start.microseconds + Int64(minute) * 60_000_000))
        t[.speedThroughWater] = 12
        t[.fuelRate] = 1.4
        return t
    }

    @Test("a one-minute reporter: a resend from the edge of the lateness window is caught after 1,000 reports; no more than the window is kept")
    func everyMinute() {
        var state = VesselState(vesselID: "IMO9000001", vesselType: .tanker)
        let policy = FeaturePolicy()
        for minute in 0..<1_000 { #expect(state.admit(Self.report(minute: minute), offset: Int64(minute), policy: policy) == .applied) }
        #expect(state.recent.count == 361, "6 h of one-minute reports, both ends included")
        #expect(state.admit(Self.report(minute: 999 - 360), offset: 1_000, policy: policy) == .duplicate, "exactly 6 h back")
        #expect(state.admit(Self.report(minute: 999 - 361), offset: 1_001, policy: policy) == .late)
        #expect(state.admit(Self.report(minute: 998), offset: 1_002, policy: policy) == .duplicate)
    }

    @Test("a five-minute reporter keeps 73 times, not the 384 a fixed ring held; a late out-of-order report is remembered too")
    func everyFiveMinutes() {
        var state = VesselState(vesselID: "IMO9000001", vesselType: .tanker)
        let policy = FeaturePolicy()
        var offset: Int64 = 0
        for minute in stride(from: 0, to: 5_000, by: 5) {
            offset += 1
            _ = state.admit(Self.report(minute: minute), offset: offset, policy: policy)
        }
        #expect(state.recent.count == 73)
        #expect(state.admit(Self.report(minute: 4_993), offset: offset + 1, policy: policy) == .applied, "between two reports: new")
        #expect(state.admit(Self.report(minute: 4_993), offset: offset + 2, policy: policy) == .duplicate)
        #expect(state.admit(Self.report(minute: 4_995 - 360), offset: offset + 3, policy: policy) == .duplicate)
    }

    @Test("more reports within the window than the capacity: the oldest are forgotten first, as the fixed ring did")
    func capacity() {
        var guardTimes = ResendGuard()
        let newest = Self.start.advanced(by: .seconds(1_000))
        for second in 0..<1_000 { guardTimes.insert(Self.start.advanced(by: .seconds(second)), newest: newest, window: .seconds(6 * 3600)) }
        #expect(guardTimes.count == ResendGuard.capacity)
        #expect(!guardTimes.contains(Self.start.advanced(by: .seconds(1_000 - ResendGuard.capacity - 1))))
        #expect(guardTimes.contains(Self.start.advanced(by: .seconds(1_000 - ResendGuard.capacity))))
    }

    @Test("a changelog written by the fixed ring (full, wrapped) reads back oldest first, and round-trips")
    func formerLayout() throws {
        var ring = BinaryWriter(capacity: 2_000)
        let next = 100
        ring.write(UInt32(next))
        ring.write(UInt32(ResendGuard.capacity))
        // Slot i held the time inserted at round (i < next ? 384 + i : i): the ring wrapped at `next`.
        for slot in 0..<ResendGuard.capacity { ring.write(UInt32(slot < next ? ResendGuard.capacity + slot : slot)) }
        var reader = BinaryReader(ring.bytes)
        var restored = ResendGuard()
        try restored.read(from: &reader)
        #expect(restored.times == (next..<(ResendGuard.capacity + next)).map(UInt32.init))

        var again = BinaryWriter(capacity: 2_000)
        restored.write(to: &again)
        var back = ResendGuard()
        var second = BinaryReader(again.bytes)
        try back.read(from: &second)
        #expect(back.times == restored.times)
    }

    @Test("the state is smaller than 1,500 bytes inline (the fixed ring alone was 1,540)")
    func inlineSize() {
        #expect(MemoryLayout<VesselState>.size < 1_500, "\(MemoryLayout<VesselState>.size)")
    }
}
