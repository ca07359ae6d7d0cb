/// An event a restore of an older backup must not undo, as one journal line names it. Members are
/// named by their erasure tag (a keyed pseudonym), never by id or value; purposes, fields and
/// token names are identifiers without spaces.
enum JournalEvent: Equatable {
    /// The member was erased (Art. 17).
    case erase(tag: String)
    /// The member withdrew consent to `purpose` (for `field`, or purpose-wide).
    case withdraw(tag: String, purpose: String, field: String?)
    /// The member declined `purpose`.
    case deny(tag: String, purpose: String, field: String?)
    /// A value was removed.
    case unset(tag: String, field: String)
    /// Processing was restricted (Art. 18) by request `request`, received and due as given.
    case restrict(tag: String, request: String, receivedOn: String, dueOn: String)
    /// The member objected to processing based on legitimate interest (Art. 21).
    case object(tag: String)
    /// Access token `name` was revoked.
    case revoke(name: String)
    /// A contact value's suppression hash (hex) went on the suppression list on `day`.
    case suppress(field: String, hash: String, reason: SuppressionReason, day: String)

    /// The words of the line after the time: kind first, then the arguments (`-` for none).
    var words: [String] {
        switch self {
        case .erase(let tag): return ["erase", tag]
        case .withdraw(let tag, let purpose, let field): return ["withdraw", tag, purpose, field ?? "-"]
        case .deny(let tag, let purpose, let field): return ["deny", tag, purpose, field ?? "-"]
        case .unset(let tag, let field): return ["unset", tag, field]
        case .restrict(let tag, let request, let received, let due): return ["restrict", tag, request, received, due]
        case .object(let tag): return ["object", tag]
        case .revoke(let name): return ["revoke", name]
        case .suppress(let field, let hash, let reason, let day): return ["suppress", field, hash, reason.rawValue, day]
        }
    }

    /// Parses the words `words` produced; nil for anything else.
    init?(words: [String]) {
        func field(_ word: String) -> String? { word == "-" ? nil : word }
        switch (words.first, words.count) {
        case ("erase", 2): self = .erase(tag: words[1])
        case ("withdraw", 4): self = .withdraw(tag: words[1], purpose: words[2], field: field(words[3]))
        case ("deny", 4): self = .deny(tag: words[1], purpose: words[2], field: field(words[3]))
        case ("unset", 3): self = .unset(tag: words[1], field: words[2])
        case ("restrict", 5): self = .restrict(tag: words[1], request: words[2], receivedOn: words[3], dueOn: words[4])
        case ("object", 2): self = .object(tag: words[1])
        case ("revoke", 2): self = .revoke(name: words[1])
        case ("suppress", 5):
            guard let reason = SuppressionReason(rawValue: words[3]) else { return nil }
            self = .suppress(field: words[1], hash: words[2], reason: reason, day: words[4])
        default: return nil
        }
    }
}
