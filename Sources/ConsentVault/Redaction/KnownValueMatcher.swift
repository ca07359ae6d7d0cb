/// Finds a member's stored values in a text in one linear pass (Aho–Corasick over a folded
/// text: lowercase, ä→ae, ö→oe, ü→ue, ß→ss, other accents dropped, ı→i, ł→l), so `Müller`,
/// `Mueller` and `MÜLLER` match, and so do `Yıldız` and `Yildiz`. A pattern marked `needsCapital` (a
/// name part that is also an ordinary word) matches only written with a capital (or in a text
/// without capitals): a member called Koch is not every cook.
struct KnownValueMatcher {
    /// One value to look for.
    struct Pattern {
        /// Folded form.
        let folded: [UInt32]
        /// The entity it is.
        let type: EntityType
        /// The catalog field it came from.
        let field: String
        /// Whether it counts only when written with a capital (a name part that is also a word).
        var needsCapital = false
    }

    private var transitions: [[UInt32: Int]] = [[:]]
    private var failure: [Int] = [0]
    private var outputs: [[Int]] = [[]]
    private let patterns: [Pattern]

    /// Builds the automaton for `patterns` (values shorter than 3 code points are ignored, but for two-letter name parts
    /// such as `Le` or `Wu`, which count only written exactly so: a capital, then a small letter).
    init(_ candidates: [Pattern]) {
        patterns = candidates.filter { $0.folded.count >= 3 || $0.type == .person && $0.folded.count == 2 }
        for (number, pattern) in patterns.enumerated() {
            var state = 0
            for scalar in pattern.folded {
                if let next = transitions[state][scalar] { state = next; continue }
                transitions.append([:]); failure.append(0); outputs.append([])
                transitions[state][scalar] = transitions.count - 1
                state = transitions.count - 1
            }
            outputs[state].append(number)
        }
        var queue = Array(transitions[0].values)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (scalar, next) in transitions[state] {
                queue.append(next)
                var fallback = failure[state]
                while fallback != 0 && transitions[fallback][scalar] == nil { fallback = failure[fallback] }
                let target = transitions[fallback][scalar] ?? 0
                failure[next] = target == next ? 0 : target
                outputs[next] += outputs[failure[next]]
            }
        }
    }

    /// Folds one scalar into one or two scalars.
    static func fold(_ scalar: UInt32) -> [UInt32] {
        switch scalar {
        case 0xe4, 0xc4: return [0x61, 0x65]
        case 0xf6, 0xd6: return [0x6f, 0x65]
        case 0xfc, 0xdc: return [0x75, 0x65]
        case 0xdf, 0x1e9e: return [0x73, 0x73]
        case 0x41...0x5a: return [scalar | 0x20]
        case 0x131, 0x130: return [0x69]
        case 0x142, 0x141: return [0x6c]
        case 0xf8, 0xd8: return [0x6f]
        case 0x111, 0x110: return [0x64]
        default:
            guard scalar >= 0x80, let unicode = Unicode.Scalar(scalar) else { return [scalar] }
            // Other accented letters: the base letter (`é` → `e`, `ş` → `s`, `ñ` → `n`).
            let base = String(unicode).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? unicode
            let folded = base.value < 0x80 ? base : unicode
            return folded.properties.lowercaseMapping.unicodeScalars.map(\.value)
        }
    }

    /// The folded form of a string.
    static func fold(_ text: String) -> [UInt32] {
        text.unicodeScalars.flatMap { fold($0.value) }
    }

    /// Every match in `text` on word boundaries, as detections in the text's own offsets.
    func matches(in text: ScalarText) -> [Detection] {
        guard !patterns.isEmpty else { return [] }
        var folded: [UInt32] = []
        var origin: [Int] = []
        folded.reserveCapacity(text.count)
        for index in 0..<text.count {
            let scalar = text[index]
            if scalar < 0x80 {
                folded.append(scalar >= 0x41 && scalar <= 0x5a ? scalar | 0x20 : scalar)
                origin.append(index)
            } else {
                for folding in Self.fold(scalar) { folded.append(folding); origin.append(index) }
            }
        }
        var found: [Detection] = []
        var state = 0
        let capitals = (0..<text.count).reduce(0) { $0 + (text.isUpper($1) ? 1 : 0) }
        let lowercaseText = capitals * 20 < text.count
        for (position, scalar) in folded.enumerated() {
            while state != 0 && transitions[state][scalar] == nil { state = failure[state] }
            state = transitions[state][scalar] ?? 0
            for number in outputs[state] {
                let pattern = patterns[number]
                let start = origin[position - pattern.folded.count + 1]
                let end = origin[position] + 1
                // A name may carry a possessive `s` (`schreib an toms mail`, `Rosas Gutschein`): the name is the part without it.
                let possessive = pattern.type == .person && text.is(end, "s") && !text.isAlphanumeric(end + 1)
                guard !text.isAlphanumeric(start - 1), !text.isAlphanumeric(end) || possessive, !pattern.needsCapital || lowercaseText || text.isUpper(start) else { continue }
                if pattern.folded.count == 2, end - start != 2 || !text.isUpper(start) || text.isUpper(start + 1) { continue }
                // A name part inside a longer hyphenated name is someone else's name (`Wolf-Brandtner` for the surname `Wolf`):
                // the detectors take the whole.
                if pattern.type == .person, text.is(end, "-") && text.isLetter(end + 1) || text.is(start - 1, "-") && text.isLetter(start - 2) { continue }
                found.append(Detection(type: pattern.type, start: start, end: end, priority: DetectionPriority.knownValue, field: pattern.field))
            }
        }
        return found
    }
}
