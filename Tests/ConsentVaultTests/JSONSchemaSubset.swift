import Foundation

/// A validator for the subset of JSON Schema the export schema uses: `type`, `required`,
/// `properties`, `additionalProperties: false`, `items` and `enum`. Returns every violation with
/// its JSON path, so a test failure says what is wrong and where.
enum JSONSchemaSubset {
    static func violations(of value: Any, against schema: [String: Any], path: String = "$") -> [String] {
        var found: [String] = []
        if let allowed = schema["enum"] as? [String], !allowed.contains(value as? String ?? "\u{0}") {
            found.append("\(path): \(value) is not one of \(allowed)")
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return found + ["\(path): expected an object"] }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { found.append("\(path): missing \(key)") }
            for (key, member) in object {
                if let propertySchema = properties[key] {
                    found += violations(of: member, against: propertySchema, path: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): unexpected property \(key)")
                }
            }
        case "array":
            guard let array = value as? [Any] else { return found + ["\(path): expected an array"] }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { found += violations(of: item, against: items, path: "\(path)[\(index)]") }
            }
        case "string": if !(value is String) { found.append("\(path): expected a string") }
        case "integer":
            // JSONSerialization hands back NSNumber; 0 and 1 bridge to Bool as well, so check the number itself.
            guard let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded() else {
                return found + ["\(path): expected an integer"]
            }
        case "boolean": if !(value is Bool) { found.append("\(path): expected true or false") }
        default: break
        }
        return found
    }
}
