import Foundation

/// Reads the lines of an import file with `getline` into one reused buffer, so a file of any size
/// streams in constant memory: `vault import FILE` and the benchmark's import both read through it.
public final class ImportLineReader {
    private let file: OpaquePointer
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0

    /// A reader of the open file `descriptor` from its current position; the reader closes it. Nil when it cannot be read.
    public init?(descriptor: Int32) {
        guard let file = fdopen(descriptor, "r") else { return nil }
        self.file = OpaquePointer(file)
    }

    deinit {
        free(buffer)
        fclose(UnsafeMutablePointer(file))
    }

    /// The next line without its line break (`\n` or `\r\n`), or nil at the end of the file.
    public func next() -> String? {
        var length = getline(&buffer, &capacity, UnsafeMutablePointer(file))
        guard length >= 0, let buffer else { return nil }
        while length > 0, buffer[length - 1] == 0x0A || buffer[length - 1] == 0x0D { length -= 1 }
        // Decoded by length, so a NUL byte inside a line cannot cut it short unnoticed.
        return String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
    }

    /// Bytes of the file read so far.
    public var bytesRead: Int { ftell(UnsafeMutablePointer(file)) }
}
