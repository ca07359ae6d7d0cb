import ConsentVault
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A listening socket: a Unix domain socket (mode 0660, never in a world-writable folder) or a TCP
/// port on 127.0.0.1.
struct Listener {
    /// The listening descriptor.
    let descriptor: Int32
    /// Where it listens, for the start-up line (`unix:/path` or `http://127.0.0.1:PORT`).
    let address: String

    /// Why a listener could not be set up.
    struct SetupError: VaultError {
        /// What went wrong, naming the path or port.
        let description: String
        /// Stable machine-readable name of the failure.
        var code: String { "listener_setup" }
    }

    /// Listens on the Unix socket at `path`. A stale socket file (no server answers on it) is
    /// replaced; a live one, or any other file, is not.
    static func unix(path: String) throws -> Listener {
        var folderStatus = stat()
        guard stat(PrivateFiles.folder(of: path), &folderStatus) == 0 else {
            throw SetupError(description: "the folder of \(path) does not exist")
        }
        guard folderStatus.st_mode & 0o002 == 0 else {
            throw SetupError(description: "the folder of \(path) is world-writable; anyone could replace the socket")
        }
        var existing = stat()
        if lstat(path, &existing) == 0 {
            guard existing.st_mode & S_IFMT == S_IFSOCK else { throw SetupError(description: "\(path) exists and is not a socket") }
            guard !(try answers(at: path)) else { throw SetupError(description: "another server is listening on \(path); stop it first") }
            unlink(path)
        }
        var address = try socketAddress(path)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SetupError(description: "cannot create a socket: \(String(cString: strerror(errno)))") }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, chmod(path, 0o660) == 0, listen(descriptor, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw SetupError(description: "cannot listen on \(path): \(reason)")
        }
        return Listener(descriptor: descriptor, address: "unix:\(path)")
    }

    /// The address of the Unix socket at `path`.
    private static func socketAddress(_ path: String) throws -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw SetupError(description: "socket path \(path) is too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
            raw[bytes.count] = 0
        }
        return address
    }

    /// Whether a server accepts connections on the Unix socket at `path`.
    private static func answers(at path: String) throws -> Bool {
        var address = try socketAddress(path)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        } == 0
    }

    /// Listens on TCP `host:port`, `host` an IPv4 address (0 picks a free port).
    static func tcp(host: String, port: UInt16) throws -> Listener {
        var hostAddress = in_addr()
        guard inet_pton(AF_INET, host, &hostAddress) == 1 else { throw SetupError(description: "\(host) is not an IPv4 address") }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SetupError(description: "cannot create a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr = hostAddress
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw SetupError(description: "cannot listen on \(host):\(port): \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        return Listener(descriptor: descriptor, address: "http://\(host):\(UInt16(bigEndian: actual.sin_port))")
    }
}
