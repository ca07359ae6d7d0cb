import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a key file, held while a rotation or retirement rewrites it: an advisory
/// `flock` on `<key file>.lock` (mode 0600), released when the holder is gone, even by SIGKILL. A
/// second rotation is refused at once rather than queued behind a long one.
final class KeyFileLock {
    private let descriptor: Int32

    /// Takes the lock for the key file at `keyFilePath`, or throws `rotationInProgress`.
    init(keyFilePath: String) throws(KeyFileError) {
        let lockPath = keyFilePath + ".lock"
        let opened = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard opened >= 0 else { throw .writeFailed(path: lockPath, reason: String(cString: strerror(errno))) }
        guard flock(opened, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(opened)
            if busy { throw .rotationInProgress(path: keyFilePath) }
            throw .writeFailed(path: lockPath, reason: reason)
        }
        descriptor = opened
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
