import Foundation
import Testing

@Suite("Error codes: the list in README.md is the list in the sources")
struct ErrorCodeTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every match of `pattern`'s first group in `text`.
    private func matches(_ pattern: String, in text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Codes the sources define: `var code` switches in the library, `code: "…"` in the service and the CLI.
    private func sourceCodes() throws -> Set<String> {
        var codes: Set<String> = []
        let sources = Self.root.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for body in try matches(#"public var code: String \{\n(.*?)\n    \}\n"#, in: text) {
                codes.formUnion(try matches(#"return "([a-z_0-9]+)""#, in: body))
            }
            if !file.path.contains("/Sources/ConsentVault/") {
                codes.formUnion(try matches(#"code: "([a-z_0-9]+)""#, in: text))
                codes.formUnion(try matches(#"case \.[a-zA-Z]+: "([a-z_0-9]+)""#, in: text))
                codes.formUnion(try matches(#"var code: String \{ "([a-z_0-9]+)" \}"#, in: text))
                codes.formUnion(try matches(#"var code = "([a-z_0-9]+)""#, in: text))
            }
        }
        return codes
    }

    @Test("every code in the sources is documented, and nothing documented is gone")
    func documented() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Error codes").dropFirst().first?.components(separatedBy: "\n## ").first)
        let listed = try section.split(separator: "\n").filter { $0.hasPrefix("- ") }.flatMap { try matches(#"`([a-z_0-9]+)`"#, in: String($0)) }
        let sources = try sourceCodes()
        #expect(sources.count > 80, "the scan found the codes")
        #expect(sources.subtracting(listed).isEmpty, "undocumented: \(sources.subtracting(listed).sorted())")
        #expect(Set(listed).subtracting(sources).isEmpty, "documented but gone: \(Set(listed).subtracting(sources).sorted())")
    }
}
