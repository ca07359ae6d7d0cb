import ConsentVault
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `consent-vault member import FILE.jsonl`: bulk enrollment, streamed in batched transactions.
enum ImportCommand {
    /// The import command.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["member", "import"], summary: "Import members from a JSON-lines file, streamed", arguments: ["<FILE.jsonl>"],
                    options: [OptionSpec(name: .channel, valueName: "CHANNEL", help: "recorded source (default import)"),
                              OptionSpec(name: .batchSize, valueName: "N", help: "members per transaction (default 500)"),
                              OptionSpec(name: .strict, valueName: nil, help: "stop at the first bad line instead of skipping it")],
                    discussion: """
                        One member per line: {"fields": {"email": "…", "first_name": "…"}, "consents": [{"purpose": "loyalty_account"}]}.
                        Prints each member id once its transaction has committed (--json: {"member": …} per line).
                        Bad lines are reported on stderr with their line number and skipped; the exit status is 1 if any was.
                        """,
                    run: run),
    ]

    private static func run(_ invocation: Invocation) throws {
        let path = try invocation.checkedPositional()[0]
        let channel = try ConsentCommands.channel(invocation, required: false) ?? .import
        let batchSize = try invocation.integer(.batchSize) ?? 500
        guard batchSize > 0 else { throw UsageError(description: "'--batch-size' must be positive", command: invocation.spec.path) }
        guard let file = fopen(path, "r") else { throw CommandFailure(description: "cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { fclose(file) }
        let (vault, principal) = try invocation.openVault()
        let terminal = isatty(STDERR_FILENO) == 1
        var status = stat()
        let fileSize = fstat(fileno(file), &status) == 0 ? Int(status.st_size) : 0
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var done = 0
        let summary = try vault.members.importMembers(
            nextLine: {
                var length = getline(&buffer, &capacity, file)
                guard length >= 0, let buffer else { return nil }
                while length > 0, buffer[length - 1] == 0x0A || buffer[length - 1] == 0x0D { length -= 1 }
                // Decoded by length, so a NUL byte inside a line cannot cut it short unnoticed.
                return String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
            },
            channel: channel, batchSize: batchSize, strict: invocation.flag(.strict), as: principal,
            committed: { ids in
                for id in ids { invocation.json ? Output.json(["member": id.rawValue]) : Output.line(id.rawValue) }
                fflush(nil)
                done += ids.count
                if terminal { FileHandle.standardError.write(Data(progressBar(done: done, bytesRead: ftell(file), of: fileSize).utf8)) }
            },
            rejected: { refusal in Output.error("\(terminal ? "\r" : "")Error: \(path), line \(refusal.line): \(refusal.reason)") })
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        Output.error("\(summary.imported) imported, \(summary.rejected) rejected, \(summary.lines) lines read")
        if summary.rejected > 0 { throw SilentFailure() }
    }

    /// `\r[#########...........]  45 %  12345 imported`: how far through the file the import is.
    static func progressBar(done: Int, bytesRead: Int, of fileSize: Int) -> String {
        let width = 30
        let fraction = fileSize > 0 ? min(1, max(0, Double(bytesRead) / Double(fileSize))) : 0
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = String(Int(fraction * 100))
        return "\r[\(bar)] \(String(repeating: " ", count: 3 - percent.count))\(percent) %  \(done) imported"
    }
}
