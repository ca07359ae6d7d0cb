import ConsentVault
@testable import ConsentVaultCLI
import Foundation
import Testing

/// The CLI as a client: what it accepts from a server it is pointed at.
@Suite("Client mode: server addresses and export answers")
struct ClientModeTests {
    /// A well-formed export answer whose manifest matches its files.
    private func answer(json: String = "{}", html: String = "<html></html>") -> [String: Any] {
        let sums = ["export.json": KeyDerivation.sha256Hex(Array(json.utf8)), "export.html": KeyDerivation.sha256Hex(Array(html.utf8))]
        let manifest = String(decoding: try! JSONSerialization.data(withJSONObject: ["files": sums]), as: UTF8.self)
        return ["files": ["export.json": json, "export.html": html, "manifest.json": manifest, "manifest.sig": "00"]]
    }

    @Test("only loopback and absolute unix sockets are accepted: the token never travels plain HTTP off the machine")
    func addresses() throws {
        #expect(try ServerAddress("unix:/run/cv.sock") == .unix(path: "/run/cv.sock"))
        #expect(try ServerAddress("http://127.0.0.1:8080") == .tcp(host: "127.0.0.1", port: 8080))
        for refused in ["http://10.0.0.1:8080", "http://192.168.1.2:80", "https://127.0.0.1:8443", "unix:relative.sock", "http://localhost:80",
                        "http://127.0.0.1", "http://127.0.0.1:0", "ftp://127.0.0.1:21"] {
            #expect(throws: UsageError.self, "\(refused)") { try ServerAddress(refused) }
        }
    }

    @Test("an export answer must hold exactly the four files, as text, matching the manifest; else nothing is written")
    func exportAnswers() throws {
        #expect(try RemoteCalls.exportFiles(in: answer()).count == 4)
        var missing = answer()
        var files = missing["files"] as! [String: Any]
        files.removeValue(forKey: "export.html")
        missing["files"] = files
        var extra = answer()
        files = extra["files"] as! [String: Any]
        files["../escaped"] = "x"
        extra["files"] = files
        var wrongType = answer()
        files = wrongType["files"] as! [String: Any]
        files["export.json"] = ["a": 1]
        wrongType["files"] = files
        var altered = answer()
        files = altered["files"] as! [String: Any]
        files["export.json"] = "{\"changed\": true}"
        altered["files"] = files
        for (name, bad) in [("missing", missing), ("extra", extra), ("wrong type", wrongType), ("altered", altered), ("empty", [:])] {
            #expect(throws: CommandFailure.self, "\(name)") { try RemoteCalls.exportFiles(in: bad) }
        }
    }
}
