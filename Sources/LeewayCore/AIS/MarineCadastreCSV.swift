/// Reads US MarineCadastre AIS CSV (`BaseDateTime,LON,LAT,MMSI,SOG,COG,Heading,…,VesselType,…,Draft,…`)
/// into telemetry v1, finding columns by their header names.
public struct MarineCadastreCSV: Sendable {
    /// Why a row or header cannot be used.
    public enum Failure: String, Error, Sendable {
        /// The header lacks a required column.
        case missingColumn = "missing_column"
        /// A row has too few cells, or an unreadable MMSI or time.
        case badRow = "bad_row"
    }

    private let time, longitude, latitude, mmsi, speed, course, heading, vesselType, draft: Int

    /// Reads the header row.
    public init(header: Substring) throws(Failure) {
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace }
        func column(_ name: String) throws(Failure) -> Int {
            guard let index = names.firstIndex(of: name) else { throw .missingColumn }
            return index
        }
        time = try column("BaseDateTime")
        longitude = try column("LON")
        latitude = try column("LAT")
        mmsi = try column("MMSI")
        speed = try column("SOG")
        course = try column("COG")
        heading = try column("Heading")
        vesselType = try column("VesselType")
        draft = try column("Draft")
    }

    /// The telemetry for one data row. Values outside telemetry v1's ranges (heading 511,
    /// negative course) are left out, as AIS means them: not available.
    public func telemetry(_ row: Substring) throws(Failure) -> Telemetry {
        let cells = row.split(separator: ",", omittingEmptySubsequences: false)
        guard cells.count > max(time, longitude, latitude, mmsi, speed, course, heading, vesselType, draft),
              let id = UInt32(cells[mmsi]) else { throw .badRow }
        var stamp = String(cells[time])
        if !stamp.hasSuffix("Z") { stamp += "Z" }
        guard let eventTime = EventTime(rfc3339: stamp) else { throw .badRow }
        let code = Double(cells[vesselType]).map { Int($0) }
        var t = Telemetry(vesselID: "mmsi:\(id)", vesselType: VesselType(aisShipType: code), eventTime: eventTime)
        t.setIfInRange(.longitude, Double(cells[longitude]))
        t.setIfInRange(.latitude, Double(cells[latitude]))
        t.setIfInRange(.speedOverGround, Double(cells[speed]))
        t.setIfInRange(.courseOverGround, Double(cells[course]))
        t.setIfInRange(.heading, Double(cells[heading]).flatMap { $0 < 360 ? $0 : nil })
        t.setIfInRange(.draft, Double(cells[draft]))
        return t
    }
}

extension Substring {
    var trimmingWhitespace: String {
        String(drop { $0 == " " || $0 == "\r" || $0 == "\u{FEFF}" }.reversed().drop { $0 == " " || $0 == "\r" }.reversed())
    }
}
