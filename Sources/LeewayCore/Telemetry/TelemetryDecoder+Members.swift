extension TelemetryDecoder {
    /// The member a name denotes, matched on length first, then bytes.
    @inline(__always) static func member(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int? {
        let name = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        func isName(_ candidate: StaticString) -> Bool {
            let base = candidate.utf8Start
            for k in 0..<name.count where name[k] != base[k] { return false }
            return true
        }
        func field(_ f: TelemetryField) -> Int { Member.firstField + f.rawValue }
        switch name.count {
        case 2: return isName("ts") ? Member.ts.rawValue : nil
        case 3: return isName("lat") ? field(.latitude) : isName("lon") ? field(.longitude) : nil
        case 5: return isName("event") ? Member.event.rawValue : nil
        case 6: return isName("sog_kn") ? field(.speedOverGround) : isName("stw_kn") ? field(.speedThroughWater) : nil
        case 7: return isName("draft_m") ? field(.draft) : isName("cog_deg") ? field(.courseOverGround) : nil
        case 9: return isName("vessel_id") ? Member.vesselID.rawValue : nil
        case 10: return isName("sea_temp_c") ? field(.seaTemperature) : nil
        case 11: return isName("vessel_type") ? Member.vesselType.rawValue : isName("heading_deg") ? field(.heading) : nil
        case 12: return isName("wind_dir_deg") ? field(.windDirection) : nil
        case 13:
            return isName("wind_speed_ms") ? field(.windSpeed) : isName("wave_height_m") ? field(.waveHeight)
                : isName("fuel_rate_tph") ? field(.fuelRate) : nil
        case 14: return isName("shaft_power_kw") ? field(.shaftPower) : nil
        case 24: return isName("days_since_hull_cleaning") ? field(.daysSinceHullCleaning) : nil
        default: return nil
        }
    }

    /// The member an escaped name denotes (rare: names are plain ASCII in practice).
    static func memberForEscaped(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int? {
        let name = unescape(bytes, start, end)
        return name.withUnsafeBytes { member($0, 0, $0.count) }
    }

    /// The UTF-8 bytes of a JSON string body whose escapes the scanner has already checked.
    static func unescape(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        var pendingHigh: UInt32?
        while i < end {
            let c = bytes[i]
            guard c == 0x5C else {
                out.append(c)
                i += 1
                continue
            }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var unit: UInt32 = 0
                for k in 0..<4 { unit = unit << 4 | UInt32(JSONScanner.hexValue(bytes[i + k]) ?? 0) }
                i += 4
                if (0xD800...0xDBFF).contains(unit) {
                    pendingHigh = unit
                    continue
                }
                var scalarValue = unit
                if let high = pendingHigh, (0xDC00...0xDFFF).contains(unit) {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
                }
                pendingHigh = nil
                out.append(contentsOf: Array(String(Unicode.Scalar(scalarValue) ?? "\u{FFFD}").utf8))
            default: out.append(e)
            }
        }
        return out
    }
}
