/// One line of an NMEA 0183 AIS feed: an optional NMEA 4 tag block
/// (`\g:1-2-73,s:station,c:1469664001*hh\`) and an `!xxVDM`/`!xxVDO` sentence.
public struct NMEALine: Sendable, Equatable {
    /// The tag block's `c:` field: receive time in Unix seconds.
    public var receivedAt: Int64?
    /// The tag block's `s:` field: the receiving station.
    public var station: Substring?
    /// The tag block's `g:` group number, tying the lines of one message together.
    public var group: Substring?
    /// How many sentences the message has.
    public var fragmentCount: Int
    /// This sentence's position, from 1.
    public var fragmentNumber: Int
    /// The sequential message id tying fragments together (may be empty).
    public var sequenceID: Substring
    /// The radio channel, `A` or `B`.
    public var channel: Substring
    /// The armoured 6-bit payload.
    public var payload: Substring
    /// Padding bits at the end of the payload.
    public var fillBits: Int

    /// Why a line is not a usable AIS sentence.
    public enum Failure: String, Error, Sendable, CaseIterable {
        /// Not an AIS sentence at all (comments, `$..VSI` signal lines): skipped, not an error.
        case notAIS = "not_ais"
        /// The sentence's checksum does not match.
        case badChecksum = "bad_checksum"
        /// The tag block's checksum does not match.
        case badTagBlockChecksum = "bad_tag_block_checksum"
        /// Fields are missing or not numbers.
        case malformedSentence = "malformed_sentence"
    }

    /// Parses one line (without its line ending).
    public static func parse(_ line: Substring) throws(Failure) -> NMEALine {
        var rest = line
        var receivedAt: Int64?, station: Substring?, group: Substring?
        if rest.first == "\\" {
            guard let close = rest.dropFirst().firstIndex(of: "\\") else { throw .malformedSentence }
            let block = rest[rest.index(after: rest.startIndex)..<close]
            guard let star = block.lastIndex(of: "*"), checksum(block[..<star]) == hex(block[block.index(after: star)...]) else {
                throw .badTagBlockChecksum
            }
            for field in block[..<star].split(separator: ",") {
                let value = field.dropFirst(2)
                switch field.prefix(2) {
                case "c:": receivedAt = Int64(value)
                case "s:": station = value
                case "g:": group = value.split(separator: "-").last
                default: break
                }
            }
            rest = rest[rest.index(after: close)...]
        }
        guard rest.first == "!", rest.count > 6 else { throw .notAIS }
        let kind = rest.dropFirst(3).prefix(3)
        guard kind == "VDM" || kind == "VDO" else { throw .notAIS }
        guard let star = rest.lastIndex(of: "*") else { throw .malformedSentence }
        let body = rest[rest.index(after: rest.startIndex)..<star]
        guard checksum(body) == hex(rest[rest.index(after: star)...].prefix(2)) else { throw .badChecksum }
        let fields = body.split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count >= 7, let count = Int(fields[1]), let number = Int(fields[2]), let fill = Int(fields[6]),
              (1...9).contains(count), (1...count).contains(number), (0...5).contains(fill) else { throw .malformedSentence }
        return NMEALine(receivedAt: receivedAt, station: station, group: group, fragmentCount: count, fragmentNumber: number,
                        sequenceID: fields[3], channel: fields[4], payload: fields[5], fillBits: fill)
    }

    private static func checksum(_ text: Substring) -> UInt8? {
        var sum: UInt8 = 0
        for byte in text.utf8 { sum ^= byte }
        return sum
    }

    private static func hex(_ text: Substring) -> UInt8? {
        text.count == 2 ? UInt8(text, radix: 16) : nil
    }
}
