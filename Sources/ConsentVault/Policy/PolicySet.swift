public import Foundation

/// The policy files a vault runs under: fields, purposes, roles, rewards and retention, validated together.
public struct PolicySet: Sendable {
    /// `fields.json`.
    public let fields: FieldCatalog
    /// `purposes.json`.
    public let purposes: PurposeCatalog
    /// `roles.json`.
    public let roles: RoleCatalog
    /// `rewards.json`.
    public let rewards: RewardPolicy
    /// `retention.json`.
    public let retention: RetentionPolicy
    /// `controller.json`, when the set has one.
    public let controller: ControllerContact?
    /// `wording.json`, when the set has one (else exports use the built-in wording).
    public let wording: WordingPolicy?
    /// The raw bytes of each file by name, as stored in the vault.
    public let documents: [String: Data]

    /// The files a policy set consists of.
    public static let fileNames = [FieldCatalog.fileName, PurposeCatalog.fileName, RoleCatalog.fileName, RewardPolicy.fileName, RetentionPolicy.fileName]
    /// Files a policy set may have: read when present (older sets lack them).
    public static let optionalFileNames = [ControllerContact.fileName, WordingPolicy.fileName]

    /// SHA-256 over every document (name and bytes, in name order): identifies the set.
    public var hash: String {
        var bytes: [UInt8] = []
        for name in documents.keys.sorted() {
            bytes += Array(name.utf8) + [0] + Array(documents[name]!) + [0]
        }
        return KeyDerivation.sha256Hex(bytes)
    }

    /// Loads and validates the policy set in `directory`, reporting every problem in every file.
    public static func load(fromDirectory directory: URL) throws -> PolicySet {
        var documents: [String: Data] = [:]
        var problems: [PolicyProblem] = []
        for name in fileNames {
            do {
                documents[name] = try Data(contentsOf: directory.appendingPathComponent(name))
            } catch {
                problems.append(PolicyProblem(file: name, path: "$", message: "cannot be read from \(directory.path)"))
            }
        }
        for name in optionalFileNames {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            do {
                documents[name] = try Data(contentsOf: url)
            } catch {
                problems.append(PolicyProblem(file: name, path: "$", message: "cannot be read from \(directory.path)"))
            }
        }
        guard problems.isEmpty else { throw PolicyError.invalid(problems) }
        return try decode(documents)
    }

    /// Keys of the nested objects of a field or purpose (`notice.materal_version` would silently keep old consents in force).
    private static let nestedKeys: [String: [String]] = [
        "notice": ["version", "text", "material_version"], "retention": ["days", "after"], "description": ["de", "en"], "label": ["de", "en"],
    ]

    /// A problem for each key that is not in `allowed` of an object in `document`'s top-level array
    /// `list`, or of its nested objects (`nestedKeys`), or at the document's top level (`rootKeys`).
    private static func unknownKeys(in document: Data?, list: String, allowed: [String], rootKeys: [String], file: String) -> [PolicyProblem] {
        guard let document, let root = try? JSONSerialization.jsonObject(with: document) as? [String: Any] else { return [] }
        func check(_ object: [String: Any], _ allowed: [String], at path: String) -> [PolicyProblem] {
            let known = Set(allowed)
            return object.keys.sorted().filter { !known.contains($0) }.map {
                PolicyProblem(file: file, path: "\(path).\(Echo.name($0))", message: "is not a known key; one of \(allowed.sorted().joined(separator: ", "))")
            }
        }
        var problems = check(root, rootKeys, at: "$")
        for (index, object) in ((root[list] as? [[String: Any]]) ?? []).enumerated() {
            let path = "$.\(list)[\(index)]"
            problems += check(object, allowed, at: path)
            for (key, keys) in nestedKeys.sorted(by: { $0.key < $1.key }) {
                guard let nested = object[key] as? [String: Any] else { continue }
                problems += check(nested, keys, at: "\(path).\(key)")
                if key == "notice", let text = nested["text"] as? [String: Any] { problems += check(text, ["de", "en"], at: "\(path).notice.text") }
            }
        }
        return problems
    }

    /// Decodes and validates the documents (file name → bytes).
    public static func decode(_ documents: [String: Data]) throws -> PolicySet {
        var problems: [PolicyProblem] = []
        func decodeFile<Document: Decodable>(_ type: Document.Type, _ name: String) -> Document? {
            guard let data = documents[name] else {
                problems.append(PolicyProblem(file: name, path: "$", message: "missing from the policy set"))
                return nil
            }
            // What JSONDecoder lets pass silently: a key given twice (the first would win), a trailing comma, a byte order mark.
            if let text = String(validating: data, as: UTF8.self) {
                if let key = StrictJSON.duplicateKey(in: text) {
                    problems.append(PolicyProblem(file: name, path: "$", message: "key '\(Echo.name(key))' is given twice in one object"))
                    return nil
                }
                if let lax = StrictJSON.laxSyntax(in: text) {
                    problems.append(PolicyProblem(file: name, path: "$", message: "not strict JSON: \(lax)"))
                    return nil
                }
            }
            do {
                return try JSONDecoder().decode(type, from: data)
            } catch let error as DecodingError {
                problems.append(PolicyDecoding.problem(from: error, file: name, data: data))
            } catch {
                problems.append(PolicyProblem(file: name, path: "$", message: "cannot be decoded"))
            }
            return nil
        }
        let fields = decodeFile(FieldCatalog.self, FieldCatalog.fileName)
        let purposes = decodeFile(PurposeCatalog.self, PurposeCatalog.fileName)
        // A misspelt key (`direct_marketting`, `idexed`) would be ignored by decoding and silently change what a field or purpose is.
        problems += unknownKeys(in: documents[FieldCatalog.fileName], list: "fields", allowed: FieldDefinition.CodingKeys.allCases.map(\.rawValue),
                                rootKeys: ["version", "default_country", "fields"], file: FieldCatalog.fileName)
        problems += unknownKeys(in: documents[PurposeCatalog.fileName], list: "purposes", allowed: Purpose.CodingKeys.allCases.map(\.rawValue),
                                rootKeys: ["version", "purposes"], file: PurposeCatalog.fileName)
        let roles = decodeFile(RoleCatalog.self, RoleCatalog.fileName)
        let rewards = decodeFile(RewardPolicy.self, RewardPolicy.fileName)
        let retention = decodeFile(RetentionPolicy.self, RetentionPolicy.fileName)
        let controller = documents[ControllerContact.fileName] == nil ? nil : decodeFile(ControllerContact.self, ControllerContact.fileName)
        if let controller { problems += ControllerContactValidator.problems(in: controller) }
        if let fields { problems += FieldCatalogValidator.problems(in: fields, file: FieldCatalog.fileName) }
        if let purposes { problems += PurposeValidator.problems(in: purposes, fields: fields) }
        if let roles { problems += RoleValidator.problems(in: roles, purposes: purposes) }
        if let rewards { problems += RewardValidator.problems(in: rewards, fields: fields, purposes: purposes) }
        if let retention { problems += RetentionValidator.problems(in: retention, fields: fields, purposes: purposes) }
        let wording = documents[WordingPolicy.fileName] == nil ? nil : decodeFile(WordingPolicy.self, WordingPolicy.fileName)
        if let wording, let document = documents[WordingPolicy.fileName] {
            problems += WordingValidator.problems(in: wording, document: document, roles: roles, rewards: rewards)
        }
        guard problems.isEmpty, let fields, let purposes, let roles, let rewards, let retention else { throw PolicyError.invalid(problems) }
        return PolicySet(fields: fields, purposes: purposes, roles: roles, rewards: rewards, retention: retention, controller: controller,
                         wording: wording, documents: documents)
    }
}
