/// Parses one HTTP/1.1 request from bytes, strictly (RFC 9112): it refuses obs-fold, bare CR or LF, a
/// `Transfer-Encoding` on a request, duplicate or malformed `Content-Length`, a repeated `Host`,
/// `Authorization`, `Content-Type`, `Connection` or `Idempotency-Key`, control characters in fields,
/// percent-escapes or a fragment in the path, and anything over its limits. Pure and incremental: feed it the bytes read so far.
public struct RequestParser: Sendable {
    /// The limits enforced.
    public let limits: HTTPLimits

    /// A parser with `limits`.
    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// What the bytes so far hold.
    public enum Outcome: Equatable, Sendable {
        /// Not a whole request yet; read more.
        case incomplete
        /// A whole request, and how many bytes of the input it used.
        case request(HTTPRequest, consumed: Int)
    }

    /// Parses the start of `bytes`; throws as soon as the bytes can no longer become a valid request.
    public func parse(_ bytes: [UInt8]) throws(HTTPParseError) -> Outcome {
        guard let headerEnd = Self.find([13, 10, 13, 10], in: bytes, limit: limits.maximumHeaderBytes + 4) else {
            if bytes.count > limits.maximumHeaderBytes { throw .headersTooLarge }
            try Self.refuseBareCROrLF(bytes)
            return .incomplete
        }
        guard headerEnd <= limits.maximumHeaderBytes else { throw .headersTooLarge }
        let head = Array(bytes[..<headerEnd])
        try Self.refuseBareCROrLF(head)
        var lines = Self.split(head)
        let requestLine = lines.removeFirst()
        let parts = requestLine.split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(Self.isTokenByte), !parts[1].isEmpty else {
            throw .badRequest("malformed request line")
        }
        guard parts[2].elementsEqual(Array("HTTP/1.1".utf8)) || parts[2].elementsEqual(Array("HTTP/1.0".utf8)) else {
            throw .versionNotSupported
        }
        let isHTTP11 = parts[2].elementsEqual(Array("HTTP/1.1".utf8))
        guard lines.count <= limits.maximumHeaderCount else { throw .headersTooLarge }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let first = line.first, first != 32, first != 9 else { throw .badRequest("obsolete line folding") }
            guard let colon = line.firstIndex(of: 58), colon > line.startIndex else { throw .badRequest("header without a name") }
            let name = line[..<colon]
            guard name.allSatisfy(Self.isTokenByte) else { throw .badRequest("invalid header name") }
            let value = line[(colon + 1)...].drop { $0 == 32 || $0 == 9 }.reversed().drop { $0 == 32 || $0 == 9 }.reversed()
            guard value.allSatisfy({ $0 == 9 || ($0 >= 32 && $0 != 127) }) else { throw .badRequest("control character in a header") }
            headers.append((String(decoding: name, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self)))
        }
        if headers.contains(where: { $0.name == "transfer-encoding" }) { throw .lengthRequired }
        if isHTTP11 && !headers.contains(where: { $0.name == "host" }) { throw .badRequest("missing Host header") }
        for name in Self.singletonHeaders where headers.filter({ $0.name == name }).count > 1 { throw .badRequest("more than one \(name) header") }
        let lengths = headers.filter { $0.name == "content-length" }
        guard lengths.count <= 1 else { throw .badRequest("more than one Content-Length") }
        var bodyLength = 0
        if let text = lengths.first?.value {
            guard !text.isEmpty, text.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }), let length = Int(text) else {
                throw .badRequest("invalid Content-Length")
            }
            guard length <= limits.maximumBodyBytes else { throw .bodyTooLarge }
            bodyLength = length
        }
        let bodyStart = headerEnd + 4
        guard bytes.count >= bodyStart + bodyLength else { return .incomplete }
        let options = (headers.first { $0.name == "connection" }?.value.lowercased() ?? "").split(separator: ",")
            .map { $0.filter { $0 != " " && $0 != "\t" } }
        let keepAlive = !options.contains("close") && (isHTTP11 || options.contains("keep-alive"))
        let (path, query) = try Self.target(parts[1])
        let request = HTTPRequest(method: String(decoding: parts[0], as: UTF8.self), path: path, query: query, headers: headers,
                                  body: Array(bytes[bodyStart..<(bodyStart + bodyLength)]), keepAlive: keepAlive)
        return .request(request, consumed: bodyStart + bodyLength)
    }

    /// Headers a request may carry at most once: two could mean two things to two readers.
    private static let singletonHeaders = ["host", "authorization", "content-type", "connection", "idempotency-key"]

    /// Splits an origin-form target into its path (taken as written: no route or id needs an escape,
    /// and decoding would let `/v1/%74okens` pass a proxy's rule for `/v1/tokens`) and decoded query.
    private static func target(_ raw: ArraySlice<UInt8>) throws(HTTPParseError) -> (String, [(name: String, value: String)]) {
        guard raw.first == 47, raw.allSatisfy({ $0 > 32 && $0 < 127 && $0 != 35 }) else { throw .badRequest("the target must be a path") }
        let question = raw.firstIndex(of: 63)
        let rawPath = raw[..<(question ?? raw.endIndex)]
        guard !rawPath.contains(37) else { throw .badRequest("percent-escapes in the path") }
        let path = String(decoding: rawPath, as: UTF8.self)
        var query: [(name: String, value: String)] = []
        if let question {
            for pair in raw[(question + 1)...].split(separator: 38) {
                let equals = pair.firstIndex(of: 61)
                guard let name = decode(pair[..<(equals ?? pair.endIndex)]),
                      let value = decode(equals.map { pair[($0 + 1)...] } ?? []) else {
                    throw .badRequest("malformed query")
                }
                query.append((name, value))
            }
        }
        return (path, query)
    }

    /// Percent-decodes a query name or value (`+` is a space) to UTF-8; nil for a bad escape or invalid UTF-8.
    private static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 37 {
                guard index + 2 < bytes.endIndex, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte == 43 ? 32 : byte)
                index += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hex(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 48...57: return digit - 48
        case 65...70: return digit - 55
        case 97...102: return digit - 87
        default: return nil
        }
    }

    /// `tchar` of RFC 9110.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122: return true
        default: return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    /// A CR not followed by LF, or an LF without its CR, is refused at once (RFC 9112 §2.2), not left
    /// to wait for a CRLF CRLF that never comes.
    private static func refuseBareCROrLF(_ bytes: [UInt8]) throws(HTTPParseError) {
        for index in bytes.indices {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] != 10 { throw .badRequest("bare CR") }
            if bytes[index] == 10, index == 0 || bytes[index - 1] != 13 { throw .badRequest("bare LF") }
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], limit: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        let last = min(bytes.count - needle.count, limit)
        var index = 0
        while index <= last {
            if bytes[index] == needle[0], bytes[index + 1] == needle[1], bytes[index + 2] == needle[2], bytes[index + 3] == needle[3] { return index }
            index += 1
        }
        return nil
    }

    private static func split(_ head: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index + 1 < head.count {
            if head[index] == 13 && head[index + 1] == 10 {
                lines.append(head[start..<index])
                start = index + 2
                index += 2
            } else {
                index += 1
            }
        }
        lines.append(head[start...])
        return lines
    }
}
