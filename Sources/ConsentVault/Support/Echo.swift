import Foundation

/// Names a caller gave (purpose, field, token, request ids) as error messages may repeat them:
/// a plain identifier is shown as it is; anything else (control characters, 120 KB of text,
/// personal data pasted into the wrong place) is described by its length only.
package enum Echo {
    /// Longest name shown in a message.
    package static let maximumLength = 64

    /// `text` if it is a plain identifier, else a description without its content. Digits make a
    /// phone number, a birthday or an id number: a text with more than two of them (`14.03.`) is shown only
    /// when it has the shape of one of the vault's own ids (`dsr_3f9a0c1e12ab`, a member UUID).
    package static func name(_ text: String) -> String {
        let plain = !text.isEmpty && text.count <= maximumLength && text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "_.:-".unicodeScalars.contains($0))
        }
        let digits = text.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        return plain && (digits <= 2 || isVaultID(text)) ? text : "<\(text.count) characters, not a valid name>"
    }

    /// Whether `text` is shaped like an id the vault hands out: a prefix and `_` before lowercase
    /// hex (`dsr_…`, `ps_…`, `tok_…`), or a UUID.
    private static func isVaultID(_ text: String) -> Bool {
        let hex = "0123456789abcdef"
        if let underscore = text.firstIndex(of: "_"), text[..<underscore].allSatisfy({ $0.isLetter && $0.isLowercase }),
           text[text.index(after: underscore)...].count >= 8, text[text.index(after: underscore)...].allSatisfy({ hex.contains($0) }) { return true }
        return UUID(uuidString: text) != nil
    }
}
