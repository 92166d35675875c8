import Foundation
import LeewayCore
import Testing

@Suite("The published telemetry v1 schema and the decoder agree")
struct TelemetrySchemaTests {
    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("topics/schemas/telemetry.v1.schema.json")

    @Test("ranges, enums and required members in topics/ match what the decoder enforces")
    func schemaMatchesDecoder() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        #expect(Set(schema["required"] as? [String] ?? []) == ["vessel_id", "vessel_type", "ts"])
        for field in TelemetryField.allCases {
            let property = try #require(properties[field.jsonName], "\(field.jsonName) is in the schema")
            #expect(property["minimum"] as? Double == field.range.lowerBound, "\(field.jsonName) minimum")
            #expect(property["maximum"] as? Double == field.range.upperBound, "\(field.jsonName) maximum")
        }
        #expect(Set(properties["vessel_type"]?["enum"] as? [String] ?? []) == Set(VesselType.allCases.map(\.rawValue)))
        #expect(Set(properties["event"]?["enum"] as? [String] ?? []) == Set(MaintenanceEvent.allCases.map(\.rawValue)))
        #expect(properties["vessel_id"]?["pattern"] as? String == "^[A-Za-z0-9._:-]{1,64}$")
        #expect(properties.count == TelemetryField.allCases.count + 4)
    }
}
