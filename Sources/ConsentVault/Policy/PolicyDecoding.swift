import Foundation

/// Turns `DecodingError`s into `PolicyProblem`s with a JSON path the author can find.
enum PolicyDecoding {
    /// The problem a decoding error describes; `data` tells real syntax errors from values that
    /// Foundation reports without a path (a fraction where a whole number belongs).
    static func problem(from error: DecodingError, file: String, data: Data) -> PolicyProblem {
        switch error {
        case .keyNotFound(let key, let context):
            return PolicyProblem(file: file, path: jsonPath(context.codingPath), message: "missing required key '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            return PolicyProblem(file: file, path: jsonPath(context.codingPath), message: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return PolicyProblem(file: file, path: jsonPath(context.codingPath), message: "expected \(describe(type)), found null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let isJSON = (try? JSONSerialization.jsonObject(with: data)) != nil
                return PolicyProblem(file: file, path: "$", message: isJSON
                    ? "a value has the wrong type (points, versions, ages and days must be whole numbers)" : "not valid JSON")
            }
            return PolicyProblem(file: file, path: jsonPath(context.codingPath), message: context.debugDescription)
        @unknown default:
            return PolicyProblem(file: file, path: "$", message: "cannot be decoded")
        }
    }

    /// `$.fields[3].type` for a coding path.
    static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce("$") { path, key in
            if let index = key.intValue { return "\(path)[\(index)]" }
            return "\(path).\(key.stringValue)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Bool.Type: return "true or false"
        default: return "a value of type \(type)"
        }
    }
}
