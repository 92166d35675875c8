#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONScanner {
    /// 10^0 … 10^22: every one is exact in a Double.
    private static let exactPowersOfTen: InlineArray<23, Double> = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Scans an RFC 8259 number. Up to 19 significant digits with a small exponent take the
    /// exact fast path (correctly rounded); anything else goes through `strtod`.
    mutating func scanNumber() throws(Malformed) -> Double {
        let start = index
        let n = bytes.count
        let negative = current == 0x2D
        if negative { index += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        guard index < n, bytes[index] &- 0x30 < 10 else { throw fail("expected digit") }
        if bytes[index] == 0x30 {
            index += 1
            guard index >= n || bytes[index] &- 0x30 >= 10 else { throw fail("leading zero") }
        } else {
            while index < n, bytes[index] &- 0x30 < 10 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 0x30); digits += 1 } else { exponent += 1 }
                index += 1
            }
        }
        if index < n, bytes[index] == 0x2E {
            index += 1
            let fractionStart = index
            while index < n, bytes[index] &- 0x30 < 10 {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 0x30)
                    if mantissa != 0 { digits += 1 }
                    exponent -= 1
                }
                index += 1
            }
            guard index > fractionStart else { throw fail("expected fraction digits") }
        }
        if index < n, bytes[index] | 0x20 == 0x65 {
            index += 1
            var exponentNegative = false
            if index < n, bytes[index] == 0x2B || bytes[index] == 0x2D {
                exponentNegative = bytes[index] == 0x2D
                index += 1
            }
            let exponentStart = index
            var value = 0
            while index < n, bytes[index] &- 0x30 < 10 {
                if value < 10_000 { value = value * 10 + Int(bytes[index] &- 0x30) }
                index += 1
            }
            guard index > exponentStart else { throw fail("expected exponent digits") }
            exponent += exponentNegative ? -value : value
        }
        if mantissa < (1 << 53), (-22...22).contains(exponent) {
            let magnitude = Double(mantissa)
            let value = exponent < 0 ? magnitude / Self.exactPowersOfTen[-exponent] : magnitude * Self.exactPowersOfTen[exponent]
            return negative ? -value : value
        }
        return slowPath(start)
    }

    private func slowPath(_ start: Int) -> Double {
        let length = index - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
            for k in 0..<length { buffer[k] = CChar(bitPattern: bytes[start + k]) }
            buffer[length] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }
}
