import ConsentVault
import Foundation

/// Routes `(method, path)` to a handler and answers every request, errors included, as JSON.
/// Every route but `GET /v1/health` needs `Authorization: Bearer <token>`: the token's principal
/// and role decide, exactly as in the CLI; there is no administrator over the wire.
struct Router: Sendable {
    let queue: VaultQueue
    let idempotency: IdempotencyStore

    /// A handler: works on the vault, under the lock, as the caller.
    typealias Handler = @Sendable (Vault, Principal) throws -> HTTPResponse

    /// The answer to `request`.
    func respond(to request: HTTPRequest) -> HTTPResponse {
        do {
            return try route(request)
        } catch {
            return Problem(error).response
        }
    }

    private func route(_ request: HTTPRequest) throws -> HTTPResponse {
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments == ["v1", "health"] {
            guard request.method == "GET" else { throw Self.methodNotAllowed }
            return .json(200, ["status": "ok"])
        }
        let handler = try self.handler(request, segments)
        let token = try Self.bearer(request)
        let principal = try queue.sync { try $0.tokens.principal(for: token) }
        guard request.method == "POST", segments == ["v1", "members"], let key = request.header("idempotency-key") else {
            return try queue.sync { try handler($0, principal) }
        }
        return try idempotency.run(scope: principal.name, key: key, body: request.body) {
            do { return try queue.sync { try handler($0, principal) } } catch { return Problem(error).response }
        }
    }

    /// The handler of `request`, or 404 / 405.
    private func handler(_ request: HTTPRequest, _ segments: [String]) throws -> Handler {
        func only(_ method: String, _ handler: @escaping Handler) throws -> Handler {
            guard request.method == method else { throw Self.methodNotAllowed }
            return handler
        }
        switch segments {
        case ["v1", "members"]: return try only("POST") { try MemberRoutes.enroll(request, $0, $1) }
        case ["v1", "members", "lookup"]: return try only("POST") { try MemberRoutes.lookup(request, $0, $1) }
        case ["v1", "consents", "confirm"]: return try only("POST") { try MemberRoutes.confirm(request, $0, $1) }
        case ["v1", "audit", "verify"]: return try only("GET") { try AuditRoutes.verify(request, $0, $1) }
        case ["v1", "audit", "head"]: return try only("GET") { try AuditRoutes.head($0, $1) }
        default: break
        }
        guard segments.count >= 3, segments[0] == "v1", segments[1] == "members" else {
            throw Problem(status: 404, code: "not_found", detail: "no such route")
        }
        let id = segments[2]
        switch Array(segments.dropFirst(3)) {
        case []: return try only("GET") { try MemberRoutes.read(request, $0, $1, id: id) }
        case ["fields"]: return try only("PATCH") { try MemberRoutes.patchFields(request, $0, $1, id: id) }
        case ["consents"]: return try only("POST") { try MemberRoutes.consent(request, $0, $1, id: id) }
        default: throw Problem(status: 404, code: "not_found", detail: "no such route")
        }
    }

    private static let methodNotAllowed = Problem(status: 405, code: "method_not_allowed", detail: "this route does not take that method")

    /// The bearer token, or 401.
    private static func bearer(_ request: HTTPRequest) throws -> String {
        guard let value = request.header("authorization"), value.count > 7, value.prefix(7).lowercased() == "bearer " else {
            throw Problem(status: 401, code: "missing_token", detail: "send Authorization: Bearer <token>")
        }
        return String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }
}

/// The audit routes.
enum AuditRoutes {
    /// `GET /v1/audit/verify[?head=SEQ:HASH]` → `{"ok", "entries", "head", "first_bad_sequence"?, "tampered"?}`.
    static func verify(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        let result = try vault.audit.verify(head: request.queryValues("head").first, as: principal)
        var body: [String: Any] = ["ok": result.isIntact, "entries": result.entries, "head": result.head]
        if let bad = result.firstBadSequence { body["first_bad_sequence"] = bad }
        if let problem = result.problem { body["problem"] = problem }
        if !result.tamperedRows.isEmpty { body["tampered"] = result.tamperedRows }
        return .json(200, body)
    }

    /// `GET /v1/audit/head` → `{"head"}`.
    static func head(_ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        .json(200, ["head": try vault.audit.head(as: principal)])
    }
}
