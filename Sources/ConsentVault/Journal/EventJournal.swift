import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The journal of events a restore must not undo (erasures, withdrawals, denials, objections,
/// restrictions, removed values, token revocations), kept outside the vault file, by default next
/// to the key file. Each line is `cv2 <vault id> <number> <time> <event words> <check>`: the check
/// is a keyed hash of everything before it, so no line can be forged, edited, moved to another
/// vault or renumbered without the vault's keys. The vault records how many of its lines it has
/// applied; opening replays the rest and refuses a journal with fewer lines than that.
/// Vaults that share one key file share its journal; each reads only its own lines.
struct EventJournal {
    /// Path of the journal file.
    let path: String
    let key: SecureBytes
    /// The vault whose lines this journal handle reads and writes.
    let vaultID: String

    /// This vault's events in order, and whether a torn last line (a write cut off by a crash or
    /// a full disk, whose operation therefore never committed) was found and cut off.
    struct Contents {
        /// The events, line numbers 1… in order.
        let events: [JournalEvent]
        /// Whether a torn last line was removed from the file.
        let repairedTornLine: Bool
    }

    /// Reads this vault's lines; throws on a line that fails its check, is out of sequence or is not
    /// a journal line. Erasure lines of the first format (`[vault] tag time check`) still count.
    func read() throws -> Contents {
        guard let data = FileManager.default.contents(atPath: path) else { return Contents(events: [], repairedTornLine: false) }
        var bytes = [UInt8](data)
        var repaired = false
        if let last = bytes.last, last != UInt8(ascii: "\n") {
            let keep = (bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
            try truncate(to: keep)
            bytes.removeSubrange(keep...)
            repaired = true
        }
        var events: [JournalEvent] = []
        for (index, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n").enumerated() {
            let words = line.split(separator: " ").map(String.init)
            func refuse(_ problem: String) -> StorageError { .erasureJournal(path: path, problem: "line \(index + 1) \(problem)") }
            if words.first == "cv2" {
                guard words.count >= 7 else { throw refuse("is malformed") }
                guard words[1] == vaultID else { continue }
                guard try check(words.dropLast()) == words.last else { throw refuse("fails its check value (edited or forged)") }
                guard words[2] == String(events.count + 1) else { throw refuse("is out of sequence (a line was removed or reordered)") }
                guard let event = JournalEvent(words: Array(words[4..<(words.count - 1)])) else { throw refuse("names an unknown event") }
                events.append(event)
            } else {
                var parts = words
                if parts.count == 4 {
                    guard parts.removeFirst() == vaultID else { continue }
                }
                guard parts.count == 3, try legacyCheck(tag: parts[0], at: parts[1]) == parts[2] else {
                    throw refuse("is malformed or fails its check value")
                }
                events.append(.erase(tag: parts[0]))
            }
        }
        return Contents(events: events, repairedTornLine: repaired)
    }

    /// Appends `event` as line `number` and forces it to disk. The line is written whole or not
    /// at all: a short write is cut off again before the error is thrown.
    func append(_ event: JournalEvent, number: Int, at time: String) throws {
        let words = ["cv2", vaultID, String(number), time] + event.words
        let line = Array((words + [try check(words[...])]).joined(separator: " ").utf8) + [UInt8(ascii: "\n")]
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw StorageError.erasureJournal(path: path, problem: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let before = lseek(descriptor, 0, SEEK_END)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            if before >= 0 { _ = ftruncate(descriptor, before) }
            throw StorageError.erasureJournal(path: path, problem: "the line could not be written whole (disk full?); nothing was changed")
        }
    }

    private func truncate(to length: Int) throws {
        guard Glibc.truncate(path, off_t(length)) == 0 else {
            throw StorageError.erasureJournal(path: path, problem: "a torn last line could not be cut off: \(String(cString: strerror(errno)))")
        }
    }

    /// The check value of a line's words: keyed by this vault's erasure key.
    private func check(_ words: ArraySlice<String>) throws -> String {
        Hex.encode(try KeyDerivation.keyedHash(Array(("journal2|" + words.joined(separator: " ")).utf8), key: key, length: 16))
    }

    /// The check value of a first-format erasure line.
    private func legacyCheck(tag: String, at time: String) throws -> String {
        Hex.encode(try KeyDerivation.keyedHash(Array("journal|\(tag)|\(time)".utf8), key: key, length: 16))
    }
}
