import ConsentVault
import ConsentVaultService
import Foundation

/// Formats errors for stderr: `Error: …` and, where there is one, a `Hint: …` line; with `--json`,
/// the service's problem object (same `code` and status as over HTTP) with the hint.
enum ErrorReport {
    /// The text to print for `error`.
    static func message(for error: any Error) -> String {
        let (text, hint) = parts(of: error)
        return "Error: \(text)" + (hint.map { "\nHint: \($0)" } ?? "")
    }

    /// One JSON line: `{"type", "title", "status", "detail", "code", "hint"?}`, as the service answers.
    static func problemJSON(for error: any Error) -> String {
        let (text, hint) = parts(of: error)
        var problem: Problem
        switch error {
        case let error as UsageError: problem = Problem(status: 400, code: "usage", detail: error.description)
        case let failure as CommandFailure: problem = Problem(status: failure.status, code: failure.code, detail: text)
        default: problem = Problem(error)
        }
        problem.hint = hint
        let data = (try? JSONSerialization.data(withJSONObject: problem.object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// What went wrong and what to do about it.
    private static func parts(of error: any Error) -> (text: String, hint: String?) {
        let (text, hint): (String, String?)
        switch error {
        case let error as KeyFileError: (text, hint) = (error.description, error.hint)
        case let error as StorageError: (text, hint) = (error.description, error.hint)
        case let error as FieldValueError: (text, hint) = (error.description, error.hint)
        case let error as MemberError: (text, hint) = (error.description, error.hint)
        case let error as ConsentError: (text, hint) = (error.description, error.hint)
        case let error as AccessError: (text, hint) = (error.description, error.hint)
        case let error as RewardError: (text, hint) = (error.description, error.hint)
        case let error as RequestError: (text, hint) = (error.description, error.hint)
        case let error as PromptError: (text, hint) = (error.description, error.hint)
        case let error as SuppressionError: (text, hint) = (error.description, error.hint)
        case let error as ImportError: (text, hint) = (error.description, "fix the line and import the rest again; committed members were printed")
        case let error as PolicyError: (text, hint) = (error.description, "fix the policy files; nothing was changed")
        case let error as CryptoError: (text, hint) = (error.description, nil)
        case let error as IntegrityError: (text, hint) = (error.description, error.hint)
        case let error as CommandFailure: (text, hint) = (error.description, nil)
        case let error as UsageError: (text, hint) = (error.description, "see 'consent-vault \((error.command + ["--help"]).joined(separator: " "))'")
        case let problem as Problem: (text, hint) = (problem.detail, problem.hint)
        case let error as any VaultError: (text, hint) = (error.description, nil)
        default: (text, hint) = ("unexpected failure (\(type(of: error)))", "please report this with the command you ran")
        }
        return (text, hint)
    }
}
