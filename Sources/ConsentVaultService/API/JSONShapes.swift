public import ConsentVault
public import Foundation

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

    /// `{"request", "type", "member"?, "by_contact"?, "received_on", "due_on", "status", "extension_reason"?, "outcome"?, "days_left"? (open requests, when a day is given; negative when overdue)}`.
    public static func request(_ request: DataSubjectRequest, today: CalendarDay? = nil) -> [String: Any] {
        var body: [String: Any] = ["request": request.id, "type": request.type.rawValue, "received_on": request.receivedOn,
                                   "due_on": request.dueOn, "status": request.status.rawValue]
        if let today, request.status == .open, let days = request.daysLeft(on: today) { body["days_left"] = days }
        if let member = request.member { body["member"] = member.rawValue }
        if request.byContact { body["by_contact"] = true }
        if let reason = request.extensionReason { body["extension_reason"] = reason }
        if let outcome = request.outcome { body["outcome"] = outcome.rawValue }
        return body
    }

    /// `{"text", "session", "entities": [{"type", "placeholder", "start", "end"}], "withheld"?: [{"attribute", "reason"}]}` (offsets in code points).
    public static func redaction(_ result: PromptRedaction) -> [String: Any] {
        var body: [String: Any] = ["text": result.text, "session": result.session, "entities": result.entities.map {
            ["type": $0.type.rawValue, "placeholder": $0.placeholder.description, "start": $0.start, "end": $0.end] as [String: Any]
        }]
        if !result.withheld.isEmpty { body["withheld"] = result.withheld.map { ["attribute": $0.attribute, "reason": $0.reason.rawValue] } }
        return body
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

    /// `{"member", "purposes": [{"purpose", "lawful_basis", "state", "fields"}]}`.
    public static func consentStates(_ member: MemberID, _ consents: [PurposeConsent]) -> [String: Any] {
        ["member": member.rawValue, "purposes": consents.map {
            ["purpose": $0.purpose, "lawful_basis": $0.lawfulBasis.rawValue, "state": $0.state.rawValue, "in_force": $0.inForce, "fields": $0.fields.mapValues(\.rawValue)] as [String: Any]
        }]
    }

    /// `{"member", "events": [{"sequence", "purpose", "event", "captured_at", "recorded_at", "actor", "guardian", "evidence", …}]}`.
    public static func consentHistory(_ member: MemberID, _ history: [ConsentHistoryEntry]) -> [String: Any] {
        ["member": member.rawValue, "events": history.map { item -> [String: Any] in
            let event = item.event
            var body: [String: Any] = ["sequence": event.sequence, "purpose": event.purpose, "event": event.kind.rawValue,
                                       "captured_at": event.capturedAt, "recorded_at": event.recordedAt, "actor": event.actor,
                                       "guardian": event.guardian, "evidence": event.evidence]
            if let field = event.field { body["field"] = field }
            if let version = event.noticeVersion { body["notice_version"] = version }
            if let hash = event.noticeSHA256 { body["notice_sha256"] = hash }
            if let language = event.language { body["language"] = language }
            if let channel = event.channel { body["channel"] = channel.rawValue }
            if let text = item.noticeText { body["notice_text"] = text }
            return body
        }]
    }

    /// `{"member", "entries": [{"sequence", "at", "principal", "role", "operation", "purpose", "fields_requested", "fields_returned", "outcome"}]}`.
    public static func auditEntries(_ member: MemberID, _ entries: [AuditEntry]) -> [String: Any] {
        ["member": member.rawValue, "entries": entries.map {
            ["sequence": $0.sequence, "at": $0.at, "principal": $0.principal, "role": $0.role, "operation": $0.operation,
             "purpose": $0.purpose, "fields_requested": $0.fieldsRequested, "fields_returned": $0.fieldsReturned,
             "outcome": $0.outcome.rawValue] as [String: Any]
        }]
    }

    /// `{"members": [id…], "next_after"?}`: a page of member ids; `next_after` when the page is full.
    public static func memberPage(_ members: [MemberID], limit: Int) -> [String: Any] {
        var page: [String: Any] = ["members": members.map(\.rawValue)]
        if members.count == limit, let last = members.last { page["next_after"] = last.rawValue }
        return page
    }

    /// `{"member", "files": {"export.json", "export.html", "manifest.json", "manifest.sig"}}`, each file as UTF-8 text.
    public static func exportFiles(_ member: MemberID, _ files: [String: Data]) -> [String: Any] {
        ["member": member.rawValue, "files": files.mapValues { String(decoding: $0, as: UTF8.self) }]
    }
}
