/// Entry point of the libFuzzer target for the command-line parser and of the test that replays
/// its corpus: NUL-separated arguments are resolved to a command and parsed, without running it.
public enum ArgumentFuzzing {
    /// Resolves and parses the NUL-separated `bytes` as a command line; must never crash.
    /// Checks that every usage error names the problem and every help text is non-empty.
    public static func resolve(_ bytes: [UInt8]) {
        let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        switch resolveCommandLine(arguments) {
        case .show(let text): precondition(!text.isEmpty, "empty help text")
        case .usageError(let text): precondition(!text.isEmpty, "a usage error without a message")
        case .run: break  // parsed without error; nothing is run
        }
    }
}
