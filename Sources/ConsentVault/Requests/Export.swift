public import Foundation

/// The result of checking an export folder.
public struct ExportVerification: Sendable, Equatable {
    /// Whether every checksum and the signature hold.
    public let isValid: Bool
    /// What failed, if anything.
    public let problem: String?
}

extension Vault {
    /// The vault's Ed25519 public key (hex), which verifies its exports.
    public func signingPublicKey() throws -> String {
        try context.signingPublicKey()
    }
}

extension VaultContext {
    /// The vault's Ed25519 public key (hex).
    func signingPublicKey() throws -> String {
        Hex.encode(try Signature.keyPair(seed: keys.signingSeed).publicKey)
    }
}

/// Writing and checking exports: `export.json`, `export.html`, a checksum manifest and an Ed25519
/// signature by the vault's key.
extension RequestOperations {
    /// Names of the files of an export.
    static let exportFiles = ["export.json", "export.html"]

    /// Writes the export of `member` into `directory` (mode 0700, files 0600; it must not exist or
    /// be an empty folder, never a symbolic link) and returns its path. The files are written
    /// inside the audited transaction: if one cannot be written, none stays and the entry says so.
    @discardableResult
    public func export(_ member: MemberID, to directory: String, request: String? = nil, as principal: Principal) throws -> String {
        try context.authorize(principal, .dsrExport, member: member)
        try context.audited(principal, .dsrExport, member: member) { record in
            let answered = try answeredRequest(request, member: member)
            try Self.writeExport(try exportContents(member, request: request, record: &record), to: directory)
            if let answered { try context.requests.close(answered, outcome: .fulfilled, at: context.timestamp) }
        }
        return directory
    }

    /// The export of `member` as its files (`export.json`, `export.html`, `manifest.json`,
    /// `manifest.sig`, name → contents), for a caller that writes them elsewhere (the service hands
    /// them to the DPO's client, which writes them with `writeExport`). Audited like `export`.
    public func exportFiles(_ member: MemberID, request: String? = nil, as principal: Principal) throws -> [String: Data] {
        try context.authorize(principal, .dsrExport, member: member)
        return try context.audited(principal, .dsrExport, member: member) { record in
            let answered = try answeredRequest(request, member: member)
            let files = try exportContents(member, request: request, record: &record)
            if let answered { try context.requests.close(answered, outcome: .fulfilled, at: context.timestamp) }
            return files
        }
    }

    /// Writes export files into `directory` (created 0700, or an existing empty folder; files 0600).
    /// Only the four export file names are accepted; if one cannot be written, none stays.
    public static func writeExport(_ files: [String: Data], to directory: String) throws {
        for name in files.keys where !(exportFiles + signatureFiles).contains(name) {
            throw StorageError.fileWrite(path: directory, reason: "'\(name)' is not a file of an export")
        }
        try PrivateFiles.prepareFolder(directory)
        do {
            for (name, data) in files { try PrivateFiles.write(data, to: (directory as NSString).appendingPathComponent(name)) }
        } catch {
            for name in exportFiles + signatureFiles { try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name)) }
            throw error
        }
    }

    /// The open access or portability request of `member` that an export answers (closed as fulfilled with it), if one is named.
    private func answeredRequest(_ id: String?, member: MemberID) throws -> String? {
        guard let id else { return nil }
        try context.verifyTable("requests")
        guard let found = try context.requests.request(id) else { throw RequestError.unknownRequest(id) }
        guard found.status == .open, [.access, .portability].contains(found.type), try context.requestIsOf(found, member: member, attaching: true) else {
            throw RequestError.notAnOpenExportRequest(request: id, member: member.rawValue)
        }
        return id
    }

    /// Names of the manifest and its signature.
    static let signatureFiles = ["manifest.json", "manifest.sig"]

    /// The export files of `member`, with the manifest of their checksums and its signature; notes
    /// in `record` which fields were handed out.
    private func exportContents(_ member: MemberID, request: String?, record: inout AuditLog.Record) throws -> [String: Data] {
        _ = try context.memberRecord(member)
        let document = try context.exportDocument(for: member, request: request)
        record.fieldsReturned = (document["fields"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        let json = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        let files = ["export.json": json, "export.html": Data(ExportHTML.render(document, wording: ExportWording(context.policies.wording)).utf8)]
        let publicKey = try context.signingPublicKey()
        let manifest: [String: Any] = ["format": VaultContext.exportFormat, "vault_id": context.keys.vaultID, "public_key": publicKey,
                                       "files": files.mapValues { KeyDerivation.sha256Hex(Array($0)) }]
        let manifestData = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
        let signature = try Signature.sign(Array(manifestData), secretKey: try Signature.keyPair(seed: context.keys.signingSeed).secretKey)
        return files.merging(["manifest.json": manifestData, "manifest.sig": Data(Hex.encode(signature).utf8)], uniquingKeysWith: { first, _ in first })
    }

    /// Checks an export folder: the manifest's signature by this vault's key, and every checksum.
    public func verifyExport(at directory: String) throws -> ExportVerification {
        func read(_ name: String) -> Data? { FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name)) }
        guard let manifestData = read("manifest.json"), let signatureText = read("manifest.sig"),
              let signature = Hex.decode(String(decoding: signatureText, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            return ExportVerification(isValid: false, problem: "manifest.json or manifest.sig is missing or malformed")
        }
        let publicKey = Hex.decode(try context.signingPublicKey()) ?? []
        guard Signature.verify(signature, of: Array(manifestData), publicKey: publicKey) else {
            return ExportVerification(isValid: false, problem: "the signature does not match this vault's key (manifest changed or signed elsewhere)")
        }
        let manifest = (try? JSONSerialization.jsonObject(with: manifestData)) as? [String: Any]
        let sums = manifest?["files"] as? [String: String] ?? [:]
        for name in Self.exportFiles {
            guard let data = read(name) else { return ExportVerification(isValid: false, problem: "\(name) is missing") }
            guard sums[name] == KeyDerivation.sha256Hex(Array(data)) else {
                return ExportVerification(isValid: false, problem: "\(name) does not match its checksum (changed after export)")
            }
        }
        return ExportVerification(isValid: true, problem: nil)
    }
}
