import ConsentVault
import Foundation

/// Which route of the service each command calls in client mode, and with what. Commands missing
/// here (init, keygen, keys, backup, restore, import, policy apply, retention, serve, demo, bench)
/// work on the files themselves and run only beside the vault and its key file.
enum RemoteCalls {
    /// One request: method, target (path and query, percent-encoded) and JSON body.
    struct Call {
        let method: String
        let target: String
        var body: [String: Any]?
        /// What to do with the answer before printing it (an export is written to files here); by default printed as it is.
        var deliver: (([String: Any]) throws -> Any)?
    }

    /// Builds the call for an invocation; throws a usage error for a wrong command line.
    typealias Builder = @Sendable (Invocation) throws -> Call

    /// Command (words joined by a space) → its call.
    static let builders: [String: Builder] = [
        "member enroll": { invocation in
            _ = try invocation.checkedPositional()
            try refuseEvidence(invocation)
            let fields = try invocation.values(.field).map { try MemberCommands.fieldAssignment($0, command: invocation.spec.path) }
            guard !fields.isEmpty else { throw UsageError(description: "give at least one --field NAME=VALUE", command: invocation.spec.path) }
            let consents = invocation.values(.consent).map { text -> [String: Any] in
                let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                return parts.count == 2 ? ["purpose": parts[0], "field": parts[1]] : ["purpose": parts.first ?? ""]
            }
            return Call(method: "POST", target: "/v1/members", body: ["fields": try fieldObject(fields, invocation), "consents": consents,
                                                                     "channel": try invocation.required(.channel)])
        },
        "member get": { invocation in
            let id = try memberPath(invocation)
            let query = [("purpose", try invocation.required(.purpose))] + invocation.values(.field).map { ("field", $0) }
            return Call(method: "GET", target: "/v1/members/\(id)" + queryString(query))
        },
        "member find": { invocation in
            _ = try invocation.checkedPositional()
            let given: [(String, String)] = [("email", invocation.value(.email)), ("phone", invocation.value(.phone)),
                                             ("member_number", invocation.value(.memberNumber))].compactMap { name, value in value.map { (name, $0) } }
            guard given.count == 1 else { throw UsageError(description: "give exactly one of --email, --phone, --member-number", command: invocation.spec.path) }
            return Call(method: "POST", target: "/v1/members/lookup", body: [given[0].0: given[0].1])
        },
        "member set": { invocation in
            let id = try memberPath(invocation)
            let field = try MemberCommands.fieldAssignment(try invocation.required(.field), command: invocation.spec.path)
            return Call(method: "PATCH", target: "/v1/members/\(id)/fields", body: ["set": try fieldObject([field], invocation)])
        },
        "member unset": { invocation in
            Call(method: "PATCH", target: "/v1/members/\(try memberPath(invocation))/fields", body: ["unset": [try invocation.required(.field)]])
        },
        "member list": { invocation in
            _ = try invocation.checkedPositional()
            let query = [("limit", invocation.value(.limit) ?? "100")] + (invocation.value(.after).map { [("after", $0)] } ?? [])
            for option in [OptionName.limit] where invocation.value(option) != nil { _ = try invocation.requiredInteger(option) }
            return Call(method: "GET", target: "/v1/members" + queryString(query))
        },
        "consent show": { invocation in Call(method: "GET", target: "/v1/members/\(try memberPath(invocation))/consents") },
        "consent history": { invocation in Call(method: "GET", target: "/v1/members/\(try memberPath(invocation))/consents/history") },
        "audit show": { invocation in
            _ = try invocation.checkedPositional()
            return Call(method: "GET", target: "/v1/members/\(try invocation.memberID(try invocation.required(.member)).rawValue)/audit")
        },
        "dsr extend": { invocation in
            Call(method: "POST", target: "/v1/requests/\(pathSegment(try invocation.checkedPositional()[0]))/extend",
                 body: ["reason": invocation.value(.reason) ?? ""])
        },
        "dsr close": { invocation in
            Call(method: "POST", target: "/v1/requests/\(pathSegment(try invocation.checkedPositional()[0]))/close",
                 body: ["outcome": try invocation.required(.outcome)])
        },
        "dsr export": { invocation in
            let id = try invocation.memberArgumentOrOption().rawValue
            let directory = try invocation.required(.out)
            var call = Call(method: "POST", target: "/v1/members/\(id)/export", body: invocation.value(.request).map { ["request": $0] } ?? [:])
            call.deliver = { answer in
                try RequestOperations.writeExport(try exportFiles(in: answer), to: directory)
                return ["export": directory]
            }
            return call
        },
        "consent grant": { invocation in try consentCall(invocation, action: "grant") },
        "consent deny": { invocation in try consentCall(invocation, action: "deny") },
        "consent withdraw": { invocation in try consentCall(invocation, action: "withdraw") },
        "consent confirm": { invocation in
            _ = try memberPath(invocation)
            return Call(method: "POST", target: "/v1/consents/confirm", body: ["token": try invocation.required(.doiToken)])
        },
        "profile next": { invocation in
            Call(method: "GET", target: "/v1/members/\(try memberPath(invocation))/profile/next" + queryString([("channel", invocation.value(.channel) ?? "app")]))
        },
        "profile shared": { invocation in
            let id = try memberPath(invocation)
            try refuseEvidence(invocation)
            let field = try MemberCommands.fieldAssignment(try invocation.required(.field), command: invocation.spec.path)
            return Call(method: "POST", target: "/v1/members/\(id)/profile/shared",
                        body: ["field": field.name, "value": field.value, "purpose": try invocation.required(.consent), "channel": try invocation.required(.channel)])
        },
        "profile declined": { invocation in
            Call(method: "POST", target: "/v1/members/\(try memberPath(invocation))/profile/declined",
                 body: ["field": try invocation.required(.field), "channel": try invocation.required(.channel)])
        },
        "rewards balance": { invocation in Call(method: "GET", target: "/v1/members/\(try memberPath(invocation))/rewards") },
        "rewards ledger": { invocation in Call(method: "GET", target: "/v1/members/\(try memberPath(invocation))/rewards") },
        "dsr open": { invocation in
            _ = try invocation.checkedPositional()
            var body: [String: Any] = ["type": try invocation.required(.type)]
            for (option, key) in [(OptionName.member, "member"), (.email, "email"), (.phone, "phone")] {
                if let value = invocation.value(option) { body[key] = value }
            }
            if let received = invocation.value(.received) { body["received_on"] = received }
            if let channel = invocation.value(.channel) { body["channel"] = channel }
            return Call(method: "POST", target: "/v1/requests", body: body)
        },
        "dsr list": { invocation in
            _ = try invocation.checkedPositional()
            let query = (invocation.flag(.overdue) ? [("overdue", "true")] : []) + (invocation.flag(.all) ? [("all", "true")] : [])
            return Call(method: "GET", target: "/v1/requests" + queryString(query))
        },
        "dsr show": { invocation in
            Call(method: "GET", target: "/v1/requests/" + pathSegment(try invocation.checkedPositional()[0]))
        },
        "dsr erase": { invocation in
            let id = try invocation.memberArgumentOrOption().rawValue
            let dryRun = invocation.flag(.dryRun)
            if !dryRun, !Confirmation.confirm("Erase member \(id)? This cannot be undone.", yes: invocation.flag(.yes)) {
                throw UsageError(description: "not confirmed; pass --yes to erase without a terminal, or --dry-run to preview", command: invocation.spec.path)
            }
            var body: [String: Any] = ["dry_run": dryRun]
            if let request = invocation.value(.request) { body["request"] = request }
            return Call(method: "POST", target: "/v1/members/\(id)/erase", body: body)
        },
        "prompt redact": { invocation in
            _ = try invocation.checkedPositional()
            var body: [String: Any] = ["text": try standardInputText(invocation), "purpose": try invocation.required(.purpose)]
            if let member = invocation.value(.member) { body["member"] = member }
            if let session = invocation.value(.session) { body["session"] = session }
            return Call(method: "POST", target: "/v1/prompts/redact", body: body)
        },
        "prompt build": { invocation in
            _ = try invocation.checkedPositional()
            return Call(method: "POST", target: "/v1/prompts/build", body: ["template": try PromptCommands.templateText(invocation),
                                                                           "member": try invocation.required(.member), "purpose": try invocation.required(.purpose)])
        },
        "prompt demask": { invocation in
            _ = try invocation.checkedPositional()
            var call = Call(method: "POST", target: "/v1/prompts/demask",
                            body: ["text": try standardInputText(invocation), "session": try invocation.required(.session)])
            if invocation.flag(.strict) {
                call.deliver = { answer in
                    let left = (answer["left_in_place"] as? [[String: Any]] ?? []).map { ($0["placeholder"] as? String ?? "", $0["reason"] as? String ?? "") }
                    if let failure = PromptCommands.strictFailure(left) {
                        Output.json(answer)
                        throw failure
                    }
                    return answer
                }
            }
            return call
        },
        "token create": { invocation in
            _ = try invocation.checkedPositional()
            return Call(method: "POST", target: "/v1/tokens", body: ["name": try invocation.required(.name), "role": try invocation.required(.role)])
        },
        "token list": { invocation in
            _ = try invocation.checkedPositional()
            return Call(method: "GET", target: "/v1/tokens")
        },
        "token revoke": { invocation in
            Call(method: "POST", target: "/v1/tokens/\(pathSegment(try invocation.checkedPositional()[0]))/revoke")
        },
        "audit verify": { invocation in
            _ = try invocation.checkedPositional()
            return Call(method: "GET", target: "/v1/audit/verify" + queryString(invocation.value(.head).map { [("head", $0)] } ?? []))
        },
        "audit head": { invocation in
            _ = try invocation.checkedPositional()
            return Call(method: "GET", target: "/v1/audit/head")
        },
        "events": { invocation in
            _ = try invocation.checkedPositional()
            for option in [OptionName.after, .limit] where invocation.value(option) != nil { _ = try invocation.requiredInteger(option) }
            return Call(method: "GET", target: "/v1/events" + queryString([("after", invocation.value(.after) ?? "0"), ("limit", invocation.value(.limit) ?? "100")]))
        },
    ]

    /// The four export files of the service's answer, each as text, and checked against the manifest's
    /// checksums, so a cut or altered answer never becomes an export that looks complete.
    static func exportFiles(in answer: [String: Any]) throws -> [String: Data] {
        let expected: Set<String> = ["export.json", "export.html", "manifest.json", "manifest.sig"]
        guard let texts = answer["files"] as? [String: Any], Set(texts.keys) == expected else {
            throw CommandFailure(description: "the service's export answer does not hold exactly the four export files", code: "service_unreachable", status: 502)
        }
        var files: [String: Data] = [:]
        for (name, value) in texts {
            guard let text = value as? String else {
                throw CommandFailure(description: "the service's export answer holds \(name) in another form than text", code: "service_unreachable", status: 502)
            }
            files[name] = Data(text.utf8)
        }
        let manifest = (try? JSONSerialization.jsonObject(with: files["manifest.json"]!)) as? [String: Any]
        let sums = manifest?["files"] as? [String: String] ?? [:]
        for name in ["export.json", "export.html"] where sums[name] != KeyDerivation.sha256Hex(Array(files[name]!)) {
            throw CommandFailure(description: "\(name) in the service's answer does not match the export's manifest", code: "service_unreachable", status: 502)
        }
        return files
    }

    /// The checked member id of the first argument, as a path segment.
    private static func memberPath(_ invocation: Invocation) throws -> String {
        try invocation.memberID(try invocation.checkedPositional()[0]).rawValue
    }

    private static func consentCall(_ invocation: Invocation, action: String) throws -> Call {
        let id = try memberPath(invocation)
        try refuseEvidence(invocation)
        var body: [String: Any] = ["action": action, "purpose": try invocation.required(.purpose)]
        if let field = invocation.value(.field) { body["field"] = field }
        if let channel = invocation.value(.channel) { body["channel"] = channel } else if action != "withdraw" { body["channel"] = try invocation.required(.channel) }
        return Call(method: "POST", target: "/v1/members/\(id)/consents", body: body)
    }

    /// Consent evidence (capture time, IP, guardian, language) is recorded only beside the vault for now.
    private static func refuseEvidence(_ invocation: Invocation) throws {
        for option in [OptionName.capturedAt, .ip, .guardian, .language] where invocation.value(option) != nil {
            throw invocation.invalid(option, "is not sent through --server; record such consents beside the vault")
        }
    }

    /// `{"name": "value", …}`; a field given twice is a usage error, as it is beside the vault.
    private static func fieldObject(_ fields: [FieldInput], _ invocation: Invocation) throws -> [String: String] {
        var object: [String: String] = [:]
        for field in fields {
            guard object.updateValue(field.value, forKey: field.name) == nil else { throw invocation.invalid(.field, "gives '\(field.name)' twice") }
        }
        return object
    }

    /// `?name=value&…`, percent-encoded; empty for no parameters.
    private static func queryString(_ parameters: [(String, String)]) -> String {
        guard !parameters.isEmpty else { return "" }
        return "?" + parameters.map { "\($0.0)=\(pathSegment($0.1))" }.joined(separator: "&")
    }

    /// `text` with everything but unreserved characters percent-encoded.
    private static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? ""
    }

    /// Standard input as UTF-8 text.
    private static func standardInputText(_ invocation: Invocation) throws -> String {
        guard let text = String(data: try StandardInput.data(for: invocation.spec.path), encoding: .utf8) else {
            throw UsageError(description: "standard input is not UTF-8 text", command: invocation.spec.path)
        }
        return text
    }
}
