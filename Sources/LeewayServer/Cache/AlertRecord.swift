import Foundation
import Hummingbird

/// An alert record v1 (`topics/schemas/alert.v1.schema.json`) as the cache reads it from the
/// alerts topic: the one decoder behind the alert board, withdrawals and the Alertmanager relay.
struct AlertRecord: Codable, Sendable {
    /// `firing` or `resolved`.
    enum Status: String, Codable, Sendable {
        case firing, resolved
    }

    /// A label or annotation value: the records carry strings, numbers and nulls.
    enum Value: Codable, Sendable, Equatable {
        case string(String)
        case number(Double)
        case null

        /// Anything else (`true`, an object, an array): not a label or annotation value.
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let text = try? container.decode(String.self) {
                self = .string(text)
            } else {
                self = .other
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            case .null, .other: try container.encodeNil()
            }
        }

        /// The value as text (a whole number without a fraction); nil for null.
        var text: String? {
            switch self {
            case .string(let text): text
            case .number(let number) where number.rounded() == number && abs(number) < 1e15: String(Int64(number))
            case .number(let number): "\(number)"
            case .null, .other: nil
            }
        }
    }

    var id: String
    var status: Status
    var labels: [String: Value]
    var annotations: [String: Value]
    var startsAt: String
    var endsAt: String?

    /// The record in `bytes`, or nil when they are not an alert record v1.
    static func decode(_ bytes: some Collection<UInt8>) -> AlertRecord? {
        try? JSONDecoder().decode(AlertRecord.self, from: Data(bytes))
    }

    /// A label's text, if it has one.
    func label(_ name: String) -> String? { labels[name]?.text }

    /// The record as JSON, members sorted.
    var json: ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ByteBuffer(bytes: (try? encoder.encode(self)) ?? Data())
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encode(labels, forKey: .labels)
        try container.encode(annotations, forKey: .annotations)
        try container.encode(startsAt, forKey: .startsAt)
        try container.encode(endsAt, forKey: .endsAt)
    }
}
