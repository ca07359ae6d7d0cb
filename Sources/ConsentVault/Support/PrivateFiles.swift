import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files the vault writes beside itself (the vault file, backups, exports): created new with mode
/// 0600 (folders 0700), never through a symbolic link, never over an existing file.
package enum PrivateFiles {
    /// The folder of `path`: the part before its last `/` (`/` itself for a file at the root), `.`
    /// for a bare name. (Foundation's `deletingLastPathComponent` traps on a one-letter name.)
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Refuses a path that is a symbolic link: a vault is opened only where it really is, so a link
    /// cannot redirect its writes.
    static func refuseSymbolicLink(_ path: String) throws(StorageError) {
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK { throw .symbolicLink(path: path) }
    }

    /// Creates an empty file at `path` with mode 0600; refuses an existing path or a symlink.
    static func createEmpty(_ path: String) throws(StorageError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw .fileExists(path: path) }
            throw .fileWrite(path: path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }

    /// Writes `data` to a new file at `path` (mode 0600) and forces it to disk.
    static func write(_ data: Data, to path: String) throws(StorageError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .fileWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var offset = 0
        let complete = data.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return fsync(descriptor) == 0
        }
        guard complete else { throw .fileWrite(path: path, reason: "the disk refused the write (full?)") }
    }

    /// Makes `path` an empty folder with mode 0700: creates it, or takes an existing empty one
    /// and tightens its mode. Refuses a symbolic link, a file, and a folder with anything in it.
    static func prepareFolder(_ path: String) throws(StorageError) {
        var status = stat()
        if lstat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw .fileExists(path: path) }
            guard ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]).isEmpty else {
                throw .exportFolderNotEmpty(path: path)
            }
            guard chmod(path, 0o700) == 0 else { throw .fileWrite(path: path, reason: String(cString: strerror(errno))) }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .fileWrite(path: path, reason: "the folder could not be created")
        }
    }
}
