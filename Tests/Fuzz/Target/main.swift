import ConsentVault
import ConsentVaultCLI
import ConsentVaultService
import Foundation

/// The input surfaces this fuzzer can drive; `.ci/fuzz` picks one per run.
let fuzzTargets = ["redactor", "policy-loader", "field-normalizers", "import-line", "cli-arguments", "http-request"]

/// What every input runs against, chosen and loaded once (statics, so LeakSanitizer sees them in use).
enum Fixture {
    /// The entry point under test, from `CONSENT_VAULT_FUZZ_TARGET`.
    static let target: String = {
        let name = ProcessInfo.processInfo.environment["CONSENT_VAULT_FUZZ_TARGET"] ?? ""
        guard fuzzTargets.contains(name) else {
            fatalError("set CONSENT_VAULT_FUZZ_TARGET to one of \(fuzzTargets.joined(separator: ", "))")
        }
        return name
    }()
    /// The repository's policy set; the fuzzer runs from the project root.
    static let policies = try! PolicySet.load(fromDirectory: URL(fileURLWithPath: "Policies"))
}

/// One fuzz input; libFuzzer finds it by this name.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch Fixture.target {
    case "redactor": FuzzEntryPoints.redact(bytes, policies: Fixture.policies)
    case "policy-loader": FuzzEntryPoints.loadPolicies(bytes, over: Fixture.policies.documents)
    case "field-normalizers": FuzzEntryPoints.normalizeField(bytes, policies: Fixture.policies)
    case "import-line": FuzzEntryPoints.parseImportLine(bytes, policies: Fixture.policies)
    case "http-request": ParserFuzzing.parse(bytes)
    default: ArgumentFuzzing.resolve(bytes)
    }
    return 0
}

/// libFuzzer's driver, run from this file's top-level code (the entry point SwiftPM links).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

_ = Fixture.target
var argumentCount = CommandLine.argc
var arguments = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &arguments, fuzzOneInput))
