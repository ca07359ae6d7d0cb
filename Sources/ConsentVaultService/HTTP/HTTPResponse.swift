public import Foundation

/// A response ready to send: status, headers and body.
public struct HTTPResponse: Sendable {
    /// The status code.
    public let status: Int
    /// Headers besides `Content-Length`, `Connection` and `Date`, which the encoder adds.
    public var headers: [(name: String, value: String)]
    private var content: Content

    /// What the body is made of: bytes, or a JSON object serialized only when the response is sent,
    /// on the connection's thread, so a group commit does not spend its time writing JSON.
    private enum Content: @unchecked Sendable {
        case bytes([UInt8])
        /// A tree of dictionaries, arrays, strings and numbers, built by a handler and never changed after.
        case json(Any)
    }

    /// A response with these parts.
    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        content = .bytes(body)
    }

    /// The body's bytes.
    public var body: [UInt8] {
        switch content {
        case .bytes(let bytes): return bytes
        case .json(let object):
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            return Array(data)
        }
    }

    /// A response with `body` as JSON (`object` serialized with sorted keys when it is sent).
    public static func json(_ status: Int, _ object: Any) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: [])
        response.content = .json(object)
        return response
    }

    /// The bytes on the wire: status line, headers, a blank line, the body (left out for HEAD).
    func encoded(keepAlive: Bool, withBody: Bool = true) -> [UInt8] {
        let body = self.body
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\nCache-Control: no-store\r\n\r\n"
        return Array(head.utf8) + (withBody ? body : [])
    }

    /// The reason phrase of the statuses this service sends.
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 409: return "Conflict"
        case 411: return "Length Required"
        case 413: return "Content Too Large"
        case 415: return "Unsupported Media Type"
        case 422: return "Unprocessable Content"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        case 505: return "HTTP Version Not Supported"
        default: return "Status"
        }
    }
}
