/// One option a command accepts.
struct OptionSpec: Sendable {
    /// The long name, e.g. `.field` for `--field`.
    let name: OptionName
    /// Placeholder for its value (`NAME=VALUE`), or nil for a flag.
    let valueName: String?
    /// One line of help.
    let help: String
    /// Whether it may be given more than once.
    var repeatable = false
}

/// One command of the tree: its words, what it takes, and what it does.
struct CommandSpec: Sendable {
    /// Words after `consent-vault`, e.g. `["member", "enroll"]`.
    let path: [String]
    /// One line for the command list.
    let summary: String
    /// Names of positional arguments, in order, e.g. `["<id>"]`.
    var arguments: [String] = []
    /// Options besides the global ones.
    var options: [OptionSpec] = []
    /// Extra paragraphs for `--help`.
    var discussion: String = ""
    /// Runs the command.
    let run: @Sendable (Invocation) throws -> Void

    /// `consent-vault member get <id> [options]`.
    var usage: String {
        (["consent-vault"] + path + arguments + (options.isEmpty ? [] : ["[options]"])).joined(separator: " ")
    }
}

/// Options every command understands.
let globalOptions: [OptionSpec] = [
    OptionSpec(name: .vault, valueName: "PATH", help: "vault file (env CONSENT_VAULT_PATH)"),
    OptionSpec(name: .keys, valueName: "FILE", help: "key file (env CONSENT_VAULT_KEYS)"),
    OptionSpec(name: .erasureJournal, valueName: "FILE", help: "erasure journal (env CONSENT_VAULT_ERASURE_JOURNAL; default: key file + .erasures)"),
    OptionSpec(name: .token, valueName: "TOKEN", help: "act as the principal of this API token (env CONSENT_VAULT_TOKEN)"),
    OptionSpec(name: .server, valueName: "URL", help: "go through a running service: unix:/path or http://127.0.0.1:PORT (env CONSENT_VAULT_SERVER)"),
    OptionSpec(name: .json, valueName: nil, help: "print machine-readable JSON"),
    OptionSpec(name: .help, valueName: nil, help: "show help for this command (also -h)"),
]
