import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Asking before destructive work, unless `--yes` was given.
enum Confirmation {
    /// True when the operator agreed, or passed `--yes`. Without a terminal and without `--yes`
    /// the answer is no, so scripts must say `--yes` explicitly.
    static func confirm(_ question: String, yes: Bool) -> Bool {
        if yes { return true }
        guard isatty(STDIN_FILENO) == 1 else { return false }
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes", "j", "ja"].contains(answer.lowercased().trimmingCharacters(in: .whitespaces))
    }
}
