/// A mistake in how the command was called: exit status 64 and a hint to the help.
struct UsageError: Error, CustomStringConvertible {
    /// What was wrong with the arguments.
    let description: String
    /// The command whose help explains the right use.
    let command: [String]
}
