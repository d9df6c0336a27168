import Testing
@testable import AmicusTemplate

/// Zero padding, as dates print days, months and years: the digits written straight into the string must equal
/// the plain way of writing them, including negatives and the extremes.
@Suite("Zero padding")
struct PadTests {
    static func reference(_ n: Int, _ width: Int) -> String {
        let digits = String(n.magnitude)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return n < 0 ? "-" + padded : padded
    }

    @Test func equalsThePlainWayOfWritingIt() {
        #expect(pad(7, 2) == "07")
        #expect(pad(2014, 4) == "2014")
        #expect(pad(12345, 4) == "12345")
        #expect(pad(0, 3) == "000")
        #expect(pad(-5, 3) == "-005")
        #expect(pad(5, 0) == "5")
        #expect(pad(Int.min, 2) == "-9223372036854775808")
        #expect(pad(Int.max, 25) == "0000009223372036854775807")
        for n in [-1001, -99, -10, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 31, 2026, 99999] {
            for width in 0...6 { #expect(pad(n, width) == Self.reference(n, width), "\(n) \(width)") }
        }
    }
}
