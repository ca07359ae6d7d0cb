import ConsentVault

/// Formats library errors for stderr: `Error: …` and, where there is one, a `Hint: …` line.
enum ErrorReport {
    /// The text to print for `error`.
    static func message(for error: any Error) -> String {
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
        case let error as ImportError: (text, hint) = (error.description, "fix the line and import the rest again; committed members were printed")
        case let error as PolicyError: (text, hint) = (error.description, "fix the policy files; nothing was changed")
        case let error as CryptoError: (text, hint) = (error.description, nil)
        case let error as IntegrityError: (text, hint) = (error.description, error.hint)
        case let error as CommandFailure: (text, hint) = (error.description, nil)
        case let error as any VaultError: (text, hint) = (error.description, nil)
        default: (text, hint) = ("unexpected failure (\(type(of: error)))", "please report this with the command you ran")
        }
        return "Error: \(text)" + (hint.map { "\nHint: \($0)" } ?? "")
    }
}
