import ConsentVault
import Foundation

/// Handlers of the member routes: each takes the parsed request and the caller, works on the vault,
/// and answers with the CLI's `--json` shapes.
enum MemberRoutes {
    /// `POST /v1/members` `{"fields", "consents", "channel"}` → 201 `{"member", "consents"}`.
    static func enroll(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        let body = try JSONBody.object(request, allowing: ["fields", "consents", "channel"])
        let consents = try (body["consents"] as? [Any] ?? []).map { item -> ConsentRequest in
            guard let entry = item as? [String: Any] else { throw Problem(status: 422, code: "invalid_member", detail: "each consent must be an object") }
            try JSONBody.check(entry, allowing: ["purpose", "field"], in: "a consent")
            return ConsentRequest(purpose: try JSONBody.string(entry, "purpose"), field: try JSONBody.optionalString(entry, "field"))
        }
        let enrollment = try vault.members.enroll(try JSONBody.fields(body, "fields"), consents: consents, channel: try JSONBody.channel(body),
                                                  as: principal)
        return .json(201, ["member": enrollment.member.rawValue, "consents": enrollment.consents.map(JSONShapes.grant)])
    }

    /// `GET /v1/members/{id}?purpose=P[&field=F…]` → `{"member", "fields", "denied"}`.
    static func read(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        guard let purpose = request.queryValues("purpose").first else {
            throw Problem(status: 400, code: "missing_parameter", detail: "the query needs purpose=…")
        }
        let fields = request.queryValues("field")
        return .json(200, JSONShapes.read(try vault.members.read(try MemberID(id), purpose: purpose, fields: fields.isEmpty ? nil : fields,
                                                                as: principal)))
    }

    /// `POST /v1/members/lookup` `{"email"|"phone"|"member_number": …}` → `{"member"}`; personal data
    /// never travels in a URL.
    static func lookup(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        let body = try JSONBody.object(request, allowing: ["email", "phone", "member_number"])
        let given = ["email", "phone", "member_number"].filter { body[$0] != nil }
        guard given.count == 1, let field = given.first else {
            throw Problem(status: 422, code: "invalid_member", detail: "give exactly one of email, phone, member_number")
        }
        let found = try vault.members.find(field, equals: try JSONBody.string(body, field), as: principal)
        guard let first = found.first else { throw Problem(status: 404, code: "member_not_found", detail: "no member with this \(field)") }
        return .json(200, found.count == 1 ? ["member": first.rawValue] : ["members": found.map(\.rawValue)])
    }

    /// `PATCH /v1/members/{id}/fields` `{"set": {…}, "unset": […]}` → `{"member", "set", "unset"}`.
    static func patchFields(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let member = try MemberID(id)
        let body = try JSONBody.object(request, allowing: ["set", "unset"])
        let set = body["set"] == nil ? [] : try JSONBody.fields(body, "set")
        guard let unset = (body["unset"] ?? [String]()) as? [String] else {
            throw Problem(status: 422, code: "invalid_member", detail: "'unset' must be a list of field names")
        }
        for input in set { try vault.members.set(input.name, to: input.value, for: member, as: principal) }
        var removed: [String] = []
        for field in unset where try vault.members.unset(field, for: member, as: principal) { removed.append(field) }
        return .json(200, ["member": member.rawValue, "set": set.map(\.name), "unset": removed])
    }

    /// `POST /v1/members/{id}/consents` `{"action": "grant"|"deny"|"withdraw", "purpose", "field"?, "channel"}`.
    static func consent(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let member = try MemberID(id)
        let body = try JSONBody.object(request, allowing: ["action", "purpose", "field", "channel"])
        let consent = ConsentRequest(purpose: try JSONBody.string(body, "purpose"), field: try JSONBody.optionalString(body, "field"))
        switch try JSONBody.string(body, "action") {
        case "grant":
            return .json(200, JSONShapes.grant(try vault.consents.grant(consent, for: member, channel: try JSONBody.channel(body), as: principal)))
        case "deny":
            try vault.consents.deny(consent, for: member, channel: try JSONBody.channel(body), as: principal)
            return .json(200, ["member": member.rawValue, "purpose": consent.purpose, "state": "denied"])
        case "withdraw":
            try vault.consents.withdraw(consent, for: member, channel: body["channel"] == nil ? nil : try JSONBody.channel(body), as: principal)
            return .json(200, ["member": member.rawValue, "purpose": consent.purpose, "state": "withdrawn"])
        default:
            throw Problem(status: 422, code: "invalid_member", detail: "'action' must be grant, deny or withdraw")
        }
    }

    /// `POST /v1/consents/confirm` `{"token"}`: the double opt-in link's target; no member id needed.
    static func confirm(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        .json(200, JSONShapes.grant(try vault.consents.confirm(token: try JSONBody.string(try JSONBody.object(request, allowing: ["token"]), "token"), as: principal)))
    }

    /// `GET /v1/members?limit=N&after=ID` → `{"members", "next_after"?}`.
    static func list(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        let limitText = try request.singleQueryValue("limit") ?? "100"
        guard limitText.count <= 5, let limit = Int(limitText), (1...10_000).contains(limit) else {
            throw Problem(status: 422, code: "invalid_parameter", detail: "'limit' must be a whole number from 1 to 10000")
        }
        let after = try request.singleQueryValue("after").map { try MemberID($0) }
        return .json(200, JSONShapes.memberPage(try vault.members.list(limit: limit, after: after, as: principal), limit: limit))
    }

    /// `GET /v1/members/{id}/consents` → the consent state per purpose (`consent show`).
    static func consentStates(_ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let member = try MemberID(id)
        return .json(200, JSONShapes.consentStates(member, try vault.consents.states(of: member, as: principal)))
    }

    /// `GET /v1/members/{id}/consents/history` → every consent event with the notice shown (`consent history`).
    static func consentHistory(_ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let member = try MemberID(id)
        return .json(200, JSONShapes.consentHistory(member, try vault.consents.history(of: member, as: principal)))
    }
}
