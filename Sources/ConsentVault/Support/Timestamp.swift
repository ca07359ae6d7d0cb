public import Foundation

/// Times in files, the database and output: UTC, ISO 8601, whole seconds.
public enum Timestamp {
    /// `date` as `2026-11-23T15:40:00Z`.
    public static func string(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Parses a timestamp written by `string(_:)`; nil if it is not one, also for a time the parser
    /// would roll over (`2026-02-29T10:00:00Z`, `T24:00:00Z`) or round (`10:00:00.5Z`).
    public static func date(_ text: String) -> Date? {
        guard let date = try? Date.ISO8601FormatStyle().parse(text), string(date) == text else { return nil }
        return date
    }
}
