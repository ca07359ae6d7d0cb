/// The text format of a key file, documented for operators in `Keys.example`:
///
/// ```
/// format: consent-vault-keys/1
/// key_id: cvk_…
/// created: 2026-11-23T15:40:00Z
/// active_version: 2
/// protection: none | argon2id
/// salt / opslimit / memlimit: (argon2id only)
/// key.1: 64 hex digits (none) or the sealed key in hex (argon2id)
/// ```
///
/// Parsing happens inside protected memory: key lines are decoded from the file buffer straight
/// into `SecureBytes`, so no key ever passes through a `String`.
enum KeyFileFormat {
    /// The value of the `format:` line this version reads and writes.
    static let formatName = "consent-vault-keys/1"

    /// One parsed line: its number, its name and where its value sits in the file buffer.
    struct Entry {
        /// 1-based line number, for error messages.
        let line: Int
        /// The name before the colon.
        let name: String
        /// Byte range of the trimmed value inside the file buffer.
        let value: Range<Int>
    }

    /// Splits the protected `content` of `path` into entries, in file order.
    static func entries(in content: SecureBytes, path: String) throws(KeyFileError) -> [Entry] {
        try content.withUnsafeBytes { (bytes) throws(KeyFileError) -> [Entry] in
            var entries: [Entry] = []
            var lineStart = 0
            var lineNumber = 0
            while lineStart < bytes.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                let line = trimmed(bytes, lineStart..<lineEnd)
                lineStart = lineEnd + 1
                if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
                guard let colon = line.first(where: { bytes[$0] == UInt8(ascii: ":") }) else {
                    throw .malformed(path: path, line: lineNumber, reason: "expected 'name: value'")
                }
                let nameRange = trimmed(bytes, line.lowerBound..<colon)
                let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[nameRange]), as: UTF8.self)
                guard !name.isEmpty else { throw .malformed(path: path, line: lineNumber, reason: "missing name before ':'") }
                entries.append(Entry(line: lineNumber, name: name, value: trimmed(bytes, (colon + 1)..<line.upperBound)))
            }
            return entries
        }
    }

    /// The value of a non-secret entry as text.
    static func text(of entry: Entry, in content: SecureBytes) -> String {
        content.withUnsafeBytes { bytes in
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[entry.value]), as: UTF8.self)
        }
    }

    /// Decodes a secret hex value straight into protected memory.
    static func secretHex(of entry: Entry, in content: SecureBytes, byteCount: Int, path: String) throws(KeyFileError) -> SecureBytes {
        do {
            return try content.withUnsafeBytes { (bytes) throws(CryptoError) in
                try SecureBytes.decodingHex(UnsafeRawBufferPointer(rebasing: bytes[entry.value]), byteCount: byteCount)
            }
        } catch {
            throw .malformed(path: path, line: entry.line, reason: "'\(entry.name)' must be \(byteCount * 2) hexadecimal digits")
        }
    }

    private static func trimmed(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0d }
        while lower < upper && isSpace(bytes[lower]) { lower += 1 }
        while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}
