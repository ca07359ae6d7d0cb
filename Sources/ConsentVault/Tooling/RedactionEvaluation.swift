import Foundation

/// Measures the redactor on a labeled corpus (JSON lines: `{"text": …, "entities": [{"type": …,
/// "start": …, "end": …}], "known": {field: value}}`, offsets in code points).
package struct RedactionEvaluation: Sendable {
    /// Per entity type.
    package struct TypeScore: Sendable {
        /// Entity type.
        package let type: String
        /// Labeled entities found (overlapping a detection of the same type).
        package let truePositives: Int
        /// Detections of the type that overlap no labeled entity of the type.
        package let falsePositives: Int
        /// Labeled entities missed.
        package let falseNegatives: Int
        /// TP / (TP + FP), 1 when nothing was detected.
        package var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        /// TP / (TP + FN), 1 when nothing was labeled.
        package var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    }

    /// Prompts evaluated.
    package let prompts: Int
    /// Scores per type.
    package let scores: [TypeScore]
    /// Share of labeled personal-data code points not covered by any detection.
    package let leakedCharacterShare: Double
    /// Detections overlapping no labeled entity, per prompt.
    package let spuriousPerPrompt: Double
    /// Redaction throughput on the corpus prompts.
    package let promptsPerSecond: Double
    /// Labeled entities overlapped by a detection of any type, over all labeled entities.
    package let anyTypeRecall: Double
    /// Missed labels and spurious detections with their text, when asked for (for tuning on a development corpus).
    package let misses: [String]

    /// Evaluates `corpus` (JSON lines) with the vault's member-number pattern; with `usingKnownValues`
    /// each prompt's `known` record is given to the redactor (as `--member` does), else it is ignored.
    package static func run(corpus: String, memberNumberPattern: String?, usingKnownValues: Bool = true,
                            listingMisses: Bool = false) throws -> RedactionEvaluation {
        let examples = try LabeledPrompt.parse(corpus)
        let pattern = memberNumberPattern.flatMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        var tp: [String: Int] = [:], fp: [String: Int] = [:], fn: [String: Int] = [:]
        var personal = 0, leaked = 0, spurious = 0, labels = 0, foundAnyType = 0
        var misses: [String] = []
        let started = Date()
        for example in examples {
            let detections = Redactor(knownValues: usingKnownValues ? example.known ?? [:] : [:], memberNumberPattern: pattern).detect(example.text)
            let scalars = Array(example.text.unicodeScalars)
            func excerpt(_ start: Int, _ end: Int) -> String {
                let lower = max(0, start - 25), upper = min(scalars.count, end + 25)
                func piece(_ from: Int, _ to: Int) -> String { String(String.UnicodeScalarView(scalars[max(from, 0)..<min(max(to, from), scalars.count)])) }
                return (piece(lower, start) + "«" + piece(start, end) + "»" + piece(end, upper)).replacingOccurrences(of: "\n", with: "⏎")
            }
            for label in example.entities {
                labels += 1
                personal += label.end - label.start
                let left = (label.start..<label.end).filter { index in !detections.contains { $0.start <= index && index < $0.end } }.count
                leaked += left
                if detections.contains(where: { $0.start < label.end && label.start < $0.end }) {
                    foundAnyType += 1
                    if listingMisses, left > 0 { misses.append("partly left \(label.type) (\(left) characters): \(excerpt(label.start, label.end))") }
                }
                if detections.contains(where: { $0.type.rawValue == label.type && $0.start < label.end && label.start < $0.end }) {
                    tp[label.type, default: 0] += 1
                } else {
                    fn[label.type, default: 0] += 1
                    if listingMisses {
                        // Redacted under another type is no leak: say so, so the misses that leak stand out.
                        let other = detections.first { $0.start < label.end && label.start < $0.end }.map { " (redacted as \($0.type.rawValue))" } ?? ""
                        misses.append("missed \(label.type)\(other): \(excerpt(label.start, label.end))")
                    }
                }
            }
            for detection in detections {
                let overlapsAny = example.entities.contains { detection.start < $0.end && $0.start < detection.end }
                if !overlapsAny {
                    spurious += 1
                    if listingMisses { misses.append("spurious \(detection.type.rawValue): \(excerpt(detection.start, detection.end))") }
                }
                if !example.entities.contains(where: { $0.type == detection.type.rawValue && detection.start < $0.end && $0.start < detection.end }) {
                    fp[detection.type.rawValue, default: 0] += 1
                }
            }
        }
        let elapsed = max(Date().timeIntervalSince(started), 1e-9)
        let types = Set(tp.keys).union(fp.keys).union(fn.keys).sorted()
        return RedactionEvaluation(
            prompts: examples.count,
            scores: types.map { TypeScore(type: $0, truePositives: tp[$0] ?? 0, falsePositives: fp[$0] ?? 0, falseNegatives: fn[$0] ?? 0) },
            leakedCharacterShare: personal == 0 ? 0 : Double(leaked) / Double(personal),
            spuriousPerPrompt: examples.isEmpty ? 0 : Double(spurious) / Double(examples.count),
            promptsPerSecond: Double(examples.count) / elapsed,
            anyTypeRecall: labels == 0 ? 1 : Double(foundAnyType) / Double(labels), misses: misses)
    }

    /// Redaction speed on `text`: megabytes per second.
    package static func throughput(of text: String) -> Double {
        let started = Date()
        _ = Redactor(knownValues: [:], memberNumberPattern: nil).detect(text)
        return Double(text.utf8.count) / 1_000_000 / max(Date().timeIntervalSince(started), 1e-9)
    }
}
