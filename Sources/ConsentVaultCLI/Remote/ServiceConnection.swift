import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 exchange with the service: connect, send the request, read the whole answer.
enum ServiceConnection {
    /// A response: status, media type and body.
    struct Response {
        let status: Int
        let contentType: String
        let body: Data
    }

    /// The most an answer may be (an export of a member with a long history stays far below it).
    static let maximumResponseBytes = 64 << 20
    /// Seconds the whole answer may take.
    static let timeoutSeconds = 60

    /// Why talking to the service failed, without any request content.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Sends `method target` with `token` and an optional JSON `body`; returns the service's answer.
    static func exchange(_ address: ServerAddress, method: String, target: String, token: String, body: Data?) throws -> Response {
        let descriptor = try connect(address)
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var head = "\(method) \(target) HTTP/1.1\r\nHost: consent-vault\r\nAuthorization: Bearer \(token)\r\nConnection: close\r\n"
        if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        var bytes = Array((head + "\r\n").utf8)
        if let body { bytes += body }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "the service closed the connection while the request was sent") }
            offset += sent
        }
        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        // One deadline for the whole answer: a server sending a byte now and then cannot hold the CLI.
        let deadline = Date().addingTimeInterval(TimeInterval(timeoutSeconds))
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw Failure(description: "no complete answer from the service within \(timeoutSeconds) s") }
            var wait = timeval(tv_sec: Int(remaining), tv_usec: Int((remaining - remaining.rounded(.down)) * 1_000_000) + 1)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw Failure(description: "no complete answer from the service within \(timeoutSeconds) s") }
            if count == 0 { break }
            received.append(contentsOf: chunk[..<count])
            guard received.count <= maximumResponseBytes else { throw Failure(description: "the service's answer is larger than 64 MB") }
        }
        return try parse(received)
    }

    private static func connect(_ address: ServerAddress) throws -> Int32 {
        switch address {
        case .unix(let path):
            var socketAddress = sockaddr_un()
            socketAddress.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            guard bytes.count < MemoryLayout.size(ofValue: socketAddress.sun_path) else { throw Failure(description: "socket path \(path) is too long") }
            withUnsafeMutableBytes(of: &socketAddress.sun_path) { raw in
                for (index, byte) in bytes.enumerated() { raw[index] = byte }
            }
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            let status = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            return try connected(descriptor, status, "unix:\(path)")
        case .tcp(let host, let port):
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = port.bigEndian
            inet_pton(AF_INET, host, &socketAddress.sin_addr)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            let status = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            return try connected(descriptor, status, "http://\(host):\(port)")
        }
    }

    private static func connected(_ descriptor: Int32, _ status: Int32, _ name: String) throws -> Int32 {
        guard descriptor >= 0, status == 0 else {
            let reason = String(cString: strerror(errno))
            if descriptor >= 0 { close(descriptor) }
            throw Failure(description: "cannot reach the service at \(name): \(reason); is 'consent-vault serve' running there?")
        }
        return descriptor
    }

    /// Status line, headers (only Content-Type and Content-Length matter here) and body.
    private static func parse(_ data: Data) throws -> Response {
        let separator = Data("\r\n\r\n".utf8)
        guard let end = data.range(of: separator) else { throw Failure(description: "the service's answer was cut off") }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, statusParts[0] == "HTTP/1.1", let status = Int(statusParts[1]) else {
            throw Failure(description: "the answer is not HTTP/1.1 from consent-vault serve")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = data[end.upperBound...]
        guard let length = Int(headers["content-length"] ?? ""), length == body.count else {
            throw Failure(description: "the service's answer was cut off")
        }
        return Response(status: status, contentType: headers["content-type"] ?? "", body: Data(body))
    }
}
