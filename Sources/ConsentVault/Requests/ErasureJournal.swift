import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The record of erasures, kept outside the vault file (by default next to the key file) so that
/// restoring an old backup of the vault cannot roll it back: opening a vault re-applies every
/// erasure in it. Each line holds an erasure tag (a keyed pseudonym, no personal data), the time
/// and a keyed check value, so lines cannot be forged without the vault's keys.
struct ErasureJournal {
    /// Path of the journal file.
    let path: String
    let key: SecureBytes

    /// Every erasure tag in the journal; throws on a tampered line.
    func tags() throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated().map { index, line in
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count == 3, try check(tag: parts[0], at: parts[1]) == parts[2] else {
                throw StorageError.erasureJournal(path: path, problem: "line \(index + 1) is malformed or fails its check value")
            }
            return parts[0]
        }
    }

    /// Appends an erasure and forces it to disk before the vault erases anything.
    func append(tag: String, at time: String) throws {
        let line = Array("\(tag) \(time) \(try check(tag: tag, at: time))\n".utf8)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StorageError.erasureJournal(path: path, problem: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else { throw StorageError.erasureJournal(path: path, problem: "short write or fsync failed") }
    }

    private func check(tag: String, at time: String) throws -> String {
        KeyFileFormat.hex(try KeyDerivation.keyedHash(Array("journal|\(tag)|\(time)".utf8), key: key, length: 16))
    }
}
