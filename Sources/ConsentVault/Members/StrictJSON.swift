import Foundation

/// What `JSONSerialization` lets through but a strict reader refuses: a key given twice in one
/// object (it would silently keep the last value), a trailing comma, a byte order mark. Scans over
/// the text's structure; keys are compared after their escapes are decoded (`"em\u0061il"` is
/// `"email"`), and as Swift compares strings (canonically equivalent is equal).
package enum StrictJSON {
    /// The first key that appears twice in the same object, or nil.
    package static func duplicateKey(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var frames: [(isObject: Bool, expectsKey: Bool, keys: Set<String>)] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"): frames.append((true, true, []))
            case UInt8(ascii: "["): frames.append((false, false, []))
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = frames.popLast()
            case UInt8(ascii: ","): if let last = frames.indices.last, frames[last].isObject { frames[last].expectsKey = true }
            case UInt8(ascii: ":"): if let last = frames.indices.last { frames[last].expectsKey = false }
            case UInt8(ascii: "\""):
                let start = index + 1
                index += 1
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
                if let last = frames.indices.last, frames[last].isObject, frames[last].expectsKey {
                    let key = decodedKey(bytes[start..<min(index, bytes.count)])
                    if !frames[last].keys.insert(key).inserted { return key }
                }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The key's text with JSON escapes decoded; as written when it has none or is malformed.
    private static func decodedKey(_ raw: ArraySlice<UInt8>) -> String {
        let written = String(decoding: raw, as: UTF8.self)
        guard raw.contains(UInt8(ascii: "\\")),
              let decoded = try? JSONSerialization.jsonObject(with: Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")]), options: .fragmentsAllowed) as? String
        else { return written }
        return decoded
    }

    /// What is lax about `text`'s syntax (a byte order mark, a comma before `}` or `]`), or nil.
    package static func laxSyntax(in text: String) -> String? {
        let bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "a byte order mark" }
        var lastSignificant: UInt8 = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if lastSignificant == UInt8(ascii: ",") { return "a comma before a closing bracket" }
            case 0x20, 0x09, 0x0A, 0x0D: index += 1; continue
            default: break
            }
            lastSignificant = byte
            index += 1
        }
        return nil
    }
}
