import ConsentVault
import Foundation

/// Routes `(method, path)` to a handler and answers every request, errors included, as JSON.
/// Every route but `GET /v1/health` and `GET /v1/openapi.json` needs `Authorization: Bearer <token>`: the token's principal
/// and role decide, exactly as in the CLI; the key holder's unrestricted access does not exist over the wire.
struct Router: Sendable {
    let queue: VaultQueue
    let committer: GroupCommitter
    let idempotency: IdempotencyStore
    let failedTokens: FailedTokenThrottle

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
            guard ["GET", "HEAD"].contains(request.method) else { throw Self.methodNotAllowed }
            return .json(200, ["status": "ok"])
        }
        if segments == ["v1", "openapi.json"] {
            guard ["GET", "HEAD"].contains(request.method) else { throw Self.methodNotAllowed }
            return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(OpenAPIDocument.text.utf8))
        }
        let (route, handler) = try self.handler(request, segments)
        let token = try Self.bearer(request)
        let work: GroupCommitter.Work = { [self] vault in try handler(vault, try principal(vault, token)) }
        let run = { () throws -> HTTPResponse in route.grouped ? try committer.submit(work) : try queue.sync(work) }
        guard request.method == "POST", segments == ["v1", "members"], let key = request.header("idempotency-key") else {
            return try run()
        }
        let scope = try queue.sync { try principal($0, token) }.name
        return try idempotency.run(scope: scope, key: key, body: request.body) {
            do { return try run() } catch { return Problem(error).response }
        }
    }

    /// The principal `token` stands for; a wrong token is 401, or 429 (unaudited) once wrong tokens
    /// come faster than `FailedTokenThrottle` allows.
    private func principal(_ vault: Vault, _ token: String) throws -> Principal {
        // One decision per wrong token: the same answer says whether it is audited and whether it is 401 or 429.
        var admitted = true
        do {
            return try vault.tokens.principal(for: token, auditingRefusal: { admitted = failedTokens.recordFailure(); return admitted })
        } catch AccessError.invalidToken {
            guard admitted else {
                throw Problem(status: 429, code: "too_many_failed_tokens", detail: "too many requests with wrong tokens; slow down",
                              hint: "retry after a second with a valid token")
            }
            throw AccessError.invalidToken
        }
    }

    /// One route: method, path pattern (`{name}` matches one segment) and how to make its handler.
    struct Route: Sendable {
        /// `GET`, `POST`, `PATCH`.
        let method: String
        /// e.g. `/v1/members/{id}/fields`.
        let pattern: String
        /// Whether it shares a group commit with others (false: it runs in a transaction of its own,
        /// as operations that checkpoint or read the whole vault must).
        var grouped = true
        /// The handler for a request and the pattern's parameters.
        let make: @Sendable (HTTPRequest, [String: String]) -> Handler

        init(method: String, pattern: String, grouped: Bool = true, make: @escaping @Sendable (HTTPRequest, [String: String]) -> Handler) {
            self.method = method
            self.pattern = pattern
            self.grouped = grouped
            self.make = make
        }
    }

    /// Every route that needs a token; with `GET /v1/health` and `GET /v1/openapi.json`, what `OpenAPIDocument` lists.
    static let routes: [Route] = [
        Route(method: "POST", pattern: "/v1/members") { request, _ in { try MemberRoutes.enroll(request, $0, $1) } },
        Route(method: "POST", pattern: "/v1/members/lookup") { request, _ in { try MemberRoutes.lookup(request, $0, $1) } },
        Route(method: "GET", pattern: "/v1/members/{id}") { request, p in { try MemberRoutes.read(request, $0, $1, id: p["id"]!) } },
        Route(method: "PATCH", pattern: "/v1/members/{id}/fields") { request, p in { try MemberRoutes.patchFields(request, $0, $1, id: p["id"]!) } },
        Route(method: "POST", pattern: "/v1/members/{id}/consents") { request, p in { try MemberRoutes.consent(request, $0, $1, id: p["id"]!) } },
        Route(method: "GET", pattern: "/v1/members") { request, _ in { try MemberRoutes.list(request, $0, $1) } },
        Route(method: "GET", pattern: "/v1/members/{id}/consents") { _, p in { try MemberRoutes.consentStates($0, $1, id: p["id"]!) } },
        Route(method: "GET", pattern: "/v1/members/{id}/consents/history") { _, p in { try MemberRoutes.consentHistory($0, $1, id: p["id"]!) } },
        Route(method: "GET", pattern: "/v1/members/{id}/audit") { _, p in { try AuditRoutes.memberEntries($0, $1, id: p["id"]!) } },
        Route(method: "POST", pattern: "/v1/members/{id}/export") { request, p in { try ProgrammeRoutes.export(request, $0, $1, id: p["id"]!) } },
        Route(method: "POST", pattern: "/v1/requests/{id}/extend") { request, p in { try ProgrammeRoutes.extendRequest(request, $0, $1, id: p["id"]!) } },
        Route(method: "POST", pattern: "/v1/requests/{id}/close") { request, p in { try ProgrammeRoutes.closeRequest(request, $0, $1, id: p["id"]!) } },
        Route(method: "POST", pattern: "/v1/consents/confirm") { request, _ in { try MemberRoutes.confirm(request, $0, $1) } },
        Route(method: "GET", pattern: "/v1/members/{id}/profile/next") { request, p in { try ProgrammeRoutes.nextQuestion(request, $0, $1, id: p["id"]!) } },
        Route(method: "POST", pattern: "/v1/members/{id}/profile/shared") { request, p in { try ProgrammeRoutes.shared(request, $0, $1, id: p["id"]!) } },
        Route(method: "POST", pattern: "/v1/members/{id}/profile/declined") { request, p in { try ProgrammeRoutes.declined(request, $0, $1, id: p["id"]!) } },
        Route(method: "GET", pattern: "/v1/members/{id}/rewards") { _, p in { try ProgrammeRoutes.rewards($0, $1, id: p["id"]!) } },
        Route(method: "POST", pattern: "/v1/members/{id}/erase", grouped: false) { request, p in { try ProgrammeRoutes.erase(request, $0, $1, id: p["id"]!) } },
        Route(method: "POST", pattern: "/v1/requests") { request, _ in { try ProgrammeRoutes.openRequest(request, $0, $1) } },
        Route(method: "GET", pattern: "/v1/requests") { request, _ in { try ProgrammeRoutes.listRequests(request, $0, $1) } },
        Route(method: "GET", pattern: "/v1/requests/{id}") { _, p in { try ProgrammeRoutes.showRequest($0, $1, id: p["id"]!) } },
        Route(method: "POST", pattern: "/v1/prompts/redact") { request, _ in { try ProgrammeRoutes.redact(request, $0, $1) } },
        Route(method: "POST", pattern: "/v1/prompts/build") { request, _ in { try ProgrammeRoutes.build(request, $0, $1) } },
        Route(method: "POST", pattern: "/v1/prompts/demask") { request, _ in { try ProgrammeRoutes.demask(request, $0, $1) } },
        Route(method: "POST", pattern: "/v1/tokens") { request, _ in { try ProgrammeRoutes.createToken(request, $0, $1) } },
        Route(method: "GET", pattern: "/v1/tokens") { _, _ in { try ProgrammeRoutes.listTokens($0, $1) } },
        Route(method: "POST", pattern: "/v1/tokens/{name}/revoke") { _, p in { try ProgrammeRoutes.revokeToken($0, $1, name: p["name"]!) } },
        Route(method: "GET", pattern: "/v1/audit/verify", grouped: false) { request, _ in { try AuditRoutes.verify(request, $0, $1) } },
        Route(method: "GET", pattern: "/v1/audit/head") { _, _ in { try AuditRoutes.head($0, $1) } },
        Route(method: "GET", pattern: "/v1/events") { request, _ in { try AuditRoutes.events(request, $0, $1) } },
    ]

    /// The handler of `request`, or 404 (no pattern matches) / 405 (only with other methods).
    private func handler(_ request: HTTPRequest, _ segments: [String]) throws -> (Route, Handler) {
        var pathMatched = false
        for route in Self.routes {
            let pattern = route.pattern.split(separator: "/").map(String.init)
            guard pattern.count == segments.count else { continue }
            var parameters: [String: String] = [:]
            let matches = zip(pattern, segments).allSatisfy { expected, actual in
                if expected.hasPrefix("{") {
                    parameters[String(expected.dropFirst().dropLast())] = actual
                    return !actual.isEmpty
                }
                return expected == actual
            }
            guard matches else { continue }
            // A literal route (`/v1/members/lookup`) wins over a parameter route of the same length.
            pathMatched = true
            if route.method == request.method || (route.method == "GET" && request.method == "HEAD") { return (route, route.make(request, parameters)) }
        }
        if pathMatched { throw Self.methodNotAllowed }
        throw Problem(status: 404, code: "not_found", detail: "no such route")
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

/// The audit routes and the events feed.
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

    /// `GET /v1/events?after=SEQ&limit=N` → `{"events": [{"seq", "at", "kind", "member", "purpose"?, "field"?}], "next"}`;
    /// `next` is the `after` for the following call (the same when nothing new came).
    static func events(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        func number(_ name: String, _ fallback: Int) throws -> Int {
            guard let text = try request.singleQueryValue(name) else { return fallback }
            guard text.count <= 19, text.allSatisfy(\.isASCII), let value = Int(text) else {
                throw Problem(status: 422, code: "invalid_parameter", detail: "'\(name)' must be a whole number")
            }
            return value
        }
        let after = try number("after", 0)
        let events = try vault.events.list(after: after, limit: try number("limit", 100), as: principal)
        return .json(200, ["events": events.map(JSONShapes.event), "next": events.last?.sequence ?? after])
    }

    /// `GET /v1/members/{id}/audit` → who accessed which of the member's data (`audit show`).
    static func memberEntries(_ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let member = try MemberID(id)
        return .json(200, JSONShapes.auditEntries(member, try vault.audit.entries(for: member, as: principal)))
    }

    /// `GET /v1/audit/head` → `{"head"}`.
    static func head(_ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        .json(200, ["head": try vault.audit.head(as: principal)])
    }
}
