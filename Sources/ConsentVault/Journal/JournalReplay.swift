/// Keeping the journal and the vault in step. Every journaled operation appends its line inside
/// its own write transaction and advances the vault's position; opening a vault replays the lines
/// past its position (a restored backup has an older position) and refuses a journal that holds
/// fewer of its lines than the vault has applied (deleted, truncated, or another key path's).
extension VaultContext {
    /// Appends `event` to the journal as this vault's next line; call inside a write transaction.
    func record(_ event: JournalEvent) throws {
        let number = try meta.journalPosition() + 1
        try journal.append(event, number: number, at: timestamp)
        try meta.setJournalPosition(number)
    }

    /// Replays every journal line this vault has not applied yet.
    func replayJournal() throws {
        let contents = try journal.read()
        let position = try meta.journalPosition()
        guard contents.events.count >= position else {
            throw StorageError.erasureJournal(path: journal.path, problem: """
                holds \(contents.events.count) line(s) of this vault, but the vault has applied \(position): \
                the journal is missing or cut short, or belongs to another key path
                """)
        }
        for (index, event) in contents.events.enumerated().dropFirst(position) {
            try replay(event)
            try database.writeTransaction { try meta.setJournalPosition(index + 1) }
        }
        if contents.events.count > position { try checkpoint() }
    }

    /// Applies one journaled event again, if the vault does not show it yet. Each is idempotent.
    private func replay(_ event: JournalEvent) throws {
        let journal = Principal(name: "journal", role: Principal.localAdministrator.role)
        switch event {
        case .erase(let tag):
            guard let (member, erased) = try members.member(withTag: tag), !erased else { return }
            try audited(journal, .dsrErase, member: member) { _ in try apply(try erasurePlan(member), to: member, tag: tag) }
        case .withdraw(let tag, let purpose, let field), .deny(let tag, let purpose, let field):
            guard let (member, erased) = try members.member(withTag: tag), !erased else { return }
            let request = ConsentRequest(purpose: purpose, field: field)
            let isWithdrawal = if case .withdraw = event { true } else { false }
            try audited(journal, isWithdrawal ? .consentWithdraw : .consentGrant, purpose: purpose, member: member) { _ in
                do {
                    if isWithdrawal {
                        try withdrawConsent(request, of: member, channel: nil, actor: journal)
                    } else {
                        try denyConsent(request, of: member, channel: nil, actor: journal)
                    }
                } catch ConsentError.nothingToWithdraw {
                    // Already withdrawn in this copy.
                }
            }
        case .unset(let tag, let field):
            guard let (member, erased) = try members.member(withTag: tag), !erased else { return }
            try audited(journal, .memberUnset, member: member, fields: [field]) { _ in _ = try members.deleteValue(field, of: member) }
        case .restrict(let tag, let request, let receivedOn, let dueOn):
            guard let (member, erased) = try members.member(withTag: tag), !erased else { return }
            try audited(journal, .dsrOpen, member: member) { _ in
                if try requests.request(request) == nil {
                    try requests.insert(id: request, member: member, memberTag: tag, type: .restriction, channel: nil, receivedOn: receivedOn,
                                        dueOn: dueOn, openedBy: journal.name)
                }
                if try requests.request(request)?.status == .open { try requests.restrict(member, request: request, since: timestamp) }
            }
        case .object(let tag):
            guard let (member, erased) = try members.member(withTag: tag), !erased else { return }
            try audited(journal, .dsrOpen, member: member) { _ in try objectToLegitimateInterest(member, channel: nil, actor: journal) }
        case .revoke(let name):
            try audited(journal, .tokenRevoke) { _ in _ = try tokens.revoke(name: name, at: timestamp) }
        case .suppress(let field, let hash, let reason, let day):
            // The hash as journaled, not recomputed from this copy's values: a contact changed after the backup stays suppressed.
            guard let bytes = Hex.decode(hash) else { return }
            try audited(journal, reason == .erasure ? .dsrErase : .dsrOpen) { _ in
                try verifyTable("requests")
                try suppression.add(bytes, field: field, reason: reason, on: day)
            }
        }
    }
}
