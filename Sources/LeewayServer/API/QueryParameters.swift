import Foundation
import Hummingbird
import LeewayCore

extension BasicRequestContext {
    /// The `{id}` path parameter, checked against the telemetry contract's pattern.
    func vesselID() throws -> String {
        let raw = parameters.get("id") ?? ""
        let id = raw.removingPercentEncoding ?? raw
        guard VesselID.isValid(id.utf8) else {
            throw Problem(.badRequest, "parameter \"id\": a vessel id is 1–64 of A–Z a–z 0–9 . _ : -, got \"\(id.prefix(80))\"")
        }
        return id
    }
}

extension Hummingbird.Parameters {
    /// The optional `type` query parameter as a vessel type.
    func vesselType(_ name: String = "type") throws -> VesselType? {
        guard let text = self[Substring(name)] else { return nil }
        guard let type = VesselType(rawValue: String(text)) else {
            throw Problem(.badRequest, "parameter \"\(name)\": unknown vessel type \"\(text.prefix(40))\" (known: \(VesselType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return type
    }

    /// The integer query parameter `name`, `fallback` when absent.
    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = self[Substring(name)] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw Problem(.badRequest, "parameter \"\(name)\": expected an integer in \(range.lowerBound)…\(range.upperBound), got \"\(text.prefix(40))\"")
        }
        return value
    }

    /// The number query parameter `name`, `fallback` when absent.
    func number(_ name: String, default fallback: Double?, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = self[Substring(name)] else { return fallback }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw Problem(.badRequest, "parameter \"\(name)\": expected a number in \(range.lowerBound)…\(range.upperBound), got \"\(text.prefix(40))\"")
        }
        return value
    }

    /// The `cursor` query parameter: the vessel id to continue after.
    func cursor() throws -> String? {
        guard let text = self["cursor"].map(String.init) else { return nil }
        guard VesselID.isValid(text.utf8) else {
            throw Problem(.badRequest, "parameter \"cursor\": expected a vessel id (next_cursor of the previous page), got \"\(text.prefix(80))\"")
        }
        return text
    }
}
