import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw HTTP/1.1 client over a Unix socket, for driving the service with exactly the bytes a test
/// wants (well-formed or not).
final class ServiceClient: @unchecked Sendable {
    let descriptor: Int32

    /// Connects to the socket at `path`.
    init(socket path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        try Self.connect(descriptor) { [descriptor] in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
        }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Connects to TCP `127.0.0.1:port`.
    init(loopbackPort port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        try Self.connect(descriptor) { [descriptor] in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    /// Runs `attempt` (a `connect`) until it succeeds. A blocking connect to a Unix socket whose backlog
    /// is full waits, and a signal (SIGCHLD from the many processes tests start) ends that wait with
    /// EINTR; on a loaded machine that is normal, so it is retried for up to 30 s. Any other failure
    /// closes the descriptor and throws the errno.
    private static func connect(_ descriptor: Int32, _ attempt: () -> Int32) throws {
        let deadline = Date().addingTimeInterval(30)
        while attempt() != 0 {
            let code = errno
            if code == EISCONN { return }
            guard [EINTR, EAGAIN, EALREADY].contains(code), Date() < deadline else {
                close(descriptor)
                throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
            }
            usleep(10_000)
        }
    }

    /// Sends raw bytes.
    func send(_ text: String) { send(Array(text.utf8)) }

    /// Sends raw bytes.
    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Sends `text` again and again without ever reading, for `seconds`, never blocking; the bytes it got out.
    func flood(_ text: String, for seconds: Double) -> Int {
        let bytes = Array(text.utf8)
        var sent = 0
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            let count = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
            if count > 0 { sent += count } else { usleep(20_000) }
        }
        return sent
    }

    /// A parsed response.
    struct Response {
        let status: Int
        let headers: [String: String]
        let body: [String: Any]
    }

    /// Bytes read past the last response (pipelined answers).
    private var pending: [UInt8] = []

    /// Reads one response (Content-Length framed, no body after HEAD); nil if the connection closed first.
    func receive(toHead: Bool = false) -> Response? {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let end = pending.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: pending[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
                var headers: [String: String] = [:]
                for line in head.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                let length = toHead ? 0 : Int(headers["content-length"] ?? "0") ?? 0
                if pending.count >= end.upperBound + length {
                    let status = Int(head[0].split(separator: " ")[1]) ?? 0
                    let body = (try? JSONSerialization.jsonObject(with: Data(pending[end.upperBound..<(end.upperBound + length)]))) as? [String: Any] ?? [:]
                    pending.removeFirst(end.upperBound + length)
                    return Response(status: status, headers: headers, body: body)
                }
            }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            pending.append(contentsOf: chunk[..<count])
        }
    }

    /// Sends a request with a JSON body (or none) and reads the answer.
    func request(_ method: String, _ target: String, token: String? = nil, json: String? = nil,
                 headers extra: [String] = []) -> Response? {
        var lines = ["\(method) \(target) HTTP/1.1", "Host: vault"]
        if let token { lines.append("Authorization: Bearer \(token)") }
        if let json { lines += ["Content-Type: application/json", "Content-Length: \(json.utf8.count)"] }
        lines += extra
        send(lines.joined(separator: "\r\n") + "\r\n\r\n" + (json ?? ""))
        return receive()
    }

    /// Whether the server closed the connection (reads end of stream within `seconds`).
    func isClosed(within seconds: Int) -> Bool {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var byte: UInt8 = 0
        while true {
            let count = recv(descriptor, &byte, 1, 0)
            if count == 0 { return true }
            if count < 0 { return false }
        }
    }
}
