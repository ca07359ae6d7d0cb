import Foundation

/// How `export.html` words the export for the member (GDPR Art. 12(1): concise, intelligible, plain
/// language): the policy set's `wording.json` (or the built-in one) for codes, addresses and times
/// as people write them in the controller's time zone, roles as recipient categories.
struct ExportWording {
    let policy: WordingPolicy
    /// The time zone people read times in (the controller's).
    let timeZone: TimeZone

    /// Wording from `policy`, or from the built-in `wording.json` when the set has none.
    init(_ policy: WordingPolicy?) {
        let chosen = policy ?? Self.builtIn
        self.policy = chosen
        timeZone = TimeZone(identifier: chosen.timeZone) ?? .gmt
    }

    /// The shipped `wording.json`, decoded once.
    private static let builtIn: WordingPolicy = {
        guard let text = PolicySet.builtInDocuments[WordingPolicy.fileName],
              let wording = try? JSONDecoder().decode(WordingPolicy.self, from: Data(text.utf8)) else {
            preconditionFailure("the built-in wording.json does not decode; BuiltInPoliciesTests checks it")
        }
        return wording
    }()

    /// A field's name when the policy set gives no label (sets from before labels).
    static func field(_ name: String) -> String { name.replacingOccurrences(of: "_", with: " ") }

    /// A stored value as a person writes it: an address on one line, a date as `24.12.1990`.
    static func value(_ value: Any?, type: String?) -> String {
        guard let text = value as? String else { return "" }
        if type == "address", let address = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String] {
            let street = [address["street"], address["house_number"]].compactMap { $0 }.joined(separator: " ")
            let city = [address["postal_code"], address["city"]].compactMap { $0 }.joined(separator: " ")
            return [street, city, address["country"] == "DE" ? nil : address["country"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        }
        if type == "date_of_birth", let day = CalendarDay(iso: text) { return String(format: "%02d.%02d.%04d", day.day, day.month, day.year) }
        return text
    }

    /// An ISO 8601 time (UTC) as `24.12.2026, 14:05` in the controller's time zone.
    func time(_ value: Any?) -> String {
        guard let text = value as? String, !text.isEmpty else { return "" }
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = parser.date(from: text) ?? ISO8601DateFormatter().date(from: text) else { return text }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "de_DE")
        formatter.timeZone = timeZone
        formatter.dateFormat = "dd.MM.yyyy, HH:mm"
        return formatter.string(from: date)
    }

    /// A day `YYYY-MM-DD` as `24.12.2026`.
    static func day(_ value: Any?) -> String {
        guard let text = value as? String, let day = CalendarDay(iso: String(text.prefix(10))) else { return value.map { "\($0)" } ?? "" }
        return String(format: "%02d.%02d.%04d", day.day, day.month, day.year)
    }

    /// A lawful basis in words.
    func basis(_ code: Any?) -> String { words(code, policy.lawfulBases) }
    /// A consent state in words.
    func state(_ code: Any?) -> String { words(code, policy.consentStates) }
    /// A consent event in words.
    func event(_ code: Any?) -> String { words(code, policy.consentEvents) }
    /// A capture channel as a source people know.
    func source(_ code: Any?) -> String { words(code, policy.sources) }
    /// A request type in words.
    func requestType(_ code: Any?) -> String { words(code, policy.requestTypes) }

    /// Who received or used the data, as a category (never an internal account name).
    func recipient(role: Any?) -> String { policy.recipient(role as? String ?? "")?.bilingual ?? "" }

    /// What points were for: the reason when one was written, else the rule in words.
    func points(rule: Any?, reason: Any?) -> String {
        if let reason = reason as? String, !reason.isEmpty { return reason }
        return words(rule, policy.pointRules)
    }

    /// A retention rule in words: `90 Tage nach Widerruf / 90 days after withdrawal`.
    func retention(_ rules: [[String: Any]]) -> String {
        var seen: Set<String> = []
        return rules.compactMap { rule -> String? in
            guard let days = rule["days"] as? Int else { return nil }
            let after = policy.retentionAfter[rule["after"] as? String ?? ""]
            let text = "\(days) Tage \(after?.de ?? "") / \(days) days \(after?.en ?? "")"
            return seen.insert(text).inserted ? text : nil
        }.joined(separator: "; ")
    }

    /// The label of `code` in `labels`, or the code itself when the wording has none.
    private func words(_ code: Any?, _ labels: [String: Wording]) -> String {
        guard let code = code as? String else { return "" }
        return labels[code]?.bilingual ?? code
    }
}
