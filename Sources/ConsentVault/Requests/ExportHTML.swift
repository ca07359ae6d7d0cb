import Foundation

/// `export.html`: the export for a person, in German and English, self-contained (no external
/// resources) and readable when printed.
enum ExportHTML {
    /// Renders the export document as one HTML page.
    static func render(_ document: [String: Any]) -> String {
        let fields = document["fields"] as? [[String: Any]] ?? []
        let consents = document["consents"] as? [String: Any] ?? [:]
        let current = consents["current"] as? [[String: Any]] ?? []
        let history = consents["history"] as? [[String: Any]] ?? []
        let points = document["points"] as? [String: Any] ?? [:]
        let ledger = points["ledger"] as? [[String: Any]] ?? []
        let accesses = document["access_history"] as? [[String: Any]] ?? []
        let requests = document["requests"] as? [[String: Any]] ?? []
        let rights = document["rights"] as? [String: String] ?? [:]
        var html = """
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8">
            <title>Auskunft über Ihre Daten / Your data</title>
            <style>
            body { font-family: sans-serif; max-width: 60em; margin: 2em auto; color: #111; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
            th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: left; vertical-align: top; font-size: 0.9em; }
            th { background: #eee; } h2 { margin-top: 1.5em; }
            @media print { body { margin: 0; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
            </style></head><body>
            <h1>Auskunft über Ihre Daten (Art. 15 DSGVO) / Your data (Art. 15 GDPR)</h1>
            <p>Mitglied / Member: \(escape(document["member"])) · erstellt / generated: \(escape(document["generated_at"])) · Mitglied seit / member since: \(escape(document["member_since"]))</p>

            """
        html += section("Gespeicherte Angaben / Stored data", ["Feld / Field", "Wert / Value", "Kategorie / Category", "Erhoben / Collected", "Zwecke / Purposes"],
                        fields.map { field in
                            let purposes = (field["purposes"] as? [[String: Any]] ?? []).map { "\($0["purpose"] ?? "") (\($0["lawful_basis"] ?? ""))" }
                            return [field["name"], field["value"], field["category"], field["collected_at"], purposes.joined(separator: ", ")]
                        })
        html += section("Zwecke und Einwilligungen / Purposes and consents", ["Zweck / Purpose", "Rechtsgrundlage / Lawful basis", "Status"],
                        current.map { [$0["purpose"], $0["lawful_basis"], $0["state"]] })
        html += section("Verlauf der Einwilligungen / Consent history", ["#", "Zeit / Time", "Ereignis / Event", "Zweck / Purpose", "Hinweistext / Notice shown", "Kanal / Channel"],
                        history.map { [$0["sequence"], $0["captured_at"], $0["event"], $0["purpose"], $0["notice_text"] ?? "", $0["channel"]] })
        html += "<h2>Punkte / Points</h2><p>Kontostand / Balance: \(escape(points["balance"]))</p>\n"
        html += section("Punktebuch / Points ledger", ["#", "Zeit / Time", "Regel / Rule", "Punkte / Points", "Grund / Reason"],
                        ledger.map { [$0["sequence"], $0["at"], $0["rule"], $0["points"], $0["reason"]] })
        html += section("Empfänger und Zugriffe / Recipients and accesses", ["Zeit / Time", "Wer / Who", "Rolle / Role", "Vorgang / Operation", "Zweck / Purpose", "Felder / Fields", "Ergebnis / Outcome"],
                        accesses.map { [$0["at"], $0["principal"], $0["role"], $0["operation"], $0["purpose"],
                                        ($0["fields_returned"] as? [String] ?? []).joined(separator: ", "), $0["outcome"]] })
        html += section("Offene Anfragen / Open requests", ["Anfrage / Request", "Art / Type", "Eingang / Received", "Frist / Due"],
                        requests.map { [$0["id"], $0["type"], $0["received_on"], $0["due_on"]] })
        html += "<h2>Ihre Rechte / Your rights</h2>\n<p lang=\"de\">\(escape(rights["de"]))</p>\n<p lang=\"en\">\(escape(rights["en"]))</p>\n</body></html>\n"
        return html
    }

    private static func section(_ title: String, _ headers: [String], _ rows: [[Any?]]) -> String {
        var html = "<h2>\(escape(title))</h2>\n"
        guard !rows.isEmpty else { return html + "<p>— keine / none —</p>\n" }
        html += "<table><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
        return html + "</table>\n"
    }

    /// HTML-escaped text of any value (nil and NSNull as empty).
    static func escape(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "" }
        var text = ""
        for character in "\(value)" {
            switch character {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\"": text += "&quot;"
            case "'": text += "&#39;"
            default: text.append(character)
            }
        }
        return text
    }
}
