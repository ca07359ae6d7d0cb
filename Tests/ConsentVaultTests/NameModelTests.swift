@testable import ConsentVault
import Foundation
import Testing

@Suite("name model: trained weights, names no rule finds, words it never scores")
struct NameModelTests {
    private func names(_ text: String) -> [String] {
        Redactor(knownValues: [:], memberNumberPattern: nil).detect(text).filter { $0.type == .person }.map { detection in
            String(String.UnicodeScalarView(Array(text.unicodeScalars)[detection.start..<detection.end]))
        }
    }

    private func ruleNames(_ text: String) -> [String] {
        let scalars = ScalarText(text)
        return NameDetector.names(in: scalars, words: NameWords(scalars)).map { scalars.string($0.start, $0.end) }
    }

    @Test("the shipped weights are what .ci/train-name-model gives on the committed corpora")
    func shippedWeightsAreReproducible() throws {
        let root = TestVault.repositoryRoot
        let folder = root.appendingPathComponent("Tests/ConsentVaultTests/Fixtures/name-model")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        #expect(files.count == 16)
        let corpora = try files.map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
        let trained = try NameModelTraining.train(corpora: corpora, epochs: 10, threshold: 3)
        let shipped = try String(contentsOf: root.appendingPathComponent("Sources/ConsentVault/Redaction/Lexicons/NameModelWeights.swift"), encoding: .utf8)
        #expect(trained.source == shipped, "retrain with bash .ci/train-name-model")
        #expect(trained.features > 1_000 && trained.names > 1_000)
        // The averaged model gets almost every training word right; a model that learned nothing would miss every name.
        #expect(trained.errors * 100 < trained.words)
    }

    @Test("names no cue rule vouches for, which the model scores as names", arguments: [
        ("4 Std zu spät zu Hoffmann nach Lindenweg 4.", "Hoffmann"),
    ])
    func findsWhatRulesMiss(text: String, name: String) {
        #expect(!ruleNames(text).contains(name), "a rule finds it already: pick a sentence only the model gets")
        #expect(names(text).contains(name))
    }

    @Test("words the model never scores: brands named for people, firms, codes, a city after a place word, stop words, lowercase chat", arguments: [
        "Kate Spade bags and Fred Perry polos, Karl Lagerfeld-Tasche",
        "Harper & Finch: Congrats!",
        "Use code SUMMER24 at checkout",
        "A parcel from Austin arrived",
        "Till update to firmware 3.6",
        "Jacken von s.Oliver reduziert",
        "meet at the Victoria Road branch",
        "kannst du ne nachricht an derya koç machen wegen der rücksendung",
    ])
    func neverScored(text: String) {
        let words = NameWords(ScalarText(text))
        let found = NameModel.shipped.names(in: words, text: ScalarText(text), taken: [], ruleNames: [])
        #expect(found.isEmpty, "\(found.count) found")
    }

    @Test("a bad training corpus names its file and line; training needs a corpus")
    func badCorpus() {
        #expect(throws: PolicyError.invalid([PolicyProblem(file: "round-x.jsonl", path: "line 2", message: "not a labeled example")])) {
            try NameModelTraining.train(corpora: [("round-x.jsonl", "{\"text\": \"Anna\", \"entities\": []}\nnot json\n")], epochs: 1, threshold: 0)
        }
        #expect(throws: PolicyError.self) {
            try NameModelTraining.train(corpora: [("round-y.jsonl", "{\"text\": \"Anna\", \"entities\": [{\"type\": \"PERSON\", \"start\": 0, \"end\": 9}]}")],
                                        epochs: 1, threshold: 0)
        }
    }
}
