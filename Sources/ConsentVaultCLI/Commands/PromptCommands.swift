import ConsentVault
import ConsentVaultService
import Foundation

/// `consent-vault prompt …`: redact, build, demask, and measure the redactor.
enum PromptCommands {
    /// The prompt command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["prompt", "redact"], summary: "Redact personal data from text on stdin",
                    options: [OptionSpec(name: .member, valueName: "ID", help: "also find this member's stored values"),
                              OptionSpec(name: .purpose, valueName: "PURPOSE", help: "why (recorded with the session)"),
                              OptionSpec(name: .session, valueName: "S", help: "continue a session (same placeholders)")],
                    discussion: "Prints the redacted text (the session id goes to stderr). --json prints\n{\"text\", \"session\", \"entities\": [{\"type\", \"placeholder\", \"start\", \"end\"}]} with\noffsets in Unicode code points; never values.",
                    run: redact),
        CommandSpec(path: ["prompt", "build"], summary: "Fill a template with consented, generalized attributes",
                    options: [OptionSpec(name: .member, valueName: "ID", help: "the member"),
                              OptionSpec(name: .purpose, valueName: "PURPOSE", help: "normally ai_personalization"),
                              OptionSpec(name: .template, valueName: "FILE", help: "text with {{attribute}} or {{attribute|fallback}} slots; - reads stdin")],
                    discussion: "Attributes: first_name (as a placeholder), birth_month, age_band, city, clothing_size,\nshoe_size, preferred_store.",
                    run: build),
        CommandSpec(path: ["prompt", "demask"], summary: "Put consented values back into generated text on stdin",
                    options: [OptionSpec(name: .session, valueName: "S", help: "the session of the redaction or build"),
                              OptionSpec(name: .strict, valueName: nil, help: "exit 1 when a placeholder is left, naming those never issued")], run: demask),
        CommandSpec(path: ["prompt", "eval"], summary: "Precision, recall, leaked characters and speed on a labeled corpus",
                    options: [OptionSpec(name: .corpus, valueName: "FILE", help: "JSON lines of labeled prompts (required)"),
                              OptionSpec(name: .policies, valueName: "DIR", help: "policy folder for the member number format (default ./Policies)"),
                              OptionSpec(name: .longTextMB, valueName: "N", help: "size of the long-text speed test in MB (default 5)"),
                              OptionSpec(name: .adversarialMB, valueName: "N", help: "also time N MB of adversarial inputs (digits, @s, brackets)"),
                              OptionSpec(name: .misses, valueName: nil, help: "list each missed label and spurious detection with its text (a development corpus only)")],
                    discussion: "Run from a release build (swift run -c release consent-vault prompt eval) for speed figures.",
                    run: evaluate),
        CommandSpec(path: ["prompt", "train-names"], summary: "Train the name model's weights on labeled corpora",
                    options: [OptionSpec(name: .corpus, valueName: "FILE", help: "JSON lines of labeled prompts (at least one)", repeatable: true),
                              OptionSpec(name: .epochs, valueName: "N", help: "passes over the words (default 10)"),
                              OptionSpec(name: .threshold, valueName: "SCORE", help: "the score a word needs to count as a name (default 0)"),
                              OptionSpec(name: .out, valueName: "FILE", help: "write the generated Swift source here (default: stdout)")],
                    discussion: "Writes Sources/ConsentVault/Redaction/Lexicons/NameModelWeights.swift's content; .ci/train-name-model\nruns it on the committed training corpora. The same corpora always give the same weights.",
                    run: trainNames),
    ]

    /// Standard input as text; bytes that are no UTF-8 become U+FFFD.
    static func readStandardInput(_ invocation: Invocation) throws -> String {
        String(decoding: try StandardInput.data(for: invocation.spec.path), as: UTF8.self)
    }

    private static func output(_ result: PromptRedaction, _ invocation: Invocation) {
        if invocation.json {
            Output.json(JSONShapes.redaction(result))
        } else {
            FileHandle.standardOutput.write(Data(result.text.utf8))
            Output.error("session: \(result.session)")
            for withheld in result.withheld { Output.error("withheld {{\(withheld.attribute)}}: \(withheld.reason.rawValue)") }
        }
    }

    private static func redact(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let purpose = try invocation.required(.purpose)
        let member = try invocation.value(.member).map { try MemberID($0) }
        let (vault, principal) = try invocation.openVault()
        output(try vault.prompts.redact(readStandardInput(invocation), member: member, purpose: purpose, session: invocation.value(.session), as: principal), invocation)
    }

    private static func build(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let member = try MemberID(try invocation.required(.member))
        let purpose = try invocation.required(.purpose)
        let template = try templateText(invocation)
        let (vault, principal) = try invocation.openVault()
        output(try vault.prompts.build(template: template, member: member, purpose: purpose, as: principal), invocation)
    }

    /// The `--template` file as UTF-8 text; `-` is standard input.
    static func templateText(_ invocation: Invocation) throws -> String {
        let path = try invocation.required(.template)
        if path == "-" { return try readStandardInput(invocation) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(description: "template \(path) cannot be read as UTF-8 text")
        }
        return text
    }

    /// With `--strict`: a failure naming the placeholders left in place and why (never issued, not consented).
    static func strictFailure(_ left: [(placeholder: String, reason: String)]) -> CommandFailure? {
        guard !left.isEmpty else { return nil }
        let listed = left.map { "\($0.placeholder) (\($0.reason == DemaskRefusal.unknown.rawValue ? "never issued by this session" : "not consented"))" }
        return CommandFailure(description: "\(left.count) placeholder(s) left in place: " + listed.joined(separator: ", "), code: "placeholders_left", status: 422)
    }

    private static func demask(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let session = try invocation.required(.session)
        let (vault, principal) = try invocation.openVault()
        let result = try vault.prompts.demask(readStandardInput(invocation), session: session, as: principal)
        if invocation.json {
            Output.json(JSONShapes.demask(result))
        } else {
            FileHandle.standardOutput.write(Data(result.text.utf8))
            for left in result.leftInPlace { Output.error("left \(left.placeholder): \(left.reason.rawValue)") }
        }
        if invocation.flag(.strict), let failure = strictFailure(result.leftInPlace.map { ($0.placeholder, $0.reason.rawValue) }) { throw failure }
    }

    private static func trainNames(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let paths = invocation.values(.corpus)
        guard !paths.isEmpty else { throw UsageError(description: "give at least one --corpus FILE", command: invocation.spec.path) }
        let corpora = try paths.map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure(description: "corpus \(path) cannot be read") }
            return (path, String(decoding: data, as: UTF8.self))
        }
        let epochs = try invocation.integer(.epochs) ?? 10
        guard (1...100).contains(epochs) else { throw UsageError(description: "'--epochs' must be 1 to 100", command: invocation.spec.path) }
        let thresholdText = invocation.value(.threshold) ?? "0"
        guard let threshold = Float(thresholdText), threshold.isFinite else {
            throw UsageError(description: "'--threshold' must be a number, such as 0 or 1.5", command: invocation.spec.path)
        }
        let result: NameModelTraining.Result
        do {
            result = try NameModelTraining.train(corpora: corpora, epochs: epochs, threshold: threshold)
        } catch let error as PolicyError {
            throw CommandFailure(description: error.description)
        }
        if let out = invocation.value(.out) {
            try Data(result.source.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } else {
            FileHandle.standardOutput.write(Data(result.source.utf8))
        }
        Output.error("\(result.words) words (\(result.names) in names) from \(paths.count == 1 ? "1 corpus" : "\(paths.count) corpora"); \(result.features) weights; "
            + "\(result.errors) training words misjudged at threshold \(threshold)")
    }

    private static func evaluate(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let path = try invocation.required(.corpus)
        guard let corpus = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
            throw CommandFailure(description: "corpus \(path) cannot be read")
        }
        let catalog = try VaultCommands.policies(invocation).fields
        let pattern = catalog.fields.first { $0.type == .memberNumber }?.pattern
        let result: RedactionEvaluation, withKnown: RedactionEvaluation
        do {
            result = try RedactionEvaluation.run(corpus: corpus, memberNumberPattern: pattern, usingKnownValues: false, listingMisses: invocation.flag(.misses))
            withKnown = try RedactionEvaluation.run(corpus: corpus, memberNumberPattern: pattern, listingMisses: invocation.flag(.misses))
        } catch let error as PolicyError {
            // A corpus line that is no labelled example is the corpus's fault, not the policies'.
            throw CommandFailure(description: "\(path): \(error.description)")
        }
        let megabytes = try invocation.integer(.longTextMB) ?? 5
        let longText = String(repeating: corpus, count: max(1, megabytes * 1_000_000 / max(corpus.utf8.count, 1)))
        let megabytesPerSecond = RedactionEvaluation.throughput(of: longText)
        let adversarialMegabytes = try invocation.integer(.adversarialMB) ?? 0
        let adversarial = adversarialMegabytes > 0 ? ["1", "@", "a@", "(", "0 ", "1.", "::", "Am ", "kiki: a\n", "Flat 1, Ab House, ", "1 a b st, c ", "Steuer-ID a b ", "Alles Liebe\nA & B aus ",
                                                             "a.", "a.b@", "Agent A: b\n", "1 A Rd, B, Co. C, ", "1/2 ", "name;email\n", "a;b\n", "CV 1234 5678 und "].map { unit in
            (unit, RedactionEvaluation.throughput(of: String(repeating: unit, count: adversarialMegabytes * 1_000_000 / unit.utf8.count)))
        } : []
        if invocation.json {
            Output.json(["with_known_values": ["any_type_recall": withKnown.anyTypeRecall, "leaked_character_share": withKnown.leakedCharacterShare,
                                               "spurious_per_prompt": withKnown.spuriousPerPrompt],
                         "any_type_recall": result.anyTypeRecall, "prompts": result.prompts, "adversarial_megabytes_per_second": Dictionary(uniqueKeysWithValues: adversarial), "leaked_character_share": result.leakedCharacterShare,
                         "spurious_per_prompt": result.spuriousPerPrompt, "prompts_per_second": Int(result.promptsPerSecond),
                         "megabytes_per_second": megabytesPerSecond,
                         "types": result.scores.map { ["type": $0.type, "precision": $0.precision, "recall": $0.recall,
                                                       "true_positives": $0.truePositives, "false_positives": $0.falsePositives,
                                                       "false_negatives": $0.falseNegatives] as [String: Any] }])
            return
        }
        Output.line("\(result.prompts) prompts from \(path), without known values (no --member)")
        result.misses.forEach { Output.line("  " + $0) }
        withKnown.misses.forEach { Output.line("  with known values: " + $0) }
        for score in result.scores {
            Output.line(String(format: "  %-14@ precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)", score.type as NSString, score.precision, score.recall,
                               score.truePositives, score.falsePositives, score.falseNegatives))
        }
        Output.line(String(format: "  any-type recall %.3f  personal-data characters left: %.2f%%  spurious detections per prompt: %.3f",
                           result.anyTypeRecall, result.leakedCharacterShare * 100, result.spuriousPerPrompt))
        Output.line(String(format: "  with each prompt's known values (as --member): any-type recall %.3f  characters left: %.2f%%  spurious per prompt: %.3f",
                           withKnown.anyTypeRecall, withKnown.leakedCharacterShare * 100, withKnown.spuriousPerPrompt))
        Output.line(String(format: "  speed: %.0f prompts/s, %.1f MB/s on %.1f MB of text (build configuration matters: use -c release)",
                           result.promptsPerSecond, megabytesPerSecond, Double(longText.utf8.count) / 1_000_000))
        for (unit, speed) in adversarial {
            Output.line(String(format: "  adversarial %d MB of \"%@\"…: %.1f MB/s", adversarialMegabytes, unit.replacingOccurrences(of: "\n", with: "⏎") as NSString, speed))
        }
    }
}
