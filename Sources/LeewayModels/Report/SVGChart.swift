/// A small chart drawn as inline SVG: scattered points, lines and bars on linear axes with
/// round-numbered ticks. Self-contained markup, no scripts, no network.
struct SVGChart {
    /// A named line in a colour.
    struct Series {
        var label: String
        var points: [(x: Double, y: Double)]
        var color: String
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var scatter: [(x: Double, y: Double)] = []
    var lines: [Series] = []
    /// Bars as (left edge, width, height).
    var bars: [(x: Double, width: Double, height: Double)] = []
    var width = 560.0
    var height = 340.0

    private let margin = (left: 64.0, right: 16.0, top: 32.0, bottom: 48.0)

    func render() -> String {
        let xs = scatter.map(\.x) + lines.flatMap { $0.points.map(\.x) } + bars.flatMap { [$0.x, $0.x + $0.width] }
        let ys = scatter.map(\.y) + lines.flatMap { $0.points.map(\.y) } + bars.map(\.height) + (bars.isEmpty ? [] : [0])
        let xTicks = Self.ticks(xs.min() ?? 0, xs.max() ?? 1), yTicks = Self.ticks(ys.min() ?? 0, ys.max() ?? 1)
        let x0 = xTicks.first!, x1 = xTicks.last!, y0 = yTicks.first!, y1 = yTicks.last!
        let plotW = width - margin.left - margin.right, plotH = height - margin.top - margin.bottom
        func px(_ x: Double) -> String { format(margin.left + (x - x0) / (x1 - x0) * plotW, 1) }
        func py(_ y: Double) -> String { format(margin.top + plotH - (y - y0) / (y1 - y0) * plotH, 1) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
        svg += "<text x=\"\(Int(width / 2))\" y=\"20\" text-anchor=\"middle\" class=\"title\">\(escapeHTML(title))</text>"
        for tick in xTicks {
            svg += "<line x1=\"\(px(tick))\" x2=\"\(px(tick))\" y1=\"\(py(y0))\" y2=\"\(py(y1))\" class=\"grid\"/>"
            svg += "<text x=\"\(px(tick))\" y=\"\(format(margin.top + plotH + 16, 1))\" text-anchor=\"middle\">\(Self.label(tick))</text>"
        }
        for tick in yTicks {
            svg += "<line x1=\"\(px(x0))\" x2=\"\(px(x1))\" y1=\"\(py(tick))\" y2=\"\(py(tick))\" class=\"grid\"/>"
            svg += "<text x=\"\(format(margin.left - 6, 1))\" y=\"\(py(tick))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(Self.label(tick))</text>"
        }
        svg += "<text x=\"\(format(margin.left + plotW / 2, 1))\" y=\"\(Int(height - 8))\" text-anchor=\"middle\">\(escapeHTML(xLabel))</text>"
        svg += "<text transform=\"translate(14 \(format(margin.top + plotH / 2, 1))) rotate(-90)\" text-anchor=\"middle\">\(escapeHTML(yLabel))</text>"
        for bar in bars {
            svg += "<rect x=\"\(px(bar.x))\" y=\"\(py(bar.height))\" width=\"\(format(bar.width / (x1 - x0) * plotW, 1))\" height=\"\(format(bar.height / (y1 - y0) * plotH, 1))\" class=\"bar\"/>"
        }
        for point in scatter {
            svg += "<circle cx=\"\(px(point.x))\" cy=\"\(py(point.y))\" r=\"2.2\" class=\"point\"/>"
        }
        for (index, series) in lines.enumerated() where !series.points.isEmpty {
            let path = series.points.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(series.color)\" stroke-width=\"2\"/>"
            let legendY = margin.top + 14 + Double(index) * 16
            svg += "<line x1=\"\(format(margin.left + 10, 1))\" x2=\"\(format(margin.left + 28, 1))\" y1=\"\(format(legendY, 1))\" y2=\"\(format(legendY, 1))\" stroke=\"\(series.color)\" stroke-width=\"2\"/>"
            svg += "<text x=\"\(format(margin.left + 32, 1))\" y=\"\(format(legendY, 1))\" dominant-baseline=\"middle\">\(escapeHTML(series.label))</text>"
        }
        return svg + "</svg>"
    }

    /// About five round ticks covering low…high.
    static func ticks(_ low: Double, _ high: Double) -> [Double] {
        var low = low.isFinite ? low : 0, high = high.isFinite ? high : 1
        if high <= low { (low, high) = (low - 1, low + 1) }
        let raw = (high - low) / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let first = (low / step).rounded(.down) * step
        var ticks: [Double] = []
        var tick = first
        while tick < high + step * 0.999 {
            ticks.append(tick)
            tick = first + step * Double(ticks.count)
        }
        return ticks.count >= 2 ? ticks : [first, first + step]
    }

    static func label(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1000 || value == value.rounded() { return format(value, 0) }
        return magnitude >= 10 ? format(value, 1) : format(value, magnitude >= 1 ? 2 : 3)
    }
}

/// `text` escaped for HTML content and attributes.
func escapeHTML(_ text: String) -> String {
    var escaped = ""
    for character in text {
        switch character {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&#39;"
        default: escaped.append(character)
        }
    }
    return escaped
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
