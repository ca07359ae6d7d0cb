import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The record of erasures, kept outside the vault file (by default next to the key file) so that
/// restoring an old backup of the vault cannot roll it back: opening a vault re-applies every
/// erasure in it. Each line holds the vault id, an erasure tag (a keyed pseudonym, no personal
/// data), the time and a keyed check value, so lines cannot be forged without the vault's keys.
/// Vaults that share one key file share its journal; each reads only its own lines.
struct ErasureJournal {
    /// Path of the journal file.
    let path: String
    let key: SecureBytes
    /// The vault whose lines this journal handle reads and writes.
    let vaultID: String

    /// Every erasure tag of this vault in the journal; throws on a tampered line of this vault
    /// and on a line that is not a journal line at all. Lines of other vaults are skipped (their
    /// own vault checks them). Lines without a vault id (written before vault ids were added)
    /// must check under this vault's key.
    func tags() throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var tags: [String] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            var parts = line.split(separator: " ").map(String.init)
            if parts.count == 4 {
                guard parts.removeFirst() == vaultID else { continue }
            }
            guard parts.count == 3, try check(tag: parts[0], at: parts[1]) == parts[2] else {
                throw StorageError.erasureJournal(path: path, problem: "line \(index + 1) is malformed or fails its check value")
            }
            tags.append(parts[0])
        }
        return tags
    }

    /// Appends an erasure and forces it to disk before the vault erases anything.
    func append(tag: String, at time: String) throws {
        let line = Array("\(vaultID) \(tag) \(time) \(try check(tag: tag, at: time))\n".utf8)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StorageError.erasureJournal(path: path, problem: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else { throw StorageError.erasureJournal(path: path, problem: "short write or fsync failed") }
    }

    /// The check value; keyed by this vault's erasure key, so it also binds the line to the vault.
    private func check(tag: String, at time: String) throws -> String {
        Hex.encode(try KeyDerivation.keyedHash(Array("journal|\(tag)|\(time)".utf8), key: key, length: 16))
    }
}
