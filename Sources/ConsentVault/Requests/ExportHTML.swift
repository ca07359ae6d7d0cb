import Foundation

/// `export.html`: the export for a person, in German and English, self-contained (no external
/// resources) and readable when printed.
enum ExportHTML {
    /// Renders the export document as one HTML page, worded by `wording`.
    static func render(_ document: [String: Any], wording: ExportWording) -> String {
        let fields = document["fields"] as? [[String: Any]] ?? []
        let consents = document["consents"] as? [String: Any] ?? [:]
        let current = consents["current"] as? [[String: Any]] ?? []
        let history = consents["history"] as? [[String: Any]] ?? []
        let points = document["points"] as? [String: Any] ?? [:]
        let ledger = points["ledger"] as? [[String: Any]] ?? []
        let accesses = document["access_history"] as? [[String: Any]] ?? []
        let requests = document["requests"] as? [[String: Any]] ?? []
        let rights = document["rights"] as? [String: String] ?? [:]
        let purposeTexts = document["purpose_texts"] as? [String: [String: String]] ?? [:]
        let fieldLabels = document["field_labels"] as? [String: [String: String]] ?? [:]
        /// The policy's label for a field, else its name in words.
        func label(_ name: String) -> String {
            guard let label = fieldLabels[name], let german = label["de"], let english = label["en"] else { return ExportWording.field(name) }
            return german == english ? german : "\(german) / \(english)"
        }
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
            <p>Mitglied / Member: \(escape(document["member"])) · erstellt am / generated: \(escape(wording.time(document["generated_at"]))) (Zeitzone / time zone \(wording.timeZone.identifier)) · Mitglied seit / member since: \(escape(wording.day(ofTime: document["member_since"])))</p>

            """
        html += contactSection(document["controller"] as? [String: [String: String]])
        html += section("Gespeicherte Angaben / Stored data",
                        ["Angabe / Item", "Wert / Value", "Erhoben am / Collected", "Quelle / Source", "Wofür / Used for", "Aufbewahrung / Kept"],
                        fields.map { field in
                            let type = field["type"] as? String
                            let purposes = (field["purposes"] as? [[String: Any]] ?? []).map { purpose in
                                "\(description(purpose["purpose"], purposeTexts)) (\(wording.basis(purpose["lawful_basis"])))"
                            }
                            return [label(field["name"] as? String ?? ""), ExportWording.value(field["value"], type: type),
                                    wording.time(field["collected_at"]), wording.source(field["source_channel"]), purposes.joined(separator: "; "),
                                    wording.retention(field["retention"] as? [[String: Any]] ?? [])]
                        })
        html += section("Zwecke und Einwilligungen / Purposes and consents", ["Zweck / Purpose", "Rechtsgrundlage / Lawful basis", "Stand / Status"],
                        current.map { [description($0["purpose"], purposeTexts), wording.basis($0["lawful_basis"]), wording.state($0["state"])] })
        html += section("Verlauf Ihrer Einwilligungen / Your consent history",
                        ["Nr. / No.", "Zeit / Time", "Vorgang / Event", "Zweck / Purpose", "Hinweistext / Notice shown", "Über / Via"],
                        history.enumerated().map { index, entry in
                            [index + 1, wording.time(entry["captured_at"]), wording.event(entry["event"]), description(entry["purpose"], purposeTexts),
                             entry["notice_text"] ?? "", wording.source(entry["channel"])]
                        })
        html += "<h2>Punkteübersicht / Points overview</h2><p>Kontostand / Balance: \(escape(points["balance"])) Punkte / points</p>\n"
        html += section("Ihre Punkte im Einzelnen / Your points in detail", ["Nr. / No.", "Zeit / Time", "Wofür / For", "Punkte / Points"],
                        ledger.enumerated().map { index, entry in
                            [index + 1, wording.time(entry["at"]), wording.points(rule: entry["rule"], reason: entry["reason"]), entry["points"]]
                        })
        html += section("Empfänger und Zugriffe / Recipients and accesses",
                        ["Zeit / Time", "Empfänger (Kategorie) / Recipient (category)", "Zweck / Purpose", "Angaben / Items"],
                        accesses.filter { ($0["outcome"] as? String) == "ok" && !(($0["fields_returned"] as? [String]) ?? []).isEmpty }.map {
                            [wording.time($0["at"]), wording.recipient(role: $0["role"]),
                             ($0["operation"] as? String)?.hasPrefix("dsr.") == true && ($0["purpose"] as? String ?? "").isEmpty
                                ? "Bearbeitung Ihrer Anfrage nach der DSGVO / handling your GDPR request" : description($0["purpose"], purposeTexts),
                             (($0["fields_returned"] as? [String]) ?? []).filter { !$0.contains(":") }.map { label($0) }
                                .joined(separator: ", ")]
                        })
        html += section("Offene Anfragen / Open requests", ["Anfrage / Request", "Art / Type", "Eingang / Received", "Frist / Due"],
                        requests.map { [$0["id"], wording.requestType($0["type"]), ExportWording.day($0["received_on"]), ExportWording.day($0["due_on"])] })
        html += """
            <h2>Profilbildung und automatisierte Entscheidungen / Profiling and automated decisions</h2>
            <p lang="de">Mit Ihrer Einwilligung nutzen wir Angaben wie Kleidergröße, Lieblingsfiliale und Geburtsmonat, um Ihnen persönliche Angebote zu machen, auch mit Texten, die eine KI vorschlägt. Die KI erhält dabei keine Namen, Adressen oder Kontaktdaten, nur Platzhalter. Es gibt keine Entscheidungen, die allein automatisiert getroffen werden und Ihnen gegenüber rechtliche Wirkung entfalten (Art. 22 DSGVO). Sie können jede Einwilligung jederzeit widerrufen.</p>
            <p lang="en">With your consent we use details such as clothing size, favourite store and month of birth to make you personal offers, also with texts an AI suggests. The AI never receives names, addresses or contact details, only placeholders. No decision with legal effect on you is made by automated means alone (Art. 22 GDPR). You may withdraw any consent at any time.</p>

            """
        html += "<h2>Ihre Rechte / Your rights</h2>\n<p lang=\"de\">\(escape(rights["de"]))</p>\n<p lang=\"en\">\(escape(rights["en"]))</p>\n</body></html>\n"
        return html
    }

    /// Who answers for the data and where to complain (Art. 13(1)(a)–(b), 77), or a note that the
    /// controller has put no contact on file.
    private static func contactSection(_ parties: [String: [String: String]]?) -> String {
        guard let parties else {
            return "<h2>Verantwortlicher / Controller</h2>\n<p>Keine Kontaktangaben hinterlegt; bitte wenden Sie sich an die Stelle, "
                + "die Ihnen diese Auskunft geschickt hat. / No contact details on file; please ask whoever sent you this export.</p>\n"
        }
        let roles = [("controller", "Verantwortlicher / Controller"), ("data_protection_officer", "Datenschutzbeauftragte(r) / Data protection officer"),
                     ("supervisory_authority", "Aufsichtsbehörde (Beschwerderecht, Art. 77) / Supervisory authority (right to complain)")]
        var html = "<h2>Verantwortlicher und Datenschutz / Controller and data protection</h2>\n<dl>\n"
        for (key, title) in roles {
            guard let party = parties[key] else { continue }
            let details = [("address", "Anschrift / Address"), ("email", "E-Mail / Email"), ("phone", "Telefon / Phone"), ("website", "Web")]
                .compactMap { key, label in party[key].map { "<br>\(label): \(escape($0))" } }.joined()
            html += "<dt>\(escape(title))</dt><dd>\(escape(party["name"]))\(details)</dd>\n"
        }
        return html + "</dl>\n"
    }

    /// The purpose's description in both languages, from the policy set.
    private static func description(_ purpose: Any?, _ texts: [String: [String: String]]) -> String {
        guard let id = purpose as? String, !id.isEmpty else { return "" }
        // A purpose the current policy set no longer has keeps no description: say so rather than show its id.
        guard let text = texts[id], let german = text["de"], let english = text["en"] else {
            return "ein früher angebotener Zweck / a purpose no longer offered"
        }
        return german == english ? german : "\(german) / \(english)"
    }

    private static func section(_ title: String, _ headers: [String], _ rows: [[Any?]]) -> String {
        var html = "<h2>\(escape(title))</h2>\n"
        guard !rows.isEmpty else { return html + "<p>— keine / none —</p>\n" }
        html += "<table><tr>" + headers.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr>\n"
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
