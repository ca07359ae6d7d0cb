public import Foundation

/// Times in files, the database and output: UTC, ISO 8601, whole seconds.
public enum Timestamp {
    /// `date` as `2026-11-23T15:40:00Z`.
    public static func string(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Parses a timestamp written by `string(_:)`; nil if it is not one.
    public static func date(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle().parse(text)
    }
}
