/// The telemetry contract's rule for vessel ids: 1–64 of `[A-Za-z0-9._:-]`. The decoder
/// applies it to every record; the pull API to every id it is asked for.
public enum VesselID {
    /// Whether `bytes` (UTF-8) form a valid vessel id.
    public static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        (1...64).contains(bytes.count) && bytes.allSatisfy(isValidByte)
    }

    /// Whether `byte` may appear in a vessel id.
    static func isValidByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2E, 0x5F, 0x3A, 0x2D: true
        default: false
        }
    }
}
