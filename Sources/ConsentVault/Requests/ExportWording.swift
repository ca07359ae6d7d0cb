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
        let chosen = policy ?? WordingPolicy.builtIn
        self.policy = chosen
        timeZone = TimeZone(identifier: chosen.timeZone) ?? .gmt
    }

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
        if type == "phone" { return phone(text) }
        return text
    }

    /// Two-digit country calling codes (ITU-T E.164 assignments); `1` and `7` are the one-digit ones, the rest three.
    private static let twoDigitCountryCodes: Set<String> = ["20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
                                                            "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62",
                                                            "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98"]

    /// An E.164 number as people write it: the country code apart (`+44 2079460777`), and a German
    /// mobile number with its network code apart too (`+49 171 2345678`).
    static func phone(_ e164: String) -> String {
        guard e164.hasPrefix("+"), e164.dropFirst().allSatisfy(\.isASCII), e164.dropFirst().allSatisfy(\.isNumber), e164.count > 6 else { return e164 }
        let digits = String(e164.dropFirst())
        let codeLength = ["1", "7"].contains(String(digits.prefix(1))) ? 1 : twoDigitCountryCodes.contains(String(digits.prefix(2))) ? 2 : 3
        let code = digits.prefix(codeLength), national = digits.dropFirst(codeLength)
        if code == "49", let first = national.first, first == "1", let second = national.dropFirst().first, "567".contains(second) {
            return "+49 \(national.prefix(3)) \(national.dropFirst(3))"
        }
        return "+\(code) \(national)"
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

    /// The controller's day of an ISO 8601 time (UTC) as `24.12.2026`.
    func day(ofTime value: Any?) -> String {
        String(time(value).prefix(10))
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

    /// What points were for: the rule in the wording's words, else the reason recorded with the booking.
    func points(rule: Any?, reason: Any?) -> String {
        if let rule = rule as? String, let label = policy.pointRules[rule] { return label.bilingual }
        return (reason as? String) ?? words(rule, policy.pointRules)
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
