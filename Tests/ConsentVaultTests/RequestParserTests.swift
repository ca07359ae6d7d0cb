import ConsentVaultService
import Foundation
import Testing

@Suite("HTTP request parser: strict RFC 9112, incremental, limits")
struct RequestParserTests {
    private let parser = RequestParser()

    @Test("a request arriving byte by byte is incomplete until its last byte, then whole; pipelined requests are parsed one by one")
    func incremental() throws {
        let raw = Array("POST /v1/members/x-y?purpose=a+b%26c&field=e HTTP/1.1\r\nHost: v\r\nContent-Length: 2\r\n\r\n{}GET /v1/health HTTP/1.1\r\nHost: v\r\n\r\n".utf8)
        let firstEnd = raw.count - "GET /v1/health HTTP/1.1\r\nHost: v\r\n\r\n".utf8.count
        for length in 0..<firstEnd { #expect(try parser.parse(Array(raw[..<length])) == .incomplete, "at \(length)") }
        guard case .request(let request, let consumed) = try parser.parse(raw) else { Issue.record("no request"); return }
        #expect(consumed == firstEnd && request.method == "POST" && request.path == "/v1/members/x-y" && request.body == Array("{}".utf8))
        #expect(request.queryValues("purpose") == ["a b&c"] && request.queryValues("field") == ["e"] && request.keepAlive)
        guard case .request(let second, _) = try parser.parse(Array(raw[consumed...])) else { Issue.record("no second request"); return }
        #expect(second.path == "/v1/health")
    }

    @Test("refusals map to their statuses", arguments: [
        ("GET / HTTP/1.1\r\nHost: v\r\nTransfer-Encoding: chunked\r\n\r\n", 411),
        ("GET / HTTP/1.1\r\nHost: v\r\nContent-Length: 1048577\r\n\r\n", 413),
        ("GET / HTTP/1.1\r\nHost: v\r\nContent-Length: -1\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: v\r\nContent-Length: 1, 1\r\n\r\nx", 400),
        ("GET / HTTP/1.1\r\nHost : v\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: v\u{0}\r\n\r\n", 400),
        ("GET http://evil/ HTTP/1.1\r\nHost: v\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n\r\n", 400),
        ("GET / HTTP/3\r\nHost: v\r\n\r\n", 505),
        ("GET / HTTP/1.1\r\nHost: v\r\nHost: w\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: v\r\nAuthorization: Bearer a\r\nAuthorization: Bearer b\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: v\r\nIdempotency-Key: a\r\nIdempotency-Key: b\r\n\r\n", 400),
        ("GET /v1/%74okens HTTP/1.1\r\nHost: v\r\n\r\n", 400),
        ("GET /v1/health#x HTTP/1.1\r\nHost: v\r\n\r\n", 400),
        ("GET / HTTP/1.1\nHost: v\n", 400),
    ])
    func refusals(raw: String, status: Int) {
        #expect(throws: HTTPParseError.self) { _ = try parser.parse(Array(raw.utf8)) }
        do { _ = try parser.parse(Array(raw.utf8)) } catch { #expect(error.status == status, "\(raw.debugDescription)") }
    }

    @Test("a header block over 16 KB is refused before it ends")
    func headerLimit() {
        let raw = Array(("GET / HTTP/1.1\r\nHost: v\r\nX: " + String(repeating: "a", count: 17_000)).utf8)
        #expect(throws: HTTPParseError.headersTooLarge) { _ = try parser.parse(raw) }
    }

    @Test("Connection is a list: close anywhere in it closes; HTTP/1.0 keeps alive only when asked")
    func connectionOptions() throws {
        func keepAlive(_ raw: String) throws -> Bool? {
            guard case .request(let request, _) = try parser.parse(Array(raw.utf8)) else { return nil }
            return request.keepAlive
        }
        #expect(try keepAlive("GET / HTTP/1.1\r\nHost: v\r\nConnection: keep-alive, close\r\n\r\n") == false)
        #expect(try keepAlive("GET / HTTP/1.1\r\nHost: v\r\nConnection: Upgrade\r\n\r\n") == true)
        #expect(try keepAlive("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") == true)
        #expect(try keepAlive("GET / HTTP/1.0\r\n\r\n") == false)
    }
}
