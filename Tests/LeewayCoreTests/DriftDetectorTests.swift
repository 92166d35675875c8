import LeewayCore
import Testing

@Suite("Drift detectors")
struct DriftDetectorTests {
    /// River's documented example stream: `random.Random(12345)`, then
    /// `rng.choices([0, 1], k=1000) + rng.choices(range(4, 8), k=1000)` (generated once with
    /// CPython's Mersenne Twister; this is input data, not our output).
    static let riverStream: [Double] = [
        "00100010001010101010100001110111000111011110101101110011001000101111011001010101",
        "11001000110000110101100100001100100001001001111000111001011000100001111010000111",
        "00100010000110000001010101110110111000110110000101001001000000010101111111011001",
        "11000100111111001100100001011011111101110100010010101110010000101111111111100111",
        "00000011011000110010001000010111100010101011100001111001001111100000100111000110",
        "11101100010111001101010000000110001011110110000110101110110000111100111111000011",
        "10000101110111100110011010101010100000001111001010001010100000110000010001000000",
        "11100101111000001100010100010110001011111001011101000110001011110110011101001111",
        "00101111110011100001001010000011011001111100111110010011110011110011011101001110",
        "10011100111111110101110000000010110100011010011010111110001111111011111000000101",
        "00110001000000100010101010111110101111101000100111100001010101110001000100100001",
        "10110101100001111000101000100110011101011011000011000011101110111101100010000100",
        "11110001110000010100101011101101111110114674675467764756676466746474645555557444",
        "77745666476665445464656546744777757777764654576774647574647766454546555777544754",
        "74654576744565577646666657775446745656567775444746754774775544755577555774457775",
        "44754547564657766645775544747456454457455644576556465465454466567567555567755765",
        "54644545557757545457675544767577464546446677675565556447744475754746767544776457",
        "47464756467574465644564445464654466464574575745775554576766645545777655577765676",
        "76766757576465445746546547745565647657654657477456556545774676765566745765644474",
        "55644465455664745544667775664776757556657767557547657656764557557746765745465745",
        "54765654544775474476577674667565667647547544577465565577767765676645666475475747",
        "66466546574564447745644474646664555574574776757755766567656476667564666454565655",
        "46445664664475656546675767457567444674655776575556465467774777464754666546464564",
        "75756554645555577566664475646544467465664476465456675756556644555754555647675467",
        "76456455745645656464674557457474656557474446554544665474657454765475455747746677",
    ].joined().map { Double($0.wholeNumberValue!) }

    static func detections(_ detector: some DriftDetector, _ stream: [Double]) -> [Int] {
        var detector = detector
        return stream.indices.filter { detector.update(stream[$0]) }
    }

    @Test("Page-Hinkley with River's defaults fires where River's documentation says: index 1006 (value 5), once")
    func pageHinkleyRiverExample() {
        #expect(Self.riverStream.count == 2_000)
        #expect(Self.detections(PageHinkley(), Self.riverStream) == [1006])
        #expect(Self.riverStream[1006] == 5)
    }

    @Test("Page-Hinkley by hand: a step of 3 after three zeros crosses λ = 2 at once; direction matters")
    func pageHinkleyByHand() {
        // mean after 0,0,0,3 is 0.75; deviation 2.25; sum_increase 2.25 − min 0 > 2.
        let ph = PageHinkley(minInstances: 3, delta: 0, threshold: 2, alpha: 1)
        #expect(Self.detections(ph, [0, 0, 0, 3]) == [3])
        #expect(Self.detections(ph, [0, 0, 3]) == [], "a change before min_instances is not reported")
        // 5,5,5,2: mean 4.25, deviation −2.25: max_decrease 0 − sum_decrease (−2.25) > 2.
        #expect(Self.detections(ph, [5, 5, 5, 2]) == [3])
        #expect(Self.detections(PageHinkley(minInstances: 3, delta: 0, threshold: 2, alpha: 1, direction: .up), [5, 5, 5, 2]) == [])
        // After a detection everything restarts: the next 3 values cannot fire.
        #expect(Self.detections(ph, [0, 0, 0, 3, 9, 9, 9]) == [3])
    }

    @Test("ADWIN with River's defaults fires where River's documentation says: index 1023 (value 4), once")
    func adwinRiverExample() {
        #expect(Self.detections(ADWIN(), Self.riverStream) == [1023])
        #expect(Self.riverStream[1023] == 4)
    }

    @Test("ADWIN keeps a steady stream whole and its window statistics exact")
    func adwinSteady() {
        var adwin = ADWIN()
        let values = (0..<1_000).map { Double($0 % 2) }
        var fired = 0
        for value in values where adwin.update(value) { fired += 1 }
        #expect(fired == 0)
        #expect(adwin.width == 1_000)
        #expect(adwin.total == 500)
        #expect(abs(adwin.variance - 250) < 1e-9)      // Σ (x − 0.5)² = 1000 · 0.25
        #expect(adwin.estimation == 0.5)
    }
}
