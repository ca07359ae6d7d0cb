import ConsentVault
import Foundation

/// Reading a request's JSON body strictly: an object, UTF-8, no key given twice.
enum JSONBody {
    /// The body as a JSON object with no members but `allowed` (a misspelt `consent` must not be
    /// dropped silently), or a 400/415/422 problem saying what is wrong.
    static func object(_ request: HTTPRequest, allowing allowed: Set<String>) throws -> [String: Any] {
        let object = try object(request)
        try check(object, allowing: allowed, in: "the body")
        return object
    }

    /// Throws 422 `unknown_member` when `object` has a member not in `allowed`, naming it only when
    /// it is a plain identifier (a key may be anything a client sent, personal data included).
    static func check(_ object: [String: Any], allowing allowed: Set<String>, in place: String) throws {
        guard let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) else { return }
        let isPlain = unknown.count <= 32 && unknown.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }
        let named = isPlain ? "'\(unknown)'" : "a member of \(unknown.count) characters"
        throw Problem(status: 422, code: "unknown_member",
                      detail: "\(named) is not part of \(place); it takes: " + allowed.sorted().joined(separator: ", "))
    }

    /// The body as a JSON object, or a 400/415 problem saying what is wrong.
    private static func object(_ request: HTTPRequest) throws -> [String: Any] {
        let mediaType = (request.header("content-type") ?? "").lowercased().split(separator: ";").map { $0.filter { $0 != " " && $0 != "\t" } }
        guard mediaType.first == "application/json", mediaType.dropFirst().allSatisfy({ ["charset=utf-8", "charset=\"utf-8\""].contains($0) }) else {
            throw Problem(status: 415, code: "unsupported_media_type", detail: "send the body as application/json (UTF-8)")
        }
        guard let text = String(validating: request.body, as: UTF8.self) else {
            throw Problem(status: 400, code: "malformed_json", detail: "the body is not valid UTF-8")
        }
        if StrictJSON.duplicateKey(in: text) != nil { throw Problem(status: 400, code: "malformed_json", detail: "a key is given twice in one object") }
        if let lax = StrictJSON.laxSyntax(in: text) { throw Problem(status: 400, code: "malformed_json", detail: "not strict JSON: \(lax)") }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] else {
            throw Problem(status: 400, code: "malformed_json", detail: "the body is not a JSON object")
        }
        return object
    }

    /// A required string member of `object`.
    static func string(_ object: [String: Any], _ key: String) throws -> String {
        guard let value = object[key], !(value is NSNull) else { throw Problem(status: 422, code: "missing_member", detail: "'\(key)' is required") }
        guard let text = value as? String else { throw Problem(status: 422, code: "invalid_member", detail: "'\(key)' must be a string") }
        return text
    }

    /// An optional string member of `object` (absent or null is nil; another type is refused).
    static func optionalString(_ object: [String: Any], _ key: String) throws -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw Problem(status: 422, code: "invalid_member", detail: "'\(key)' must be a string") }
        return text
    }

    /// The `channel` member as a `Channel`.
    static func channel(_ object: [String: Any]) throws -> Channel {
        guard let channel = Channel(rawValue: try string(object, "channel")) else {
            throw Self.invalidChannel
        }
        return channel
    }

    /// The problem for a `channel` the vault does not know, listing the ones it does.
    static let invalidChannel = Problem(status: 422, code: "invalid_channel",
                                        detail: "'channel' must be one of: " + Channel.allCases.map(\.rawValue).joined(separator: ", "))

    /// A `{"name": "value", …}` member as field inputs, in name order.
    static func fields(_ object: [String: Any], _ key: String) throws -> [FieldInput] {
        guard let value = object[key], !(value is NSNull) else { throw Problem(status: 422, code: "missing_member", detail: "'\(key)' is required") }
        guard let fields = value as? [String: Any] else { throw Problem(status: 422, code: "invalid_member", detail: "'\(key)' must be an object") }
        return try fields.keys.sorted().map { name in
            guard let value = fields[name] as? String else {
                throw Problem(status: 422, code: "invalid_member", detail: "every value of '\(key)' must be a string")
            }
            return FieldInput(name, value)
        }
    }
}

extension HTTPRequest {
    /// The value of query parameter `name` when it is given at most once; twice is a 422 (two readers could pick two values).
    func singleQueryValue(_ name: String) throws -> String? {
        let values = queryValues(name)
        guard values.count <= 1 else {
            throw Problem(status: 422, code: "invalid_parameter", detail: "'\(name)' is given more than once")
        }
        return values.first
    }
}
