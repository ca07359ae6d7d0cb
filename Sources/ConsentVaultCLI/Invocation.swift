import ConsentVault
import Foundation

/// A parsed command line: positional arguments, option values and flags, checked against the
/// command's `CommandSpec`.
struct Invocation {
    /// The command being run.
    let spec: CommandSpec
    /// Positional arguments after the command words.
    let positional: [String]
    private let values: [OptionName: [String]]
    private let flags: Set<OptionName>

    /// Parses `arguments` (everything after the command words) for `spec`.
    init(spec: CommandSpec, arguments: [String]) throws(UsageError) {
        self.spec = spec
        let known = Dictionary((spec.options + globalOptions).map { ($0.name.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        var positional: [String] = []
        var values: [OptionName: [String]] = [:]
        var flags: Set<OptionName> = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "-h" { flags.insert(.help); continue }
            // `-json`: one dash too few is a misspelt option, not a value.
            if argument.hasPrefix("-"), !argument.hasPrefix("--"), argument.count > 2, argument.dropFirst().allSatisfy({ $0.isLetter || $0 == "-" }) {
                let name = String(argument.dropFirst())
                let suggestion = known[name] != nil ? "; did you mean '--\(name)'?" : ""
                throw UsageError(description: "unknown option '\(Echo.name(argument))'\(suggestion)", command: spec.path)
            }
            guard argument.hasPrefix("--"), argument.count > 2 else { positional.append(argument); continue }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = known[name] else {
                let suggestion = Suggestion.closest(to: name, among: Array(known.keys)).map { "; did you mean '--\($0)'?" } ?? ""
                throw UsageError(description: "unknown option '--\(Echo.name(name))'\(suggestion)", command: spec.path)
            }
            guard let valueName = option.valueName else {
                if inlineValue != nil { throw UsageError(description: "'--\(name)' takes no value", command: spec.path) }
                flags.insert(option.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw UsageError(description: "'--\(name)' needs a value \(valueName)", command: spec.path) }
                // `--email --json`: the next word is an option, not the value.
                let next = arguments[index]
                if next == "-h" || next.hasPrefix("--") && known[String(next.dropFirst(2).prefix { $0 != "=" })] != nil {
                    throw UsageError(description: "'--\(name)' needs a value \(valueName) before '\(next.prefix { $0 != "=" })'", command: spec.path)
                }
                value = next
                index += 1
            }
            if values[option.name] != nil && !option.repeatable {
                throw UsageError(description: "'--\(name)' may be given only once", command: spec.path)
            }
            values[option.name, default: []].append(value)
        }
        self.positional = positional
        self.values = values
        self.flags = flags
    }

    /// Whether help was asked for.
    var wantsHelp: Bool { flags.contains(.help) }
    /// Whether `--json` was given.
    var json: Bool { flags.contains(.json) }

    /// Whether the flag `name` was given.
    func flag(_ name: OptionName) -> Bool { flags.contains(name) }
    /// The single value of option `name`, if given.
    func value(_ name: OptionName) -> String? { values[name]?.last }
    /// Every value of a repeatable option, in order.
    func values(_ name: OptionName) -> [String] { values[name] ?? [] }

    /// A usage error about option `name`: `'--name' problem`.
    func invalid(_ name: OptionName, _ problem: String) -> UsageError {
        UsageError(description: "'--\(name.rawValue)' \(problem)", command: spec.path)
    }

    /// A whole-number option that must be given.
    func requiredInteger(_ name: OptionName) throws -> Int {
        guard let number = try integer(name) else { throw UsageError(description: "missing required option '--\(name.rawValue)'", command: spec.path) }
        return number
    }

    /// The value of `name`, or a usage error saying it is required.
    func required(_ name: OptionName) throws -> String {
        guard let value = value(name) else { throw UsageError(description: "missing required option '--\(name.rawValue)'", command: spec.path) }
        return value
    }

    /// The error for a value with no option before it, by position only: the value may be
    /// personal data (an email typed without `--email`), so it is never repeated.
    static func unexpectedArgument(at position: Int, takes arguments: [String]) -> String {
        "unexpected argument \(position) (a value with no option before it); this command takes "
            + (arguments.isEmpty ? "no arguments, only options" : arguments.joined(separator: " "))
    }

    /// Exactly the positional arguments the spec names, or a usage error.
    func checkedPositional() throws -> [String] {
        if positional.count < spec.arguments.count {
            throw UsageError(description: "missing argument \(spec.arguments[positional.count])", command: spec.path)
        }
        if positional.count > spec.arguments.count {
            throw UsageError(description: Self.unexpectedArgument(at: spec.arguments.count + 1, takes: spec.arguments), command: spec.path)
        }
        return positional
    }

    /// An integer option, or a usage error naming the option.
    func integer(_ name: OptionName) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text) else { throw UsageError(description: "'--\(name.rawValue)' must be a whole number", command: spec.path) }
        return number
    }

    /// The vault path from `--vault` or `CONSENT_VAULT_PATH`.
    func vaultPath() throws -> String {
        if let path = value(.vault) ?? ProcessInfo.processInfo.environment["CONSENT_VAULT_PATH"], !path.isEmpty { return path }
        throw UsageError(description: "no vault given: pass --vault PATH or set CONSENT_VAULT_PATH", command: spec.path)
    }

    /// The key file path from `--keys` or `CONSENT_VAULT_KEYS`.
    func keysPath() throws -> String {
        if let path = value(.keys) ?? ProcessInfo.processInfo.environment["CONSENT_VAULT_KEYS"], !path.isEmpty { return path }
        throw UsageError(description: "no key file given: pass --keys FILE or set CONSENT_VAULT_KEYS", command: spec.path)
    }

    /// Loads the key file, asking for a passphrase only if the file is protected.
    func loadKeyRing() throws -> KeyRing {
        try KeyRing.load(path: try keysPath()) {
            try Passphrase.fromEnvironmentOrTerminal(prompt: "Passphrase for key file: ")
        }
    }

    /// The erasure journal: `--erasure-journal`, `CONSENT_VAULT_ERASURE_JOURNAL`, or next to the key
    /// file, where a restore of the vault's backup cannot roll it back.
    func erasureJournalPath() throws -> String {
        if let path = value(.erasureJournal) ?? ProcessInfo.processInfo.environment["CONSENT_VAULT_ERASURE_JOURNAL"], !path.isEmpty { return path }
        return try keysPath() + ".erasures"
    }

    /// The principal of `--token` (or `CONSENT_VAULT_TOKEN`) in `vault`, else the local administrator.
    func principal(in vault: Vault) throws -> Principal {
        guard let token = value(.token) ?? ProcessInfo.processInfo.environment["CONSENT_VAULT_TOKEN"], !token.isEmpty else {
            return .localAdministrator
        }
        return try vault.tokens.principal(for: token)
    }

    /// Opens the vault named by the global options, with the acting principal: the holder of
    /// `--token` (or `CONSENT_VAULT_TOKEN`), otherwise the local administrator.
    func openVault() throws -> (vault: Vault, principal: Principal) {
        let vault = try Vault.open(at: try vaultPath(), keyRing: try loadKeyRing(), erasureJournal: try erasureJournalPath())
        return (vault, try principal(in: vault))
    }

    /// The member of a command that takes it as its argument or as `--member ID` (one of them), checked.
    func memberArgumentOrOption() throws -> MemberID {
        switch (positional.count, value(.member)) {
        case (1, nil): return try MemberID(positional[0])
        case (0, let option?): return try MemberID(option)
        case (0, nil): throw UsageError(description: "missing argument <id> (or --member ID)", command: spec.path)
        default: throw UsageError(description: "give the member once: as <id> or as --member ID", command: spec.path)
        }
    }

    /// A member id argument, checked.
    func memberID(_ text: String) throws -> MemberID {
        try MemberID(text)
    }
}
