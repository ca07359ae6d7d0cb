import Foundation

/// Standard input read whole, with an error to show instead of a crash when it cannot be read (a directory, a closed descriptor).
enum StandardInput {
    /// The bytes on standard input, or a `UsageError` of `command` saying they cannot be read.
    static func data(for command: [String]) throws -> Data {
        do {
            return try FileHandle.standardInput.readToEnd() ?? Data()
        } catch {
            throw UsageError(description: "standard input cannot be read (is it a directory?)", command: command)
        }
    }
}
