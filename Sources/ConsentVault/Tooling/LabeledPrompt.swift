import Foundation

/// One prompt of a labelled corpus (a JSON line: `{"text": …, "entities": [{"type": …, "start": …,
/// "end": …}], "known": {field: value}}`, offsets in code points), as `prompt eval` and
/// `prompt train-names` read it.
struct LabeledPrompt: Decodable {
    /// One labelled entity.
    struct Label: Decodable {
        /// Entity type (`PERSON`, `PHONE`, …).
        let type: String
        /// First code point and one past the last.
        let start: Int
        let end: Int
    }

    /// The prompt.
    let text: String
    /// Its personal data.
    let entities: [Label]
    /// The member's record as the shop holds it, field → value, if the prompt has one.
    let known: [String: String]?

    /// The prompts of `corpus` (JSON lines; blank lines skipped). A line that is no labelled prompt, or a label
    /// outside its text, is an error naming the line.
    static func parse(_ corpus: String) throws -> [LabeledPrompt] {
        try corpus.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.enumerated().map { index, line in
            let prompt: LabeledPrompt
            do { prompt = try JSONDecoder().decode(LabeledPrompt.self, from: Data(line.utf8)) } catch {
                throw PolicyError.invalid([PolicyProblem(file: "corpus", path: "line \(index + 1)", message: "not a labeled example")])
            }
            let length = prompt.text.unicodeScalars.count
            if let label = prompt.entities.firstIndex(where: { $0.start < 0 || $0.end <= $0.start || $0.end > length }) {
                throw PolicyError.invalid([PolicyProblem(file: "corpus", path: "line \(index + 1), entities[\(label)]",
                                                         message: "start and end must satisfy 0 <= start < end <= \(length) (the text's length in code points)")])
            }
            return prompt
        }
    }
}
