import ConsentVault
import ConsentVaultService
import Foundation
import Testing

/// Replays every committed fuzz input (seeds, and every crash, hang or slow input the fuzzers
/// found, kept as a regression) through the same entry points the libFuzzer targets call.
/// A regression crashes the test process, so it cannot pass unnoticed.
@Suite("Fuzz corpora replayed")
struct FuzzCorpusTests {
    /// `Tests/Fuzz/Corpora/<target>`'s files, in name order.
    static func inputs(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = TestVault.repositoryRoot.appendingPathComponent("Tests/Fuzz/Corpora/\(target)")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
            (name, Array(try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }

    @Test("each library target's corpus runs through its entry point within a second per input",
          arguments: ["redactor", "policy-loader", "field-normalizers", "import-line"])
    func replay(target: String) throws {
        let policies = try PolicySet.load(fromDirectory: TestVault.policyDirectory)
        let inputs = try Self.inputs(target)
        #expect(inputs.count >= 5, "the seed corpus of \(target) is there")
        for input in inputs {
            let start = Date()
            switch target {
            case "redactor": FuzzEntryPoints.redact(input.bytes, policies: policies)
            case "policy-loader": FuzzEntryPoints.loadPolicies(input.bytes, over: policies.documents)
            case "field-normalizers": FuzzEntryPoints.normalizeField(input.bytes, policies: policies)
            default: FuzzEntryPoints.parseImportLine(input.bytes, policies: policies)
            }
            #expect(Date().timeIntervalSince(start) < 1, "\(target)/\(input.name) is slow")
        }
    }

    @Test("the HTTP request parser's corpus runs through its entry point within a second per input")
    func replayParser() throws {
        let inputs = try Self.inputs("http-request")
        #expect(inputs.count >= 5, "the seed corpus of http-request is there")
        for input in inputs {
            let start = Date()
            ParserFuzzing.parse(input.bytes)
            #expect(Date().timeIntervalSince(start) < 1, "http-request/\(input.name) is slow")
        }
    }
}
