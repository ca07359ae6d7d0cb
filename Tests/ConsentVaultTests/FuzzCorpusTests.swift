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

    /// CPU seconds this thread has used: unlike the wall clock, a machine loaded by other tests
    /// does not inflate it, so the bound below finds slow inputs, not busy machines.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test("each library target's corpus runs through its entry point within a CPU second per input",
          arguments: ["redactor", "policy-loader", "field-normalizers", "import-line"])
    func replay(target: String) throws {
        let policies = try PolicySet.load(fromDirectory: TestVault.policyDirectory)
        let inputs = try Self.inputs(target)
        #expect(inputs.count >= 5, "the seed corpus of \(target) is there")
        for input in inputs {
            let start = Self.threadCPUSeconds()
            switch target {
            case "redactor": FuzzEntryPoints.redact(input.bytes, policies: policies)
            case "policy-loader": FuzzEntryPoints.loadPolicies(input.bytes, over: policies.documents)
            case "field-normalizers": FuzzEntryPoints.normalizeField(input.bytes, policies: policies)
            default: FuzzEntryPoints.parseImportLine(input.bytes, policies: policies)
            }
            #expect(Self.threadCPUSeconds() - start < 1, "\(target)/\(input.name) is slow")
        }
    }

    @Test("the HTTP request parser's corpus runs through its entry point within a CPU second per input")
    func replayParser() throws {
        let inputs = try Self.inputs("http-request")
        #expect(inputs.count >= 5, "the seed corpus of http-request is there")
        for input in inputs {
            let start = Self.threadCPUSeconds()
            ParserFuzzing.parse(input.bytes)
            #expect(Self.threadCPUSeconds() - start < 1, "http-request/\(input.name) is slow")
        }
    }
}
