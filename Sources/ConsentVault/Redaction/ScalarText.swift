/// A text as Unicode scalars, the unit of every offset the redactor reports, with the character
/// classes the detectors need.
struct ScalarText {
    /// The scalars' values.
    let scalars: [UInt32]
    /// Character classes per scalar (bit flags below), computed once so the detectors' many
    /// passes never ask Unicode tables again.
    private let classes: [UInt8]

    private static let digit: UInt8 = 1, asciiLetter: UInt8 = 2, letter: UInt8 = 4, upper: UInt8 = 8, space: UInt8 = 16, lineBreak: UInt8 = 32

    init(_ text: String) {
        var scalars: [UInt32] = []
        var classes: [UInt8] = []
        scalars.reserveCapacity(text.utf8.count)
        classes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            scalars.append(value)
            classes.append(Self.classify(scalar))
        }
        self.scalars = scalars
        self.classes = classes
    }

    private static func classify(_ scalar: Unicode.Scalar) -> UInt8 {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: return digit
            case 0x41...0x5a: return asciiLetter | letter | upper
            case 0x61...0x7a: return asciiLetter | letter
            case 0x20, 0x09: return space
            case 0x0a, 0x0d: return lineBreak
            default: return 0
            }
        }
        if value == 0xa0 { return space }
        let properties = scalar.properties
        guard properties.isAlphabetic else { return 0 }
        return letter | (properties.isUppercase ? upper : 0)
    }

    private func has(_ index: Int, _ flag: UInt8) -> Bool {
        index >= 0 && index < classes.count && classes[index] & flag != 0
    }

    /// Number of code points.
    var count: Int { scalars.count }

    /// The scalar at `index`, or 0 outside the text.
    subscript(index: Int) -> UInt32 { index >= 0 && index < scalars.count ? scalars[index] : 0 }

    /// ASCII digit.
    func isDigit(_ index: Int) -> Bool { has(index, Self.digit) }
    /// ASCII letter.
    func isASCIILetter(_ index: Int) -> Bool { has(index, Self.asciiLetter) }
    /// Any letter (Unicode alphabetic).
    func isLetter(_ index: Int) -> Bool { has(index, Self.letter) }
    /// Uppercase letter.
    func isUpper(_ index: Int) -> Bool { has(index, Self.upper) }
    /// Letter or digit.
    func isAlphanumeric(_ index: Int) -> Bool { has(index, Self.digit | Self.letter) }
    /// Space or tab (not a line break).
    func isSpace(_ index: Int) -> Bool { has(index, Self.space) }
    /// Whitespace of any kind.
    func isWhitespace(_ index: Int) -> Bool { has(index, Self.space | Self.lineBreak) }
    /// Whether `index` holds `scalar`.
    func `is`(_ index: Int, _ scalar: Unicode.Scalar) -> Bool { self[index] == scalar.value }

    /// Whether the text at `index` starts with `prefix` (ASCII, compared without case).
    func hasPrefix(_ prefix: [UInt32], at index: Int) -> Bool {
        guard index + prefix.count <= count else { return false }
        for (offset, value) in prefix.enumerated() where scalars[index + offset] | 0x20 != value { return false }
        return true
    }

    /// The text between `start` and `end`.
    func string(_ start: Int, _ end: Int) -> String {
        var result = String.UnicodeScalarView()
        for index in max(0, start)..<min(end, count) { if let scalar = Unicode.Scalar(scalars[index]) { result.append(scalar) } }
        return String(result)
    }

    /// Whether any of `cues` (lowercase scalars) occurs in the `window` code points before
    /// `index`, compared without ASCII case.
    func hasCue(_ cues: [[UInt32]], before index: Int, window: Int = 40) -> Bool {
        let start = max(0, index - window)
        for cue in cues where cue.count <= index - start {
            var position = start
            while position + cue.count <= index {
                if lowercasedMatches(cue, at: position) { return true }
                position += 1
            }
        }
        return false
    }

    /// Whether the text at `index` equals `word` (lowercase scalars), ignoring ASCII case.
    func lowercasedMatches(_ word: [UInt32], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= count else { return false }
        for (offset, value) in word.enumerated() {
            let scalar = scalars[index + offset]
            if (scalar < 0x80 && scalar >= 0x41 && scalar <= 0x5a ? scalar | 0x20 : scalar) != value { return false }
        }
        return true
    }

    /// A set of ASCII letters as a bit mask, for cheap first-letter checks in hot loops.
    static func letterMask(_ letters: String) -> UInt32 {
        letters.unicodeScalars.reduce(0) { $0 | (1 << ($1.value - 0x61)) }
    }

    /// Whether the scalar at `index` is an ASCII letter in `mask` (either case).
    func initial(_ index: Int, in mask: UInt32) -> Bool {
        let lower = self[index] | 0x20
        return lower >= 0x61 && lower <= 0x7a && mask & (1 << (lower - 0x61)) != 0
    }

    /// `words` as lowercase scalar arrays, for `hasCue` and `lowercasedMatches`.
    static func lowercased(_ words: [String]) -> [[UInt32]] {
        words.map { $0.lowercased().unicodeScalars.map(\.value) }
    }
}
