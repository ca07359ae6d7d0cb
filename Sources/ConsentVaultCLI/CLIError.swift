/// A mistake in how the command was called: exit status 64 and a hint to the help.
struct UsageError: Error, CustomStringConvertible {
    /// What was wrong with the arguments.
    let description: String
    /// The command whose help explains the right use.
    let command: [String]
}

/// A failure reported with a plain message and exit status 1 (nothing found, a check that failed).
struct CommandFailure: Error, CustomStringConvertible {
    /// What failed (never a value searched for).
    let description: String
    /// The stable code `--json` reports, the same as the service's for the same failure.
    var code = "command_failed"
    /// The HTTP status the service answers the same failure with.
    var status = 400
}

/// A failure already reported line by line: exit 1 without another message.
struct SilentFailure: Error {}
