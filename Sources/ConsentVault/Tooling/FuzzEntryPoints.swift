package import Foundation

/// Entry points of the libFuzzer targets in `Tests/Fuzz` and of the tests that replay their
/// corpora. Each takes arbitrary bytes and must return normally, whatever they hold: every
/// malformed input is an ordinary thrown error, never a crash or a hang. The invariants checked
/// here are `precondition`s, so a violation is a crash the fuzzer reports.
package enum FuzzEntryPoints {
    /// A fixed "today" for birth-date checks, so an input behaves the same on every day.
    private static let today = CalendarDay(year: 2026, month: 11, day: 23)

    /// The redactor on any text. A first line starting with `known:` gives the member's known
    /// values (`field=value` separated by `|`). Checks that entities are in order, do not
    /// overlap, lie inside the input, and that no placeholder maps to an empty value.
    package static func redact(_ bytes: [UInt8], policies: PolicySet) {
        var text = String(decoding: bytes, as: UTF8.self)
        var known: [String: String] = [:]
        if text.hasPrefix("known:"), let newline = text.firstIndex(of: "\n") {
            for pair in text[text.index(text.startIndex, offsetBy: 6)..<newline].split(separator: "|") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { known[String(parts[0])] = String(parts[1]) }
            }
            text = String(text[text.index(after: newline)...])
        }
        guard let redactor = try? Redactor(catalog: policies.fields, knownValues: known) else { return }
        var mapping: [String: PlaceholderValue] = [:]
        let entities = redactor.redact(text, mapping: &mapping).entities
        let length = text.unicodeScalars.count
        var previousEnd = 0
        for entity in entities {
            precondition(entity.start >= previousEnd && entity.start < entity.end && entity.end <= length, "entity out of order or range")
            previousEnd = entity.end
        }
        precondition(mapping.values.allSatisfy { !$0.value.isEmpty }, "a placeholder stands for an empty value")
    }

    /// The policy loader on any bytes as one of the five files (the first byte picks which); the
    /// other four come from `documents`. A set that loads must load again to the same hash.
    package static func loadPolicies(_ bytes: [UInt8], over documents: [String: Data]) {
        guard let selector = bytes.first else { return }
        var changed = documents
        changed[PolicySet.fileNames[Int(selector) % PolicySet.fileNames.count]] = Data(bytes.dropFirst())
        guard let loaded = try? PolicySet.decode(changed) else { return }
        precondition((try? PolicySet.decode(loaded.documents))?.hash == loaded.hash, "a loaded policy set does not load again")
    }

    /// A field normalizer on any text (the first byte picks the field of the catalog). A value
    /// that normalizes must normalize again to itself: normalization is idempotent.
    package static func normalizeField(_ bytes: [UInt8], policies: PolicySet) {
        guard let selector = bytes.first, !policies.fields.fields.isEmpty else { return }
        let fields = policies.fields.fields
        let definition = fields[Int(selector) % fields.count]
        let normalizer = FieldNormalizer(catalog: policies.fields, today: today)
        guard let value = try? normalizer.normalize(String(decoding: bytes.dropFirst(), as: UTF8.self), for: definition) else { return }
        let again = try? normalizer.normalize(value.stored, for: definition)
        precondition(again?.stored == value.stored && again?.lookupKey == value.lookupKey, "normalization is not idempotent")
    }

    /// The import line parser, then the same validation an import runs on a parsed line.
    package static func parseImportLine(_ bytes: [UInt8], policies: PolicySet) {
        guard let record = try? ImportRecord.parse(String(decoding: bytes, as: UTF8.self)) else { return }
        let normalizer = FieldNormalizer(catalog: policies.fields, today: today)
        for field in record.fields {
            guard let definition = policies.fields.definition(of: field.name) else { continue }
            _ = try? normalizer.normalize(field.value, for: definition)
        }
        for consent in record.consents { _ = policies.purposes.purpose(consent.purpose) }
    }
}
