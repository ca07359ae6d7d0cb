import Foundation

/// Writing results (stdout) and errors (stderr).
enum Output {
    /// Prints one line of human-readable text to stdout.
    static func line(_ text: String) {
        print(text)
    }

    /// Prints `object` as one line of JSON with sorted keys to stdout.
    static func json(_ object: Any) {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        print(String(decoding: data, as: UTF8.self))
    }

    /// Prints `text` to stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
