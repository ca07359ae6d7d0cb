import ConsentVault
import Foundation

/// Handlers of profiling, rewards, data subject requests, prompts and tokens.
enum ProgrammeRoutes {
    /// `GET /v1/members/{id}/profile/next?channel=C` → `{"member", "ask"}`.
    static func nextQuestion(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let member = try MemberID(id)
        guard let channel = Channel(rawValue: try request.singleQueryValue("channel") ?? "app") else { throw JSONBody.invalidChannel }
        return .json(200, JSONShapes.nextQuestion(member, try vault.profiles.nextQuestion(for: member, channel: channel, as: principal)))
    }

    /// `POST /v1/members/{id}/profile/shared` `{"field", "value", "purpose", "channel"}`.
    static func shared(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let body = try JSONBody.object(request, allowing: ["field", "value", "purpose", "channel"])
        return .json(200, JSONShapes.share(try vault.profiles.share(try JSONBody.string(body, "field"), value: try JSONBody.string(body, "value"),
                                                                     for: try MemberID(id), purpose: try JSONBody.string(body, "purpose"),
                                                                     channel: try JSONBody.channel(body), as: principal)))
    }

    /// `POST /v1/members/{id}/profile/declined` `{"field", "channel"}`.
    static func declined(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let body = try JSONBody.object(request, allowing: ["field", "channel"])
        let field = try JSONBody.string(body, "field")
        try vault.profiles.decline(field, for: try MemberID(id), channel: try JSONBody.channel(body), as: principal)
        return .json(200, ["member": id, "field": field, "declined": true])
    }

    /// `GET /v1/members/{id}/rewards` → `{"member", "balance", "entries"}`.
    static func rewards(_ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let member = try MemberID(id)
        var body = JSONShapes.ledger(member, try vault.rewards.ledger(of: member, as: principal))
        body["balance"] = try vault.rewards.balance(of: member, as: principal)
        return .json(200, body)
    }

    /// `POST /v1/requests` `{"type", "member" | "email" | "phone", "received_on"?, "channel"?}` → 201 the request; by
    /// `email` or `phone` it is the member's who has that contact, else kept with a keyed hash of it (`by_contact`).
    static func openRequest(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        let body = try JSONBody.object(request, allowing: ["type", "member", "email", "phone", "received_on", "channel"])
        let type = try RequestType(rawValue: try JSONBody.string(body, "type")).orThrow("type")
        let channel = try JSONBody.optionalString(body, "channel").map { text in
            guard let channel = Channel(rawValue: text) else { throw JSONBody.invalidChannel }
            return channel
        }
        let received = try JSONBody.optionalString(body, "received_on")
        let opened: DataSubjectRequest
        switch (try JSONBody.optionalString(body, "member"), try JSONBody.optionalString(body, "email"), try JSONBody.optionalString(body, "phone")) {
        case (let member?, nil, nil): opened = try vault.requests.open(type, for: try MemberID(member), receivedOn: received, channel: channel, as: principal)
        case (nil, let email?, nil): opened = try vault.requests.open(type, requester: .email(email), receivedOn: received, channel: channel, as: principal)
        case (nil, nil, let phone?): opened = try vault.requests.open(type, requester: .phone(phone), receivedOn: received, channel: channel, as: principal)
        default: throw Problem(status: 422, code: "missing_member", detail: "name the requester once: 'member', 'email' or 'phone'")
        }
        return .json(201, JSONShapes.request(opened))
    }

    /// `GET /v1/requests[?overdue=true][&all=true]` → `{"requests"}`: open ones with `days_left`, or with `all` the closed ones too.
    static func listRequests(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        let requests = try vault.requests.list(overdue: request.queryValues("overdue").first == "true", all: request.queryValues("all").first == "true",
                                               as: principal)
        let today = vault.requests.today
        return .json(200, ["requests": requests.map { JSONShapes.request($0, today: today) }])
    }

    /// `GET /v1/requests/{id}` → the request.
    static func showRequest(_ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        .json(200, JSONShapes.request(try vault.requests.show(id, as: principal)))
    }

    /// `POST /v1/requests/{id}/extend` `{"reason"}` → the request with its new due date.
    static func extendRequest(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let body = try JSONBody.object(request, allowing: ["reason"])
        return .json(200, JSONShapes.request(try vault.requests.extend(id, reason: try JSONBody.string(body, "reason"), as: principal)))
    }

    /// `POST /v1/requests/{id}/close` `{"outcome": "fulfilled"|"refused"|"withdrawn"|"no_data_held"}` → the closed request.
    static func closeRequest(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let body = try JSONBody.object(request, allowing: ["outcome"])
        let outcome = try RequestOutcome(rawValue: try JSONBody.string(body, "outcome")).orThrow("outcome")
        return .json(200, JSONShapes.request(try vault.requests.close(id, outcome: outcome, as: principal)))
    }

    /// `POST /v1/members/{id}/export` `{"request"?}` → `{"member", "files"}`: the signed export's files, for the
    /// DPO's client to write (`consent-vault dsr export --server …`). A POST: the export is audited, and its
    /// personal data never sits in a URL or a cache.
    static func export(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let body = request.body.isEmpty ? [:] : try JSONBody.object(request, allowing: ["request"])
        let member = try MemberID(id)
        return .json(200, JSONShapes.exportFiles(member, try vault.requests.exportFiles(member, request: try JSONBody.optionalString(body, "request"),
                                                                                         as: principal)))
    }

    /// `POST /v1/members/{id}/erase` `{"request"?, "dry_run"?}` → the erasure report.
    static func erase(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal, id: String) throws -> HTTPResponse {
        let body = request.body.isEmpty ? [:] : try JSONBody.object(request, allowing: ["request", "dry_run"])
        let report = try vault.requests.erase(try MemberID(id), request: try JSONBody.optionalString(body, "request"),
                                              dryRun: body["dry_run"] as? Bool ?? false, as: principal)
        return .json(200, JSONShapes.erasure(report))
    }

    /// `POST /v1/prompts/redact` `{"text", "member"?, "purpose", "session"?}` → the redaction.
    static func redact(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        let body = try JSONBody.object(request, allowing: ["text", "purpose", "member", "session"])
        let member = try JSONBody.optionalString(body, "member").map { try MemberID($0) }
        return .json(200, JSONShapes.redaction(try vault.prompts.redact(try JSONBody.string(body, "text"), member: member,
                                                                       purpose: try JSONBody.string(body, "purpose"),
                                                                       session: try JSONBody.optionalString(body, "session"), as: principal)))
    }

    /// `POST /v1/prompts/build` `{"template", "member", "purpose"}` → the redaction.
    static func build(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        let body = try JSONBody.object(request, allowing: ["template", "member", "purpose"])
        return .json(200, JSONShapes.redaction(try vault.prompts.build(template: try JSONBody.string(body, "template"),
                                                                      member: try MemberID(try JSONBody.string(body, "member")),
                                                                      purpose: try JSONBody.string(body, "purpose"), as: principal)))
    }

    /// `POST /v1/prompts/demask` `{"text", "session"}` → `{"text", "restored", "left_in_place"}`.
    static func demask(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        let body = try JSONBody.object(request, allowing: ["text", "session"])
        return .json(200, JSONShapes.demask(try vault.prompts.demask(try JSONBody.string(body, "text"), session: try JSONBody.string(body, "session"),
                                                                    as: principal)))
    }

    /// `POST /v1/tokens` `{"name", "role"}` → 201 `{"name", "role", "token"}` (the token, once).
    static func createToken(_ request: HTTPRequest, _ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        let body = try JSONBody.object(request, allowing: ["name", "role"])
        let name = try JSONBody.string(body, "name")
        let role = try JSONBody.string(body, "role")
        return .json(201, ["name": name, "role": role, "token": try vault.tokens.create(name: name, role: role, as: principal)])
    }

    /// `GET /v1/tokens` → `{"tokens"}`.
    static func listTokens(_ vault: Vault, _ principal: Principal) throws -> HTTPResponse {
        .json(200, JSONShapes.tokens(try vault.tokens.list(as: principal)))
    }

    /// `POST /v1/tokens/{name}/revoke` → `{"name", "revoked"}`.
    static func revokeToken(_ vault: Vault, _ principal: Principal, name: String) throws -> HTTPResponse {
        try vault.tokens.revoke(name: name, as: principal)
        return .json(200, ["name": name, "revoked": true])
    }
}

extension Optional {
    /// The value, or a 422 problem naming the JSON member or query parameter that held no valid one.
    func orThrow(_ name: String) throws -> Wrapped {
        guard let self else { throw Problem(status: 422, code: "invalid_member", detail: "'\(name)' has a value the service does not know") }
        return self
    }
}
