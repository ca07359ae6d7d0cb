import Foundation

/// Finds a key given twice in one JSON object, which `JSONSerialization` would silently resolve
/// to the last value. A scan over the text's structure; keys are compared after their escapes are
/// decoded (`"em\u0061il"` is `"email"`), and as Swift compares strings (canonically equivalent is equal).
package enum DuplicateKeys {
    /// The first key that appears twice in the same object, or nil.
    package static func first(in text: String) -> String? {
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
}
