import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where an operator's passphrase comes from: an environment variable (for scripts) or the
/// terminal with echo turned off. Either way it goes straight into protected memory.
public enum Passphrase {
    /// Name of the environment variable read by `fromEnvironment()`.
    public static let environmentVariable = "CONSENT_VAULT_PASSPHRASE"
    /// Longest passphrase accepted.
    static let maximumLength = 1024

    /// The passphrase in `CONSENT_VAULT_PASSPHRASE`, or nil if the variable is unset or empty.
    public static func fromEnvironment() throws -> SecureBytes? {
        guard let value = getenv(environmentVariable) else { return nil }
        let length = strnlen(value, maximumLength)
        guard length > 0 else { return nil }
        return try SecureBytes(copying: UnsafeRawBufferPointer(start: value, count: length))
    }

    /// Asks on the controlling terminal with echo off; nil when there is no terminal.
    public static func fromTerminal(prompt: String) throws -> SecureBytes? {
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else { return nil }
        defer { close(terminal) }
        var original = termios()
        guard tcgetattr(terminal, &original) == 0 else { return nil }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        _ = Array(prompt.utf8).withUnsafeBytes { write(terminal, $0.baseAddress, $0.count) }
        tcsetattr(terminal, TCSAFLUSH, &silent)
        defer {
            tcsetattr(terminal, TCSAFLUSH, &original)
            _ = write(terminal, "\n", 1)
        }
        let buffer = try SecureBytes(count: maximumLength)
        let length = buffer.withUnsafeMutableBytes { bytes -> Int in
            var count = 0
            var byte: UInt8 = 0
            while count < maximumLength, read(terminal, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
                bytes[count] = byte
                count += 1
            }
            byte = 0
            return count
        }
        guard length > 0 else { return nil }
        return try buffer.prefix(length)
    }

    /// The environment variable if set, otherwise the terminal.
    public static func fromEnvironmentOrTerminal(prompt: String) throws -> SecureBytes? {
        if let fromEnvironment = try fromEnvironment() { return fromEnvironment }
        return try fromTerminal(prompt: prompt)
    }
}
