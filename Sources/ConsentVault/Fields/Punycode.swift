/// Decoding of Punycode (RFC 3492), the ASCII form of internationalized domain labels
/// (`xn--bcher-kva` is `bücher`), so both spellings of an address are one lookup value.
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128

    /// The Unicode label of an `xn--` label, or nil when it is not valid Punycode.
    static func decodeLabel(_ label: Substring) -> String? {
        guard label.hasPrefix("xn--") else { return String(label) }
        let input = Array(label.dropFirst(4).unicodeScalars)
        var output: [UInt32] = []
        var start = 0
        if let dash = input.lastIndex(of: "-") {
            guard input[..<dash].allSatisfy(\.isASCII) else { return nil }
            output = input[..<dash].map(\.value)
            start = dash + 1
        }
        var n = initialN, i = 0, bias = initialBias, position = start
        while position < input.count {
            let oldI = i
            var weight = 1, k = base
            while true {
                guard position < input.count, let digit = digitValue(input[position]) else { return nil }
                position += 1
                let (added, overflow) = digit.multipliedReportingOverflow(by: weight)
                guard !overflow, i <= Int(Int32.max) - added else { return nil }
                i += added
                let threshold = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < threshold { break }
                let (next, overflowed) = weight.multipliedReportingOverflow(by: base - threshold)
                guard !overflowed, next <= Int(Int32.max) else { return nil }
                weight = next
                k += base
            }
            bias = adapt(i - oldI, points: output.count + 1, first: oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, Unicode.Scalar(UInt32(n)) != nil else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        var text = String.UnicodeScalarView()
        for value in output {
            guard let scalar = Unicode.Scalar(value) else { return nil }
            text.append(scalar)
        }
        return String(text)
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "a"..."z": return Int(scalar.value - 97)
        case "A"..."Z": return Int(scalar.value - 65)
        case "0"..."9": return Int(scalar.value - 48) + 26
        default: return nil
        }
    }

    private static func adapt(_ delta: Int, points: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / points
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
