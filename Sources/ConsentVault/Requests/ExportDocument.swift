import Foundation

/// Builds the machine-readable answer to an access or portability request (`export.json`,
/// format `consent-vault-export/1`, schema in `Requests/export-v1.schema.json`).
extension VaultContext {
    /// Version tag of the export format.
    static let exportFormat = "consent-vault-export/1"

    /// The rights statement of GDPR Art. 15(1)(e)–(g), in German and English.
    static let rightsStatement = [
        "de": "Sie haben das Recht auf Berichtigung (Art. 16 DSGVO), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21). Einwilligungen können Sie jederzeit mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3). Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren (Art. 77). Die Daten stammen von Ihnen selbst (Angaben bei Anmeldung und im Profil) oder aus Ihrer Nutzung des Bonusprogramms.",
        "en": "You have the right to rectification (Art. 16 GDPR), erasure (Art. 17), restriction of processing (Art. 18), data portability (Art. 20) and to object (Art. 21). You may withdraw any consent at any time with effect for the future (Art. 7(3)). You have the right to lodge a complaint with a data protection supervisory authority (Art. 77). The data comes from you (sign-up and profile) or from your use of the loyalty programme.",
    ]

    /// Everything the vault holds about `member`, as a JSON object. Runs inside a transaction.
    func exportDocument(for member: MemberID, request: String?) throws -> [String: Any] {
        guard let origin = try members.origin(of: member) else { throw MemberError.memberNotFound(member.rawValue) }
        let values = try decryptFields(of: member)
        let collected = try members.fieldDates(of: member)
        let events = try consents.events(of: member)
        let fields: [[String: Any]] = catalog.fields.compactMap { definition in
            guard let value = values[definition.name] else { return nil }
            let purposes = policies.purposes.purposes.filter { $0.fields.contains(definition.name) }
            return [
                "name": definition.name, "type": definition.type.rawValue, "value": value, "category": definition.category, "party": definition.party.rawValue,
                "collected_at": collected[definition.name] ?? "", "source_channel": origin.channel,
                "purposes": purposes.map { ["purpose": $0.id, "lawful_basis": $0.lawfulBasis.rawValue] },
                "retention": purposes.map { ["purpose": $0.id, "days": $0.retention.days, "after": $0.retention.after] },
            ]
        }
        let history: [[String: Any]] = try events.map { event in
            var entry: [String: Any] = ["sequence": event.sequence, "purpose": event.purpose, "event": event.kind.rawValue,
                                        "captured_at": event.capturedAt, "recorded_at": event.recordedAt, "actor": event.actor,
                                        "guardian": event.guardian, "evidence": event.evidence, "channel": event.channel?.rawValue ?? ""]
            if let field = event.field { entry["field"] = field }
            if let version = event.noticeVersion {
                entry["notice_version"] = version
                entry["notice_sha256"] = event.noticeSHA256 ?? ""
                entry["notice_text"] = try noticeText(of: event) ?? ""
            }
            return entry
        }
        let current: [[String: Any]] = policies.purposes.purposes.map { purpose in
            let state = purpose.lawfulBasis == .consent
                ? (ConsentEvaluator.anyActive(in: events, purpose: purpose, now: clock()) ? "active"
                   : ConsentEvaluator.derive(events.filter { $0.purpose == purpose.id && $0.field == nil }, purpose: purpose, now: clock()).state.rawValue)
                : WordingPolicy.notConsentBased
            return ["purpose": purpose.id, "lawful_basis": purpose.lawfulBasis.rawValue, "state": state,
                    "description": purpose.description]
        }
        let accesses: [[String: Any]] = try auditLog.entries(member: member).map {
            ["sequence": $0.sequence, "at": $0.at, "principal": $0.principal, "role": $0.role, "operation": $0.operation,
             "purpose": $0.purpose, "fields_requested": $0.fieldsRequested, "fields_returned": $0.fieldsReturned, "outcome": $0.outcome.rawValue]
        }
        try verifyTable("requests")
        let openRequests: [[String: Any]] = try requests.openRequests(of: member).map {
            ["id": $0.id, "type": $0.type.rawValue, "received_on": $0.receivedOn, "due_on": $0.dueOn, "status": $0.status.rawValue]
        }
        var document: [String: Any] = [
            "format": Self.exportFormat, "generated_at": timestamp, "vault_id": keys.vaultID, "member": member.rawValue,
            "member_since": origin.createdAt, "source_channel": origin.channel, "fields": fields,
            "consents": ["current": current, "history": history],
            "points": ["balance": try rewards.balance(of: member), "ledger": try rewards.entries(of: member).map {
                ["sequence": $0.sequence, "rule": $0.ruleID, "rule_version": $0.ruleVersion, "scope": $0.scope, "points": $0.points,
                 "reason": $0.reason, "at": $0.at] as [String: Any]
            }],
            "access_history": accesses, "requests": openRequests, "rights": Self.rightsStatement,
        ]
        document["purpose_texts"] = Dictionary(uniqueKeysWithValues: policies.purposes.purposes.map { ($0.id, $0.description) })
        document["field_labels"] = Dictionary(uniqueKeysWithValues: catalog.fields.compactMap { field in field.label.map { (field.name, $0) } })
        if let contact = policies.controller {
            var parties = ["controller": contact.controller.jsonObject, "data_protection_officer": contact.dataProtectionOfficer.jsonObject]
            if let authority = contact.supervisoryAuthority { parties["supervisory_authority"] = authority.jsonObject }
            document["controller"] = parties
        }
        if let request { document["request"] = request }
        return document
    }
}
