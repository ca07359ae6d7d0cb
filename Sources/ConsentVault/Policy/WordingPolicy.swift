import Foundation

/// `wording.json`: how the export a member reads (`export.html`) names what the vault stores as
/// codes, in German and English, so a retailer can word it: lawful bases, consent states and
/// events, sources, recipients (one category per role), retention starts, request types and
/// points rules; and the time zone people read times in. Optional in a stored policy set: a set
/// without it is worded by the built-in file.
public struct WordingPolicy: Codable, Sendable, Equatable {
    /// File name inside a policy folder.
    public static let fileName = "wording.json"
    /// Document format version.
    public let version: Int
    /// IANA time zone of the controller (`Europe/Berlin`): times in the export are shown in it.
    public let timeZone: String
    /// Lawful basis code → label.
    public let lawfulBases: [String: Wording]
    /// Consent state code → label (also `not_consent_based`).
    public let consentStates: [String: Wording]
    /// Consent event code → label.
    public let consentEvents: [String: Wording]
    /// Capture channel → label.
    public let sources: [String: Wording]
    /// Role id → recipient category; `other` for roles without one.
    public let recipients: [String: Wording]
    /// Retention start (`after` of a purpose's retention) → label.
    public let retentionAfter: [String: Wording]
    /// Data subject request type → label.
    public let requestTypes: [String: Wording]
    /// Reward rule id → what the points were for.
    public let pointRules: [String: Wording]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version
        case timeZone = "time_zone"
        case lawfulBases = "lawful_bases"
        case consentStates = "consent_states"
        case consentEvents = "consent_events"
        case sources, recipients
        case retentionAfter = "retention_after"
        case requestTypes = "request_types"
        case pointRules = "point_rules"
    }

    /// The recipient category of `role`, or the `other` one.
    func recipient(_ role: String) -> Wording? { recipients[role] ?? recipients[Self.otherRecipient] }

    /// The shipped `wording.json`, decoded once: the wording of a policy set without the file.
    static let builtIn: WordingPolicy = {
        guard let text = PolicySet.builtInDocuments[fileName], let wording = try? JSONDecoder().decode(WordingPolicy.self, from: Data(text.utf8)) else {
            preconditionFailure("the built-in wording.json does not decode; PolicySetTests checks it")
        }
        return wording
    }()

    /// Key of the category for roles `recipients` does not name.
    static let otherRecipient = "other"
    /// The export's state of a purpose that needs no consent (its lawful basis is another).
    static let notConsentBased = "not_consent_based"
}

/// One text in German and English.
public struct Wording: Codable, Sendable, Equatable {
    /// German.
    public let de: String
    /// English.
    public let en: String

    /// `Deutsch / English`, or one of them when both read the same.
    var bilingual: String { de == en ? de : "\(de) / \(en)" }
}

/// Checks `wording.json`: a label for every code the vault uses (and no other), a known time zone,
/// recipients for roles that exist, point rules that exist, plain one-line text.
enum WordingValidator {
    /// Longest label accepted.
    static let maximumLength = 200

    /// Every problem in `wording` (and in `document`, its raw JSON: keys decoding would skip), given
    /// the rest of the set (nil where that file did not decode).
    static func problems(in wording: WordingPolicy, document: Data, roles: RoleCatalog?, rewards: RewardPolicy?) -> [PolicyProblem] {
        var problems: [PolicyProblem] = []
        func report(_ path: String, _ message: String) { problems.append(PolicyProblem(file: WordingPolicy.fileName, path: path, message: message)) }
        // A key the vault does not read (a misspelt section, a third language) is refused, not ignored.
        if let raw = try? JSONSerialization.jsonObject(with: document) as? [String: Any] {
            let sections = Set(WordingPolicy.CodingKeys.allCases.map(\.rawValue))
            for key in raw.keys.sorted() where !sections.contains(key) { report("$.\(key)", "is not a section of \(WordingPolicy.fileName)") }
            for (section, value) in raw.sorted(by: { $0.key < $1.key }) {
                guard let labels = value as? [String: Any] else { continue }
                for (code, label) in labels.sorted(by: { $0.key < $1.key }) {
                    for language in ((label as? [String: Any])?.keys.sorted() ?? []) where !["de", "en"].contains(language) {
                        report("$.\(section).\(code).\(language)", "a label has only 'de' and 'en'")
                    }
                }
            }
        }
        if wording.version != 1 { report("$.version", "must be 1") }
        // An IANA name (`Europe/Berlin`): `GMT+5` would read as UTC+5 here but UTC−5 as IANA's `Etc/GMT+5`.
        if !TimeZone.knownTimeZoneIdentifiers.contains(wording.timeZone) || TimeZone(identifier: wording.timeZone) == nil { report("$.time_zone", "must be an IANA time zone such as Europe/Berlin (found '\(wording.timeZone)')") }
        func check(_ labels: [String: Wording], _ key: String, required: Set<String>, allowed: Set<String>) {
            for code in required.subtracting(labels.keys).sorted() { report("$.\(key)", "needs a label for '\(code)'") }
            for code in Set(labels.keys).subtracting(allowed).sorted() {
                report("$.\(key).\(code)", "is not a known code; one of \(allowed.sorted().joined(separator: ", "))")
            }
            for (code, label) in labels.sorted(by: { $0.key < $1.key }) {
                for (language, text) in [("de", label.de), ("en", label.en)] {
                    let path = "$.\(key).\(code).\(language)"
                    if text.trimmingCharacters(in: .whitespaces).isEmpty { report(path, "must not be empty") }
                    if text.count > maximumLength { report(path, "must be at most \(maximumLength) characters") }
                    if !PolicyText.isOneLine(text) { report(path, "must be one line of plain text (no control, line-separator or invisible formatting characters)") }
                }
            }
        }
        let bases = Set(LawfulBasis.allCases.map(\.rawValue))
        check(wording.lawfulBases, "lawful_bases", required: bases, allowed: bases)
        let states = Set(ConsentState.allCases.map(\.rawValue) + [WordingPolicy.notConsentBased])
        check(wording.consentStates, "consent_states", required: states, allowed: states)
        let events = Set(ConsentEventKind.allCases.map(\.rawValue))
        check(wording.consentEvents, "consent_events", required: events, allowed: events)
        let channels = Set(Channel.allCases.map(\.rawValue))
        check(wording.sources, "sources", required: channels, allowed: channels)
        let roleIDs = Set(roles?.roles.map(\.id) ?? Array(wording.recipients.keys))
        check(wording.recipients, "recipients", required: [WordingPolicy.otherRecipient], allowed: roleIDs.union([WordingPolicy.otherRecipient]))
        let starts = PurposeValidator.retentionStarts
        check(wording.retentionAfter, "retention_after", required: starts, allowed: starts)
        let requestTypes = Set(RequestType.allCases.map(\.rawValue))
        check(wording.requestTypes, "request_types", required: requestTypes, allowed: requestTypes)
        let rules = Set(rewards?.rules.map(\.id) ?? Array(wording.pointRules.keys))
        check(wording.pointRules, "point_rules", required: rules, allowed: rules)
        return problems
    }
}
