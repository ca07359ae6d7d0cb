/// Free text the vault stores beside member data (reasons for corrections and extensions): one
/// short line, no control characters, so it can neither forge lines in listings nor carry pages
/// of pasted personal data.
enum FreeText {
    /// Longest accepted text, in characters.
    static let maximumLength = 200

    /// Whether `text` is one non-empty line of at most `maximumLength` characters without control characters.
    static func isAcceptable(_ text: String) -> Bool {
        !text.isEmpty && text.count <= maximumLength && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
