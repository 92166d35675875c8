/// Turns an NMEA AIS feed, line by line, into telemetry v1: joins multi-sentence messages,
/// remembers each vessel's static data (type, draught) to fill position reports, and counts
/// every line it could not use by reason.
public struct AISFeed: Sendable {
    /// What a feed held and what became of it.
    public struct Report: Sendable, Equatable {
        /// Lines read.
        public var lines = 0
        /// Lines that are not AIS sentences (comments, signal reports).
        public var skippedLines = 0
        /// Messages decoded, by AIS type.
        public var decodedByType: [Int: Int] = [:]
        /// Lines or messages not decoded, by reason.
        public var failures: [String: Int] = [:]
        /// Telemetry records produced.
        public var telemetry = 0

        /// Messages decoded, all types.
        public var decoded: Int { decodedByType.values.reduce(0, +) }

        /// An empty tally.
        public init() {}
    }

    private struct Particulars {
        var type: VesselType
        var draught: Double?
    }

    private var assembler = AISAssembler()
    private var particulars: [UInt32: Particulars] = [:]
    /// The most vessels whose static data is remembered; past it the memory starts afresh.
    public var maxVessels = 500_000
    /// The tally so far.
    public private(set) var report = Report()

    /// Creates a feed decoder.
    public init() {}

    /// Reads one line; `receivedAt` stamps messages whose tag block has no time.
    public mutating func add(line: Substring, receivedAt: EventTime) -> [Telemetry] {
        report.lines += 1
        let sentence: NMEALine
        do {
            sentence = try NMEALine.parse(line)
        } catch .notAIS {
            report.skippedLines += 1
            return []
        } catch {
            report.failures[error.rawValue, default: 0] += 1
            return []
        }
        let incompleteBefore = assembler.incomplete
        let assembled = assembler.add(sentence)
        if assembler.incomplete > incompleteBefore {
            report.failures["incomplete_multipart", default: 0] += assembler.incomplete - incompleteBefore
        }
        guard let assembled else { return [] }
        guard let bits = AISBits(payload: assembled.payload, fillBits: assembled.fillBits) else {
            report.failures["bad_armour", default: 0] += 1
            return []
        }
        let messages: [AISMessage]
        do {
            messages = try AISMessage.decode(bits)
        } catch {
            report.failures[error.code, default: 0] += 1
            return []
        }
        let time = assembled.receivedAt.map { EventTime(seconds: $0) } ?? receivedAt
        var out: [Telemetry] = []
        for message in messages {
            switch message {
            case .position(let position):
                out.append(telemetry(position, at: time))
            case .staticData(let data):
                learn(data)
            }
        }
        report.decodedByType[Int(bits.unsigned(0, 6)), default: 0] += 1
        report.telemetry += out.count
        return out
    }

    /// Ends the input: fragments still waiting count as incomplete.
    public mutating func finish() {
        let before = assembler.incomplete
        assembler.finish()
        if assembler.incomplete > before {
            report.failures["incomplete_multipart", default: 0] += assembler.incomplete - before
        }
    }

    private mutating func learn(_ data: AISStatic) {
        if particulars.count >= maxVessels, particulars[data.mmsi] == nil { particulars.removeAll(keepingCapacity: true) }
        var known = particulars[data.mmsi] ?? Particulars(type: .other, draught: nil)
        if let code = data.shipType { known.type = VesselType(aisShipType: code) }
        if let draught = data.draught { known.draught = draught }
        particulars[data.mmsi] = known
    }

    private func telemetry(_ position: AISPosition, at time: EventTime) -> Telemetry {
        let known = particulars[position.mmsi]
        var t = Telemetry(vesselID: "mmsi:\(position.mmsi)", vesselType: known?.type ?? .other, eventTime: time)
        t.setIfInRange(.latitude, position.latitude)
        t.setIfInRange(.longitude, position.longitude)
        t.setIfInRange(.speedOverGround, position.speedOverGround)
        t.setIfInRange(.courseOverGround, position.courseOverGround)
        t.setIfInRange(.heading, position.heading)
        t.setIfInRange(.draft, known?.draught)
        return t
    }
}
