import Foundation

/// How `export.html` words the export for the member (GDPR Art. 12(1): concise, intelligible, plain
/// language): German and English labels instead of internal names and codes, addresses and times as
/// people write them in the controller's time zone, roles as recipient categories.
enum ExportWording {
    /// The time zone people read times in (the controller's).
    static let timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt

    /// A field's label when the policy set gives none (sets from before labels), by name or type.
    static func field(_ name: String, type: String?) -> String {
        switch name {
        case "first_name": return "Vorname / First name"
        case "last_name": return "Nachname / Last name"
        case "clothing_size": return "Kleidergröße / Clothing size"
        case "shoe_size": return "Schuhgröße / Shoe size"
        case "preferred_store": return "Lieblingsfiliale / Favourite store"
        case "purchase_receipts": return "Kassenbons / Purchase receipts"
        default: break
        }
        switch type {
        case "email": return "E-Mail / Email"
        case "phone": return "Telefon / Phone"
        case "date_of_birth": return "Geburtsdatum / Date of birth"
        case "address": return "Anschrift / Address"
        case "member_number": return "Mitgliedsnummer / Member number"
        default: return name.replacingOccurrences(of: "_", with: " ")
        }
    }

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
    static func time(_ value: Any?) -> String {
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
    static func basis(_ code: Any?) -> String {
        switch code as? String {
        case "consent": return "Ihre Einwilligung / your consent"
        case "contract": return "Vertrag (Bonusprogramm) / contract (loyalty programme)"
        case "legal_obligation": return "gesetzliche Pflicht / legal obligation"
        case "legitimate_interest": return "berechtigtes Interesse / legitimate interest"
        default: return (code as? String) ?? ""
        }
    }

    /// A consent state in words.
    static func state(_ code: Any?) -> String {
        switch code as? String {
        case "active": return "erteilt / given"
        case "pending": return "wartet auf Ihre Bestätigung / awaiting your confirmation"
        case "withdrawn": return "widerrufen / withdrawn"
        case "denied": return "abgelehnt / declined"
        case "expired": return "abgelaufen / expired"
        case "needs_reconsent": return "neu zu bestätigen / to be confirmed again"
        case "none": return "nicht erteilt / not given"
        case "not_consent_based": return "keine Einwilligung nötig / no consent needed"
        default: return (code as? String) ?? ""
        }
    }

    /// A consent event in words.
    static func event(_ code: Any?) -> String {
        switch code as? String {
        case "grant": return "Einwilligung erteilt / consent given"
        case "deny": return "abgelehnt / declined"
        case "withdraw": return "widerrufen / withdrawn"
        case "doi_sent": return "Bestätigungs-E-Mail gesendet / confirmation email sent"
        case "doi_confirmed": return "bestätigt / confirmed"
        case "expire": return "abgelaufen / expired"
        default: return (code as? String) ?? ""
        }
    }

    /// Who received or used the data, as a category (never an internal account name).
    static func recipient(role: Any?) -> String {
        switch role as? String {
        case "enrollment": return "Anmeldung und Kundenservice / sign-up and customer service"
        case "marketing": return "Marketing (nur mit Einwilligung) / marketing (with consent only)"
        case "dpo": return "Datenschutzbeauftragte(r) / data protection officer"
        case "admin", "local-admin", "local_admin": return "Systemverwaltung / system administration"
        default: return "interne Stelle / internal department"
        }
    }

    /// A retention rule in words: `90 Tage nach Widerruf / 90 days after withdrawal`.
    static func retention(_ rules: [[String: Any]]) -> String {
        var seen: Set<String> = []
        return rules.compactMap { rule -> String? in
            guard let days = rule["days"] as? Int else { return nil }
            let after: (String, String)
            switch rule["after"] as? String {
            case "consent_withdrawn": after = ("nach Widerruf der Einwilligung", "after the consent is withdrawn")
            case "account_closed": after = ("nach Ende der Mitgliedschaft", "after the membership ends")
            case "collected": after = ("nach Erhebung", "after collection")
            default: after = ("", "")
            }
            let text = "\(days) Tage \(after.0) / \(days) days \(after.1)"
            return seen.insert(text).inserted ? text : nil
        }.joined(separator: "; ")
    }
}
