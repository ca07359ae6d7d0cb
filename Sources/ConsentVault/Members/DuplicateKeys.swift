/// Finds a key given twice in one JSON object, which `JSONSerialization` would silently resolve
/// to the last value. A scan over the text's structure; strings are compared as written.
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
                    let key = String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
                    if !frames[last].keys.insert(key).inserted { return key }
                }
            default: break
            }
            index += 1
        }
        return nil
    }
}
