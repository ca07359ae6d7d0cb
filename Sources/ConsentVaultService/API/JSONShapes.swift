public import ConsentVault
import Foundation

/// The JSON shapes of results, shared by the CLI's `--json` output and the service's answers, so
/// both speak the same language.
public enum JSONShapes {
    /// `{"member", "purpose", "field"?, "state", "token"?}`.
    public static func grant(_ grant: GrantResult) -> [String: Any] {
        var body: [String: Any] = ["member": grant.member.rawValue, "purpose": grant.purpose, "state": grant.state.rawValue]
        if let field = grant.field { body["field"] = field }
        if let token = grant.token { body["token"] = token }
        return body
    }

    /// `{"member", "fields", "denied": [{"field", "reason"}]}`.
    public static func read(_ result: ReadResult) -> [String: Any] {
        ["member": result.member.rawValue, "fields": result.fields, "denied": result.denied.map { ["field": $0.field, "reason": $0.reason.rawValue] }]
    }

    /// `{"member", "ask": {"field", "purpose", "points", "notice", "notice_version", "language"} | null}`.
    public static func nextQuestion(_ member: MemberID, _ suggestion: ProfileSuggestion?) -> [String: Any] {
        let ask: Any = suggestion.map {
            ["field": $0.field, "purpose": $0.purpose, "points": $0.points, "notice": $0.noticeText,
             "notice_version": $0.noticeVersion, "language": $0.language] as [String: Any]
        } ?? NSNull()
        return ["member": member.rawValue, "ask": ask]
    }

    /// `{"member", "field", "consent", "awards": [{"rule", "points"}], "balance"}`.
    public static func share(_ result: ShareResult) -> [String: Any] {
        ["member": result.member.rawValue, "field": result.field, "consent": result.consentState.rawValue,
         "awards": result.awards.map { ["rule": $0.ruleID, "points": $0.points] as [String: Any] }, "balance": result.balance]
    }

    /// `{"member", "entries": [{"sequence", "rule", "rule_version", "scope", "points", "reason", "at", "actor"}]}`.
    public static func ledger(_ member: MemberID, _ entries: [PointsEntry]) -> [String: Any] {
        ["member": member.rawValue, "entries": entries.map {
            ["sequence": $0.sequence, "rule": $0.ruleID, "rule_version": $0.ruleVersion, "scope": $0.scope, "points": $0.points,
             "reason": $0.reason, "at": $0.at, "actor": $0.actor] as [String: Any]
        }]
    }

    /// `{"request", "type", "member"?, "received_on", "due_on", "status", "extension_reason"?, "outcome"?}`.
    public static func request(_ request: DataSubjectRequest) -> [String: Any] {
        var body: [String: Any] = ["request": request.id, "type": request.type.rawValue, "received_on": request.receivedOn,
                                   "due_on": request.dueOn, "status": request.status.rawValue]
        if let member = request.member { body["member"] = member.rawValue }
        if let reason = request.extensionReason { body["extension_reason"] = reason }
        if let outcome = request.outcome { body["outcome"] = outcome.rawValue }
        return body
    }

    /// `{"text", "session", "entities": [{"type", "placeholder", "start", "end"}]}` (offsets in code points).
    public static func redaction(_ result: PromptRedaction) -> [String: Any] {
        ["text": result.text, "session": result.session, "entities": result.entities.map {
            ["type": $0.type.rawValue, "placeholder": $0.placeholder.description, "start": $0.start, "end": $0.end] as [String: Any]
        }]
    }

    /// `{"text", "restored", "left_in_place": [{"placeholder", "reason"}]}`.
    public static func demask(_ result: DemaskResult) -> [String: Any] {
        ["text": result.text, "restored": result.restored,
         "left_in_place": result.leftInPlace.map { ["placeholder": $0.placeholder, "reason": $0.reason.rawValue] }]
    }

    /// `{"tokens": [{"name", "role", "created_at", "revoked_at"?}]}`.
    public static func tokens(_ tokens: [TokenInfo]) -> [String: Any] {
        ["tokens": tokens.map { token -> [String: Any] in
            var body: [String: Any] = ["name": token.name, "role": token.role, "created_at": token.createdAt]
            if let revoked = token.revokedAt { body["revoked_at"] = revoked }
            return body
        }]
    }

    /// `{"member", "dry_run", "erased", "kept": [{"what", "why", "until"}], "wal_cleared"}`.
    public static func erasure(_ report: ErasureReport) -> [String: Any] {
        ["member": report.member.rawValue, "dry_run": report.dryRun, "erased": report.erased, "wal_cleared": report.walCleared,
         "kept": report.kept.map { ["what": $0.what, "why": $0.why, "until": $0.until ?? NSNull()] as [String: Any] }]
    }

    /// `{"seq", "at", "kind", "member", "purpose"?, "field"?}`: never a value.
    public static func event(_ event: VaultEvent) -> [String: Any] {
        var body: [String: Any] = ["seq": event.sequence, "at": event.at, "kind": event.kind, "member": event.member.rawValue]
        if let purpose = event.purpose { body["purpose"] = purpose }
        if let field = event.field { body["field"] = field }
        return body
    }
}
