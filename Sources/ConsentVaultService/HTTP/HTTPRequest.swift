/// One parsed HTTP/1.1 request: what the router and handlers see.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `POST`, `PATCH`, …
    public let method: String
    /// The path without the query, e.g. `/v1/members/123`.
    public let path: String
    /// Query parameters in order (a name may repeat: `field=a&field=b`).
    public let query: [(name: String, value: String)]
    /// Header fields with lowercased names, in order.
    public let headers: [(name: String, value: String)]
    /// The body (empty without `Content-Length`).
    public let body: [UInt8]
    /// Whether the client asked to keep the connection open (HTTP/1.1 default).
    public let keepAlive: Bool

    /// The first value of header `name` (lowercase).
    public func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

    /// Every value of query parameter `name`.
    public func queryValues(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }

    /// Compares every part; tuples are not `Equatable` by themselves.
    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.body == rhs.body && lhs.keepAlive == rhs.keepAlive
            && lhs.query.map { "\($0.name)=\($0.value)" } == rhs.query.map { "\($0.name)=\($0.value)" }
            && lhs.headers.map { "\($0.name):\($0.value)" } == rhs.headers.map { "\($0.name):\($0.value)" }
    }
}

/// Limits the parser enforces; the defaults follow nginx's.
public struct HTTPLimits: Sendable {
    /// Longest request line plus header block, in bytes (431 beyond).
    public var maximumHeaderBytes = 16 * 1024
    /// Largest body, in bytes (413 beyond).
    public var maximumBodyBytes = 1024 * 1024
    /// Most header fields.
    public var maximumHeaderCount = 100

    /// The defaults.
    public init() {}
}

/// Why a request was refused before any handler saw it; each maps to one status.
public enum HTTPParseError: Error, Equatable, Sendable {
    /// Malformed request line, header, or framing (400).
    case badRequest(String)
    /// `Transfer-Encoding` on a request: only `Content-Length` bodies are accepted (411).
    case lengthRequired
    /// The body is larger than the limit (413).
    case bodyTooLarge
    /// The request line and headers are larger than the limit (431).
    case headersTooLarge
    /// Not HTTP/1.x (505).
    case versionNotSupported

    /// The HTTP status for the refusal.
    public var status: Int {
        switch self {
        case .badRequest: return 400
        case .lengthRequired: return 411
        case .bodyTooLarge: return 413
        case .headersTooLarge: return 431
        case .versionNotSupported: return 505
        }
    }
}
