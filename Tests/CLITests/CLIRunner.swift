import Foundation

/// Runs the built `consent-vault` binary in a fresh temporary folder.
final class CLIRunner {
    /// Result of one run.
    struct Result {
        /// Exit status.
        let status: Int32
        /// Everything written to stdout.
        let stdout: String
        /// Everything written to stderr.
        let stderr: String
    }

    /// The temporary folder, also the working directory of every run.
    let folder: URL
    /// Key file and vault paths inside the folder.
    let keyPath: String
    let vaultPath: String

    /// The repository's `Policies` folder.
    static let policyDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Policies").path

    /// The binary, next to the test bundle in the build products folder.
    static let binary: URL = {
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
            ?? Bundle.main.bundleURL
        return products.appendingPathComponent("consent-vault")
    }()

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cv-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        keyPath = folder.appendingPathComponent("vault.keys").path
        vaultPath = folder.appendingPathComponent("members.vault").path
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs the binary with `arguments`; `environment` adds to a minimal environment.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try launch(Self.binary, arguments, environment: environment)
    }

    /// Runs `script` with bash in the folder; `$CV` is the binary.
    @discardableResult
    func shell(_ script: String) throws -> Result {
        try launch(URL(fileURLWithPath: "/bin/bash"), ["-c", script], environment: ["CV": Self.binary.path])
    }

    private func launch(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": folder.path].merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs with `--vault` and `--keys` pointing at this folder's vault and key file.
    @discardableResult
    func vault(_ arguments: [String]) throws -> Result {
        try run(arguments + ["--vault", vaultPath, "--keys", keyPath])
    }

    /// Creates a key file and a vault.
    func initialize() throws {
        _ = try run(["keygen", "--out", keyPath])
        _ = try vault(["init", "--policies", Self.policyDirectory])
    }

    /// Parses one line of JSON output.
    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}
