/// Decodes and validates telemetry v1 straight from the record's bytes: one pass over the
/// JSON, no intermediate document, no allocation for ids of up to 15 bytes.
public enum TelemetryDecoder {
    /// The largest record accepted, in bytes.
    public static let maxRecordBytes = 64 * 1024

    /// The members the decoder reads; everything else is checked for syntax and skipped.
    enum Member: Int {
        case vesselID, vesselType, ts, event
        // The measurements follow, in TelemetryField order, from `firstField`.
        static let firstField = 4
        static let count = 4 + 14
    }

    /// Decodes one record, or throws the first check it fails.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(TelemetryRejection) -> Telemetry {
        try decode(bytes, fastPath: true)
    }

    /// Decodes one record; without `fastPath`, always through the strict scan (for tests
    /// that hold the two to the same verdicts).
    static func decode(_ bytes: UnsafeRawBufferPointer, fastPath: Bool) throws(TelemetryRejection) -> Telemetry {
        guard bytes.count <= maxRecordBytes else {
            throw TelemetryRejection(.tooLarge, "\(bytes.count) bytes; the limit is \(maxRecordBytes)")
        }
        var members = InlineArray<18, JSONScanner.Scalar?>(repeating: nil)
        do {
            if !fastPath || !scanPlain(bytes, into: &members) {
                members = InlineArray(repeating: nil)
                try scanObject(bytes, into: &members)
            }
        } catch {
            throw TelemetryRejection(.malformedJSON, "\(error.problem) at byte \(error.position)")
        }
        return try validate(bytes, &members)
    }

    /// Decodes one record from an array of bytes.
    public static func decode(_ bytes: [UInt8]) throws(TelemetryRejection) -> Telemetry {
        let result: Result<Telemetry, TelemetryRejection> = bytes.withUnsafeBytes { raw in
            do throws(TelemetryRejection) { return .success(try decode(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private static func scanObject(_ bytes: UnsafeRawBufferPointer, into members: inout InlineArray<18, JSONScanner.Scalar?>) throws(JSONScanner.Malformed) {
        var scanner = JSONScanner(bytes)
        scanner.skipWhitespace()
        guard scanner.current == 0x7B else { throw scanner.fail("expected a JSON object") }
        scanner.index += 1
        scanner.skipWhitespace()
        if scanner.current == 0x7D {
            scanner.index += 1
        } else {
            while true {
                guard scanner.current == 0x22, case .string(let start, let end, let escaped) = try scanner.scanString() else {
                    throw scanner.fail("expected member name")
                }
                scanner.skipWhitespace()
                try scanner.expect(0x3A, "':'")
                scanner.skipWhitespace()
                let value = try scanner.scanValue(depth: 1)
                if let member = escaped ? memberForEscaped(bytes, Int(start), Int(end)) : member(bytes, Int(start), Int(end)) {
                    members[member] = value
                }
                scanner.skipWhitespace()
                if scanner.current == 0x2C {
                    scanner.index += 1
                    scanner.skipWhitespace()
                    continue
                }
                try scanner.expect(0x7D, "',' or '}'")
                break
            }
        }
        scanner.skipWhitespace()
        guard scanner.atEnd else { throw scanner.fail("content after the object") }
    }

    private static func validate(_ bytes: UnsafeRawBufferPointer, _ members: inout InlineArray<18, JSONScanner.Scalar?>) throws(TelemetryRejection) -> Telemetry {
        let vesselID = try withString(bytes, members[Member.vesselID.rawValue], "vessel_id") { (raw) throws(TelemetryRejection) -> String in
            guard VesselID.isValid(raw) else {
                throw TelemetryRejection(.badVesselID, "vessel_id must be 1-64 of [A-Za-z0-9._:-], got \(raw.count) bytes")
            }
            return String(decoding: raw, as: UTF8.self)
        }
        let vesselType = try withString(bytes, members[Member.vesselType.rawValue], "vessel_type") { (raw) throws(TelemetryRejection) -> VesselType in
            guard let type = VesselType(bytes: raw) else {
                throw TelemetryRejection(.unknownVesselType, "'\(String(decoding: raw.prefix(40), as: UTF8.self))' is not one of \(VesselType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return type
        }
        let eventTime = try withString(bytes, members[Member.ts.rawValue], "ts") { (raw) throws(TelemetryRejection) -> EventTime in
            guard let time = EventTime(rfc3339: raw) else {
                throw TelemetryRejection(.badTimestamp, "'\(String(decoding: raw.prefix(40), as: UTF8.self))' is not an RFC 3339 time")
            }
            return time
        }
        var telemetry = Telemetry(vesselID: vesselID, vesselType: vesselType, eventTime: eventTime)
        for field in TelemetryField.ordered {
            switch members[Member.firstField + field.rawValue] {
            case nil, .null?:
                continue
            case .number(let value)?:
                guard field.range.contains(value) else {
                    throw TelemetryRejection(.outOfRange(field.jsonName), "\(field.jsonName) = \(value) is outside \(field.range.lowerBound)...\(field.range.upperBound)",
                                             vesselType: vesselType)
                }
                telemetry[field] = value
            case let other?:
                throw TelemetryRejection(.badType(field.jsonName), "\(field.jsonName) must be a finite number, got \(describe(other))")
            }
        }
        switch members[Member.event.rawValue] {
        case nil, .null?:
            break
        case let value?:
            telemetry.event = try withString(bytes, value, "event", required: false) { (raw) throws(TelemetryRejection) -> MaintenanceEvent in
                guard let event = MaintenanceEvent(bytes: raw) else {
                    throw TelemetryRejection(.outOfRange("event"), "'\(String(decoding: raw.prefix(40), as: UTF8.self))' is not one of \(MaintenanceEvent.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return event
            }
        }
        return telemetry
    }

    /// Runs `body` on a string member's unescaped bytes; missing and non-string members are
    /// rejected.
    private static func withString<T>(_ bytes: UnsafeRawBufferPointer, _ scalar: JSONScanner.Scalar?, _ name: String, required: Bool = true,
                                      _ body: (UnsafeRawBufferPointer) throws(TelemetryRejection) -> T) throws(TelemetryRejection) -> T {
        switch scalar {
        case nil, .null?:
            throw TelemetryRejection(.missingField(name), "\(name) is required")
        case .string(let start, let end, let escaped)?:
            if !escaped { return try body(UnsafeRawBufferPointer(rebasing: bytes[Int(start)..<Int(end)])) }
            let unescaped = unescape(bytes, Int(start), Int(end))
            let result: Result<T, TelemetryRejection> = unescaped.withUnsafeBytes { raw in
                do throws(TelemetryRejection) { return .success(try body(raw)) } catch { return .failure(error) }
            }
            return try result.get()
        case let other?:
            throw TelemetryRejection(.badType(name), "\(name) must be a string, got \(describe(other))")
        }
    }

    private static func describe(_ scalar: JSONScanner.Scalar) -> String {
        switch scalar {
        case .string: "a string"
        case .number: "a number"
        case .nonFinite: "NaN or Infinity"
        case .boolean: "a boolean"
        case .null: "null"
        case .container: "an object or array"
        }
    }
}
