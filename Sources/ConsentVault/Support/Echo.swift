/// Names a caller gave (purpose, field, token, request ids) as error messages may repeat them:
/// a plain identifier is shown as it is; anything else (control characters, 120 KB of text,
/// personal data pasted into the wrong place) is described by its length only.
package enum Echo {
    /// Longest name shown in a message.
    package static let maximumLength = 64

    /// `text` if it is a plain identifier, else a description without its content.
    package static func name(_ text: String) -> String {
        let plain = !text.isEmpty && text.count <= maximumLength && text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "_.:-".unicodeScalars.contains($0))
        }
        return plain ? text : "<\(text.count) characters, not a valid name>"
    }
}
