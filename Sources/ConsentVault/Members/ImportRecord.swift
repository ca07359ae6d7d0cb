import Foundation

/// One line of a bulk import: `{"fields": {"email": "…"}, "consents": [{"purpose": "…", "field": "…"}]}`.
struct ImportRecord {
    /// Field names and raw values, in the order given.
    let fields: [FieldInput]
    /// Consents given with the data.
    let consents: [ConsentRequest]

    /// Parses a line; the error says what is wrong without quoting any value, and names a field
    /// only when it is one of `knownFields` (the catalog's).
    static func parse(_ line: String, knownFields: Set<String> = []) throws(ImportError) -> ImportRecord {
        guard !line.unicodeScalars.contains("\u{FFFD}") else { throw .malformed("not valid UTF-8 (or holds U+FFFD, its replacement mark)") }
        // Names from the line are never echoed: a file whose columns are swapped has personal data where names belong.
        if let key = StrictJSON.duplicateKey(in: line) { throw .malformed("a key of \(key.count) characters is given twice in one object") }
        if let lax = StrictJSON.laxSyntax(in: line) { throw .malformed("not strict JSON: \(lax)") }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            throw .malformed("not a JSON object")
        }
        for key in object.keys where key != "fields" && key != "consents" {
            throw .malformed("unknown key of \(key.count) characters: a line has only 'fields' and 'consents'")
        }
        guard let fields = object["fields"] as? [String: Any], !fields.isEmpty else {
            throw .malformed("'fields' must be a non-empty object of field names and text values")
        }
        var inputs: [FieldInput] = []
        for (position, (name, value)) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
            guard let text = value as? String else {
                throw .malformed(knownFields.contains(name) ? "field '\(name)' must be text" : "the value of field \(position + 1) (in name order) must be text")
            }
            inputs.append(FieldInput(name, text))
        }
        var consents: [ConsentRequest] = []
        if let list = object["consents"] {
            guard let entries = list as? [[String: Any]] else { throw .malformed("'consents' must be a list of objects") }
            guard entries.count <= ConsentRequest.maximumPerRequest else {
                throw .malformed("more than \(ConsentRequest.maximumPerRequest) consents in one line")
            }
            for (index, entry) in entries.enumerated() {
                guard entry.keys.allSatisfy({ $0 == "purpose" || $0 == "field" }) else {
                    throw .malformed("consents[\(index)] has a key other than 'purpose' and 'field'")
                }
                guard let purpose = entry["purpose"] as? String else { throw .malformed("consents[\(index)].purpose must be text") }
                if entry["field"] != nil, !(entry["field"] is String) { throw .malformed("consents[\(index)].field must be text") }
                consents.append(ConsentRequest(purpose: purpose, field: entry["field"] as? String))
            }
        }
        return ImportRecord(fields: inputs, consents: consents)
    }
}

/// Why an import line was refused, or why a strict import stopped.
public enum ImportError: VaultError, Equatable {
    /// The line is not a well-formed import record.
    case malformed(String)
    /// A strict import stopped at this line; the batch that held it was not written.
    case aborted(line: Int, reason: String)

    /// What is wrong.
    public var description: String {
        switch self {
        case .malformed(let reason): return reason
        case .aborted(let line, let reason): return "line \(line): \(reason); the strict import stopped, this batch was not written"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .malformed: return "import_line_malformed"
        case .aborted: return "import_aborted"
        }
    }
}
