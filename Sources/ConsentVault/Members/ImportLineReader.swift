import Foundation

/// Reads the lines of an import file through one fixed buffer, so a file of any size streams in
/// bounded memory: a line longer than `maximumLineBytes` comes back cut just past that length (the
/// importer refuses it by its length) and the rest of it is skipped, never held. `member import
/// FILE` and the benchmark's import both read through it.
public final class ImportLineReader {
    /// Longest line handed on whole, in bytes (a member's line is a few hundred).
    public static let maximumLineBytes = 1 << 20

    private let file: OpaquePointer
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var position = 0, filled = 0
    private var atEnd = false
    /// Bytes of the file consumed so far.
    public private(set) var bytesRead = 0

    /// A reader of the open file `descriptor` from its current position; the reader closes it. Nil when it cannot be read.
    public init?(descriptor: Int32) {
        guard let file = fdopen(descriptor, "r") else { return nil }
        self.file = OpaquePointer(file)
    }

    deinit { fclose(UnsafeMutablePointer(file)) }

    /// The next line without its line break (`\n` or `\r\n`), or nil at the end of the file.
    public func next() -> String? {
        var line: [UInt8] = []
        var readAny = false
        while true {
            if position == filled {
                guard !atEnd, refill() else { break }
            }
            readAny = true
            let available = chunk[position..<filled]
            let newline = available.firstIndex(of: 0x0A)
            let end = newline ?? filled
            let room = Self.maximumLineBytes + 1 - line.count
            if room > 0 { line.append(contentsOf: chunk[position..<min(end, position + room)]) }
            bytesRead += (newline.map { $0 + 1 } ?? filled) - position
            position = newline.map { $0 + 1 } ?? filled
            if newline != nil { break }
        }
        guard readAny else { return nil }
        if line.last == 0x0D { line.removeLast() }
        // Decoded by length, so a NUL byte inside a line cannot cut it short unnoticed.
        return String(decoding: line, as: UTF8.self)
    }

    /// Reads the next chunk of the file; false at its end.
    private func refill() -> Bool {
        let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, UnsafeMutablePointer(file)) }
        position = 0
        filled = count
        if count == 0 { atEnd = true }
        return count > 0
    }
}
