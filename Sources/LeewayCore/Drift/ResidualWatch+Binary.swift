extension ResidualWatch {
    func write(to w: inout BinaryWriter) {
        for value in [hour, Int64(hourRegime), Int64(lastReferenced), Int64(detector.count)] { w.write(value) }
        for value in [hourSum, hourCount, lastDeviation, detector.mean, detector.sumIncrease, detector.sumDecrease,
                      detector.minIncrease, detector.maxDecrease] {
            w.write(value)
        }
        for index in 0..<Self.regimes {
            w.write(references[index].bitPattern)
            w.write(referenceCounts[index])
        }
        w.write(UInt8(detector.driftDetected ? 1 : 0))
        lifecycle.write(to: &w)
    }

    mutating func read(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        hour = try r.int64()
        hourRegime = Int(try r.int64())
        lastReferenced = Int(try r.int64())
        detector.count = Int(try r.int64())
        hourSum = try r.double()
        hourCount = try r.double()
        lastDeviation = try r.double()
        detector.mean = try r.double()
        detector.sumIncrease = try r.double()
        detector.sumDecrease = try r.double()
        detector.minIncrease = try r.double()
        detector.maxDecrease = try r.double()
        for index in 0..<Self.regimes {
            references[index] = Float(bitPattern: try r.uint32())
            referenceCounts[index] = try r.byte()
        }
        detector.driftDetected = try r.byte() == 1
        try lifecycle.read(from: &r)
    }
}

extension AlertLifecycle {
    func write(to w: inout BinaryWriter) {
        switch state {
        case .inactive:
            w.write(UInt8(0))
        case let .pending(since, severity):
            w.write(UInt8(1)); w.write(since.microseconds); w.write(severity.code)
        case let .firing(since, severity, lastSeen):
            w.write(UInt8(2)); w.write(since.microseconds); w.write(severity.code); w.write(lastSeen.microseconds)
        case .coolingDown(let until):
            w.write(UInt8(3)); w.write(until.microseconds)
        }
        w.write(suppressedUntil.map { Double($0.microseconds) })
    }

    mutating func read(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        func time() throws(BinaryReader.Malformed) -> EventTime { EventTime(microseconds: try r.int64()) }
        func severity() throws(BinaryReader.Malformed) -> AlertSeverity { try r.byte() == 1 ? .critical : .warning }
        switch try r.byte() {
        case 0: state = .inactive
        case 1: state = .pending(since: try time(), severity: try severity())
        case 2: state = .firing(since: try time(), severity: try severity(), lastSeen: try time())
        case 3: state = .coolingDown(until: try time())
        case let tag: throw BinaryReader.Malformed(description: "alert state \(tag)")
        }
        suppressedUntil = try r.optionalDouble().map { EventTime(microseconds: Int64($0)) }
    }
}

extension AlertSeverity {
    var code: UInt8 { self == .critical ? 1 : 0 }
}

extension StuckSensor {
    func write(to w: inout BinaryWriter) {
        for index in 0..<3 {
            w.write(last[index])
            w.write(UInt32(run[index]))
            lifecycles[index].write(to: &w)
        }
    }

    mutating func read(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        for index in 0..<3 {
            last[index] = try r.double()
            run[index] = UInt16(clamping: try r.uint32())
            try lifecycles[index].read(from: &r)
        }
    }
}
