/// Text a policy file shows to people (labels, contact details): one line, without control,
/// line-separator or invisible formatting characters (bidi overrides, zero-width spaces).
enum PolicyText {
    /// Whether `text` is one line of plain text.
    static func isOneLine(_ text: String) -> Bool {
        !text.unicodeScalars.contains { [.control, .lineSeparator, .paragraphSeparator, .format].contains($0.properties.generalCategory) }
    }
}
