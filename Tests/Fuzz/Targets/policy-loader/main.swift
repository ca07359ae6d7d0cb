import ConsentVault
import Foundation

/// What every input runs against, loaded once (a static, so LeakSanitizer sees it is still referenced).
enum Fixture {
    /// The repository's policy files; the fuzzer runs from the project root.
    static let documents = try! PolicySet.load(fromDirectory: URL(fileURLWithPath: "Policies")).documents
}

/// One fuzz input; libFuzzer finds it by this name.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzEntryPoints.loadPolicies(Array(UnsafeBufferPointer(start: data, count: size)), over: Fixture.documents)
    return 0
}

/// libFuzzer's driver, run from this file's top-level code (the entry point SwiftPM links).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argumentCount = CommandLine.argc
var arguments = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &arguments, fuzzOneInput))
