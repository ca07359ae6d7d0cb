import Foundation

/// Free text the vault stores beside member data (reasons for corrections and extensions): one
/// short line, no control characters, and nothing the redactor recognizes as personal data, so it
/// can neither forge lines in listings nor keep an email or phone number in clear in every backup.
enum FreeText {
    /// Longest accepted text, in characters.
    static let maximumLength = 200

    /// Whether `text` is one non-empty line of at most `maximumLength` characters without control
    /// characters in which the redactor finds no personal data.
    static func isAcceptable(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= maximumLength, !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return false
        }
        return Redactor(knownValues: [:], memberNumberPattern: nil).detect(text).isEmpty
    }
}
