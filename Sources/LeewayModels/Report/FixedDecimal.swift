/// `value` rounded to `decimals` decimals, as text without exponent (check details, reports).
public func fixedDecimal(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "\(value)" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (abs(value) * scale).rounded() / scale
    var text = String(Int(rounded))
    if decimals > 0 {
        let fraction = Int(((rounded - rounded.rounded(.down)) * scale).rounded())
        let digits = String(fraction)
        text += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
    }
    return (value < 0 && rounded != 0 ? "-" : "") + text
}

/// `value` with `decimals` decimals, for the report.
func format(_ value: Double, _ decimals: Int) -> String { fixedDecimal(value, decimals) }
