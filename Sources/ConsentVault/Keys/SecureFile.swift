import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads and writes files that hold secrets: the whole content goes straight into protected
/// memory, permissions are checked before a byte is read, and writes are atomic with mode 0600.
enum SecureFile {
    /// Largest key file accepted; a real one is well under a kilobyte.
    static let maximumSize = 64 * 1024

    /// Reads `path` into protected memory after checking it is a private regular file.
    static func read(_ path: String) throws(KeyFileError) -> SecureBytes {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
        guard status.st_mode & 0o077 == 0 else {
            throw .permissionsTooOpen(path: path, mode: String(format: "%04o", status.st_mode & 0o777))
        }
        let size = Int(status.st_size)
        guard size <= maximumSize else { throw .unreadable(path: path, reason: "larger than \(maximumSize) bytes") }
        let content: SecureBytes
        do { content = try SecureBytes(count: size) } catch { throw .unreadable(path: path, reason: error.description) }
        let readCount = content.withUnsafeMutableBytes { buffer in
            var total = 0
            while total < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + total, size - total)
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { break }
                total += got
            }
            return total
        }
        guard readCount == size else { throw .unreadable(path: path, reason: "short read") }
        return content
    }

    /// Atomically writes `pieces` to `path` with mode 0600 (temporary file, fsync, rename).
    /// With `replacing: false` an existing file is never touched.
    static func write(_ pieces: [SecretText], to path: String, replacing: Bool) throws(KeyFileError) {
        if !replacing, FileManager.default.fileExists(atPath: path) { throw .alreadyExists(path: path) }
        let temporaryPath = path + ".tmp-\(getpid())"
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        var written = true
        for piece in pieces where written {
            written = piece.withUnsafeBytes { bytes in writeAll(descriptor, bytes) }
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written, synced else {
            unlink(temporaryPath)
            throw .writeFailed(path: path, reason: "write or fsync failed")
        }
        if !replacing, link(temporaryPath, path) != 0 {
            let reason = errno == EEXIST ? nil : String(cString: strerror(errno))
            unlink(temporaryPath)
            if let reason { throw .writeFailed(path: path, reason: reason) }
            throw .alreadyExists(path: path)
        }
        if !replacing {
            unlink(temporaryPath)
        } else if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw .writeFailed(path: path, reason: reason)
        }
        try syncFolder(of: path)
    }

    /// Forces the folder entry of a renamed or linked file to disk, so a power cut cannot undo it.
    private static func syncFolder(of path: String) throws(KeyFileError) {
        let descriptor = open(PrivateFiles.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: "cannot open its folder: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .writeFailed(path: path, reason: "fsync of its folder failed") }
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            offset += count
        }
        return true
    }
}

/// A piece of a file being written: public text, or secret bytes that never become a `String`.
enum SecretText {
    /// Text that may appear anywhere (labels, ids, ciphertext in hex).
    case plain(String)
    /// Secret bytes, written as they are.
    case secret(SecureBytes)

    /// Gives the bytes of the piece for the duration of `body`.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        switch self {
        case .plain(let text): return Array(text.utf8).withUnsafeBytes(body)
        case .secret(let bytes): return bytes.withUnsafeBytes(body)
        }
    }
}
