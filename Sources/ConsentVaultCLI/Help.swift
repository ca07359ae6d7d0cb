/// Help texts, generated from the command specs.
enum Help {
    /// Version printed by `--version`.
    static let version = "0.1.0"

    /// Overview of every command.
    static func overview(_ specs: [CommandSpec]) -> String {
        var text = """
            OVERVIEW: consent-vault keeps loyalty members' personal data in an encrypted SQLite vault.

            USAGE: consent-vault <command> [options]

            COMMANDS:

            """
        let width = specs.map { $0.path.joined(separator: " ").count }.max() ?? 0
        for spec in specs {
            let name = spec.path.joined(separator: " ")
            text += "  \(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(spec.summary)\n"
        }
        text += "\n" + optionList(globalOptions + [OptionSpec(name: .version, valueName: nil, help: "show the version")], title: "GLOBAL OPTIONS")
        text += "\n  See 'consent-vault help <command>' for details about a command.\n"
        return text
    }

    /// Commands under a group such as `member`.
    static func group(_ name: String, _ specs: [CommandSpec]) -> String {
        overview(specs.filter { $0.path.first == name })
            .replacingOccurrences(of: "USAGE: consent-vault <command>", with: "USAGE: consent-vault \(name) <command>")
    }

    /// Full help for one command.
    static func command(_ spec: CommandSpec) -> String {
        var text = "OVERVIEW: \(spec.summary)\n\nUSAGE: \(spec.usage)\n"
        if !spec.discussion.isEmpty { text += "\n" + spec.discussion + "\n" }
        if !spec.options.isEmpty { text += "\n" + optionList(spec.options, title: "OPTIONS") }
        text += "\n" + optionList(globalOptions, title: "GLOBAL OPTIONS")
        return text
    }

    private static func optionList(_ options: [OptionSpec], title: String) -> String {
        let labels = options.map { "--\($0.name.rawValue)" + ($0.valueName.map { " \($0)" } ?? "") }
        let width = max(15, labels.map(\.count).max() ?? 0)
        var text = "\(title):\n"
        for (label, option) in zip(labels, options) {
            text += "  \(label.padding(toLength: width, withPad: " ", startingAt: 0))  \(option.help)\n"
        }
        return text
    }
}
