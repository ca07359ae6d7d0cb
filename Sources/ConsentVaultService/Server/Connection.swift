import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Serves one client connection: reads requests with deadlines (a slow client is cut off), answers
/// each through the router, keeps the connection open between requests until the idle timeout.
struct Connection {
    let descriptor: Int32
    let router: Router
    let configuration: ServiceConfiguration
    /// Whether the server is stopping: finish the request in hand, then close.
    let stopping: @Sendable () -> Bool

    /// Serves until the client closes, a deadline passes, a request is malformed, or the server stops.
    func serve() {
        defer { close(descriptor) }
        let parser = RequestParser(limits: configuration.limits)
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while !stopping() {
            // Idle until the first byte of a request, then the whole request within the header timeout.
            let idleDeadline = Date().addingTimeInterval(configuration.idleTimeout)
            var requestDeadline: Date?
            var outcome = RequestParser.Outcome.incomplete
            do {
                outcome = try parser.parse(buffer)
                while case .incomplete = outcome {
                    if !buffer.isEmpty, requestDeadline == nil { requestDeadline = Date().addingTimeInterval(configuration.requestTimeout) }
                    let deadline = requestDeadline ?? idleDeadline
                    guard let count = read(into: &chunk, before: deadline), count > 0 else {
                        if requestDeadline != nil { send(Problem(status: 408, code: "request_timeout", detail: "the request came too slowly").response, keepAlive: false) }
                        return
                    }
                    if requestDeadline == nil { requestDeadline = Date().addingTimeInterval(configuration.requestTimeout) }
                    buffer.append(contentsOf: chunk[..<count])
                    outcome = try parser.parse(buffer)
                }
            } catch {
                send(Problem(error).response, keepAlive: false)
                return
            }
            guard case .request(let request, let consumed) = outcome else { return }
            buffer.removeFirst(consumed)
            let response = router.respond(to: request)
            // A client refused for wrong tokens (401, 429) loses its connection, so guessing cannot hold a slot.
            let keepAlive = request.keepAlive && !stopping() && ![401, 429].contains(response.status)
            guard send(response, keepAlive: keepAlive, withBody: request.method != "HEAD"), keepAlive else { return }
        }
    }

    /// Reads what is available before `deadline`; nil on timeout or error, 0 when the client closed.
    private func read(into chunk: inout [UInt8], before deadline: Date) -> Int? {
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var descriptors = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptors, 1, Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 { return nil }
            if stopping() && ready == 0 { return nil }
            guard ready > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            return count < 0 ? nil : count
        }
    }

    /// Writes `response` whole (a HEAD answer without its body) within the request timeout; false when
    /// the client is gone or does not read, so a client that never reads cannot hold its slot.
    @discardableResult
    private func send(_ response: HTTPResponse, keepAlive: Bool, withBody: Bool = true) -> Bool {
        let bytes = response.encoded(keepAlive: keepAlive, withBody: withBody)
        let deadline = Date().addingTimeInterval(configuration.requestTimeout)
        var offset = 0
        while offset < bytes.count {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return false }
            var descriptors = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&descriptors, 1, Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 { return false }
            guard ready > 0 else { continue }
            let count = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if count <= 0 { return false }
            offset += count
        }
        return true
    }
}
