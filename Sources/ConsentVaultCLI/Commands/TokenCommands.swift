import ConsentVault
import ConsentVaultService

/// `consent-vault token …`: API tokens for principals.
enum TokenCommands {
    /// The token command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["token", "create"], summary: "Create an API token for a principal (printed once)",
                    options: [OptionSpec(name: .role, valueName: "ROLE", help: "enrollment, dpo, marketing or admin"),
                              OptionSpec(name: .name, valueName: "NAME", help: "the principal's name, e.g. crm-app")],
                    discussion: "The vault keeps only a keyed hash: store the token now, it cannot be shown again.",
                    run: create),
        CommandSpec(path: ["token", "list"], summary: "List principals with tokens (never the tokens)", run: list),
        CommandSpec(path: ["token", "revoke"], summary: "Revoke a principal's token", arguments: ["<name>"], run: revoke),
    ]

    private static func create(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let role = try invocation.required(.role)
        let name = try invocation.required(.name)
        let (vault, principal) = try invocation.openVault()
        let token = try vault.tokens.create(name: name, role: role, as: principal)
        invocation.json ? Output.json(["name": name, "role": role, "token": token]) : Output.line(token)
    }

    private static func list(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let (vault, principal) = try invocation.openVault()
        let tokens = try vault.tokens.list(as: principal)
        if invocation.json {
            Output.json(JSONShapes.tokens(tokens))
        } else {
            for token in tokens { Output.line("\(token.name) (\(token.role)) created \(token.createdAt)\(token.revokedAt.map { ", revoked \($0)" } ?? "")") }
        }
    }

    private static func revoke(_ invocation: Invocation) throws {
        let name = try invocation.checkedPositional()[0]
        let (vault, principal) = try invocation.openVault()
        try vault.tokens.revoke(name: name, as: principal)
        invocation.json ? Output.json(["name": name, "revoked": true]) : Output.line("Revoked the token of \(name)")
    }
}
