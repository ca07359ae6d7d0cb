/// A text as the detectors see it: Unicode scalars folded so that spellings people cannot tell
/// apart match alike (a letter and a combining mark composed as NFC would, full-width ASCII as
/// ASCII, Arabic-Indic digits as ASCII digits, no-break and other fixed spaces as a space, look-alike hyphens (and a dash between
/// two digits) as `-`, default-ignorable characters such as a
/// zero-width space left out), with the character
/// classes the detectors need. Offsets into it map back to the original text's code points
/// (`originalStart`, `originalEnd`), the unit of every offset the redactor reports.
struct ScalarText {
    /// The folded scalars' values.
    let scalars: [UInt32]
    /// Character classes per scalar (bit flags below), computed once so the detectors' many
    /// passes never ask Unicode tables again.
    private let classes: [UInt8]
    /// For each folded scalar, the original index of its first scalar and one past its last; nil
    /// when folding changed nothing (the common case: offsets are the same).
    private let origins: (start: [Int], end: [Int])?
    /// Code points in the original text.
    let originalCount: Int

    private static let digit: UInt8 = 1, asciiLetter: UInt8 = 2, letter: UInt8 = 4, upper: UInt8 = 8, space: UInt8 = 16, lineBreak: UInt8 = 32

    init(_ text: String) {
        var scalars: [UInt32] = []
        var classes: [UInt8] = []
        scalars.reserveCapacity(text.utf8.count)
        classes.reserveCapacity(text.utf8.count)
        var starts: [Int] = [], ends: [Int] = []
        var folded = false
        var index = 0
        for scalar in text.unicodeScalars {
            defer { index += 1 }
            let value = scalar.value
            if value < 0x80 {
                scalars.append(value)
                classes.append(Self.classify(scalar))
                if folded { starts.append(index); ends.append(index + 1) }
                continue
            }
            if !folded {
                starts = Array(0..<scalars.count)
                ends = starts.map { $0 + 1 }
                folded = true
            }
            if Self.isIgnorable(value) { continue }
            // No-break, figure, thin and narrow no-break spaces read as a space (NFKC): `5588 5159 …` with U+00A0 between the groups.
            if [0xa0, 0x2007, 0x2009, 0x202f, 0x3000].contains(value) {
                scalars.append(0x20); classes.append(Self.classify(" ")); starts.append(index); ends.append(index + 1)
                continue
            }
            // Hyphens that look like `-` (hyphen, non-breaking hyphen, figure dash, minus sign, small and
            // full-width hyphen-minus) read as `-`: `0171‑2345678`, `B‑MW 1234`. Dashes in prose stay.
            if [0x2010, 0x2011, 0x2012, 0x2212, 0xfe63].contains(value) {
                scalars.append(0x2d); classes.append(Self.classify("-")); starts.append(index); ends.append(index + 1)
                continue
            }
            // Arabic-Indic and Eastern Arabic-Indic digits read as ASCII digits (`٠١٧٦…`).
            if (0x660...0x669).contains(value) || (0x6f0...0x6f9).contains(value), let ascii = Unicode.Scalar(0x30 + (value & 0xf)) {
                scalars.append(ascii.value); classes.append(Self.classify(ascii)); starts.append(index); ends.append(index + 1)
                continue
            }
            if (0xff01...0xff5e).contains(value), let ascii = Unicode.Scalar(value - 0xfee0) {
                scalars.append(ascii.value); classes.append(Self.classify(ascii)); starts.append(index); ends.append(index + 1)
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark, let last = scalars.last, let base = Unicode.Scalar(last),
               let composed = Self.compose(base, scalar) {
                scalars[scalars.count - 1] = composed.value
                classes[classes.count - 1] = Self.classify(composed)
                ends[ends.count - 1] = index + 1
                continue
            }
            scalars.append(value)
            classes.append(Self.classify(scalar))
            starts.append(index); ends.append(index + 1)
        }
        // An en or em dash between two digits joins a number's groups as `-` does (`212–555–0143`, `123–45–6789`).
        for position in scalars.indices.dropFirst().dropLast() where folded && (scalars[position] == 0x2013 || scalars[position] == 0x2014)
            && classes[position - 1] & Self.digit != 0 && classes[position + 1] & Self.digit != 0 {
            scalars[position] = 0x2d
            classes[position] = Self.classify("-")
        }
        self.scalars = scalars
        self.classes = classes
        origins = folded ? (starts, ends) : nil
        originalCount = index
    }

    /// Zero-width and other default-ignorable characters that change nothing a reader sees.
    private static func isIgnorable(_ value: UInt32) -> Bool {
        switch value {
        case 0xad, 0x34f, 0x61c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180b...0x180f, 0x200b...0x200f, 0x202a...0x202e, 0x2060...0x206f,
             0x3164, 0xfe00...0xfe0f, 0xfeff, 0xffa0, 0x1bca0...0x1bca3, 0x1d173...0x1d17a, 0xe0000...0xe0fff: return true
        default: return false
        }
    }

    /// `base` and `mark` as one precomposed scalar (NFC), if there is one.
    private static func compose(_ base: Unicode.Scalar, _ mark: Unicode.Scalar) -> Unicode.Scalar? {
        var pair = String.UnicodeScalarView()
        pair.append(base)
        pair.append(mark)
        let composed = String(pair).precomposedStringWithCanonicalMapping.unicodeScalars
        return composed.count == 1 ? composed.first : nil
    }

    /// The original code point where folded scalar `index` starts.
    func originalStart(_ index: Int) -> Int { origins?.start[index] ?? index }
    /// The original code point just after folded scalar `index`.
    func originalEnd(_ index: Int) -> Int { origins?.end[index] ?? index + 1 }

    /// `detection` in the original text's offsets.
    func original(_ detection: Detection) -> Detection {
        guard origins != nil else { return detection }
        var mapped = detection
        mapped.start = originalStart(detection.start)
        mapped.end = originalEnd(detection.end - 1)
        return mapped
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

    /// The word of letters that ends at the spaces (and a comma) before `index` (empty when none does).
    func wordBefore(_ index: Int) -> String {
        var end = index
        while end > 0, isSpace(end - 1) { end -= 1 }
        if end > 0, self.is(end - 1, ",") { end -= 1 }
        var start = end
        while start > 0, isLetter(start - 1) { start -= 1 }
        return string(start, end)
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

    /// `hasCue` for cues that start a word and end it or are a word's stem (`bestell` in
    /// `Bestellnummer`, but `ref` not in `refund`): a cue of up to three letters must end its word.
    func hasWordCue(_ cues: [[UInt32]], before index: Int, window: Int = 40) -> Bool {
        let start = max(0, index - window)
        for cue in cues where cue.count <= index - start {
            var position = start
            while position + cue.count <= index {
                if lowercasedMatches(cue, at: position), !isLetter(position - 1), cue.count > 3 || !isLetter(position + cue.count) { return true }
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
