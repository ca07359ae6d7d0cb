/// Every error the library throws. Its `description` says what was wrong and where (file, line,
/// field, member id) in words that fit any caller, never a value, key or token; `code` is a stable
/// snake_case name for machines (scripts, the service's error bodies).
public protocol VaultError: Error, Sendable, CustomStringConvertible {
    /// Stable machine-readable name of the failure, e.g. `member_not_found`.
    var code: String { get }
}

extension VaultError {
    /// The enum case's name in snake_case (`memberNotFound` → `member_not_found`), never its payload.
    public var code: String {
        let name = Mirror(reflecting: self).children.first?.label ?? String(describing: self)
        var snake = ""
        for character in name {
            if character.isUppercase, !snake.isEmpty { snake.append("_") }
            snake.append(Character(character.lowercased()))
        }
        return snake
    }
}
