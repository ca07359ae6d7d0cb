import Dispatch

/// Counts of one import run.
public struct ImportSummary: Sendable, Equatable {
    /// Lines read (including blank ones).
    public let lines: Int
    /// Members written and committed.
    public let imported: Int
    /// Lines refused (reported one by one through `rejected`).
    public let rejected: Int
}

/// One import line refused: where, and why (never the line's content).
public struct ImportRejection: Sendable, Equatable {
    /// Line number in the input, from 1.
    public let line: Int
    /// What was wrong with it.
    public let reason: String
}

/// Bulk import: streamed, in batched transactions, each member whole or not at all.
extension MemberOperations {
    /// Imports members from `nextLine` (one JSON record per line) in transactions of `batchSize`
    /// (default: `bulkBatchSize` for a first load into a vault of fewer than `bulkLoadMembers`
    /// members, else `regularBatchSize`). `committed` receives the ids of each batch once it is
    /// durable; `rejected` receives a bad line's number and reason (never its content). With
    /// `strict`, the first bad line stops the import and its batch is not written.
    public func importMembers(nextLine: () throws -> String?, channel: Channel = .import, batchSize: Int? = nil, strict: Bool = false,
                              as principal: Principal, committed: ([MemberID]) -> Void,
                              rejected: (ImportRejection) -> Void) throws -> ImportSummary {
        try context.authorize(principal, .memberEnroll)
        // Checkpoint less often while importing: pages that several batches touch are written back
        // to the file once instead of after every batch (about 10 % faster at 100,000 members).
        try context.database.setAutoCheckpoint(pages: Self.importCheckpointPages)
        defer { try? context.database.setAutoCheckpoint(pages: Database.defaultCheckpointPages) }
        // A larger page cache while importing: the random-keyed indexes touch pages all over the file.
        try context.database.setPageCache(kibibytes: Self.importPageCacheKibibytes)
        defer { try? context.database.setPageCache(kibibytes: Database.pageCacheKibibytes) }
        // A first load (the bulk path): larger transactions, so fewer commits wait for the disk. Each
        // batch is still one transaction, acknowledged once durable, so a crash loses nothing acknowledged.
        let isFirstLoad = try context.members.count(upTo: Self.bulkLoadMembers) < Self.bulkLoadMembers
        let batchSize = batchSize ?? (isFirstLoad ? Self.bulkBatchSize : Self.regularBatchSize)
        var lineNumber = 0, imported = 0, refused = 0
        func refuse(_ line: Int, _ reason: String) throws {
            if strict { throw ImportError.aborted(line: line, reason: reason) }
            refused += 1
            rejected(ImportRejection(line: line, reason: reason))
        }
        func write(_ batch: [ImportCandidate]) throws -> [(Int, String)] {
            guard !batch.isEmpty else { return [] }
            // Fast path: the whole batch in one transaction without savepoints. If any member
            // fails, that transaction is rolled back and the batch is redone one savepoint per
            // member, so good members are still written and each bad one is reported.
            let written = try? writeBatch(batch, channel: channel, principal: principal, isolatingMembers: false)
            let (ids, failures) = try written ?? writeBatch(batch, channel: channel, principal: principal, isolatingMembers: true, strict: strict)
            imported += ids.count
            if !ids.isEmpty { committed(ids) }
            return failures
        }
        func readLines() throws -> [(number: Int, text: String)] {
            var lines: [(number: Int, text: String)] = []
            while lines.count < max(1, batchSize), let line = try nextLine() {
                lineNumber += 1
                if !line.allSatisfy(\.isWhitespace) { lines.append((lineNumber, line)) }
            }
            return lines
        }
        // Lines are read here; the next batch is parsed and validated on the other core while this one is
        // written. Each batch is still checked whole before any of it is written.
        // The parser also seals each member's values, so the writer only writes.
        let parser = ImportParser(normalizer: context.normalizer(), purposes: context.policies.purposes, keys: try context.enrollmentKeys(),
                                  fieldNames: Set(context.catalog.fields.map(\.name)))
        let worker = DispatchQueue(label: "consent-vault.import-parser")
        var parsed = parser.parse(try readLines())
        while !parsed.isEmpty {
            let next = ParsedBatch()
            let lines = try readLines()
            let parsing = DispatchGroup()
            worker.async(group: parsing) { next.items = parser.parse(lines) }
            // Never leave with the parser still running, also when a write throws.
            defer { parsing.wait() }
            var batch: [ImportCandidate] = [], refusals: [(Int, String)] = []
            for item in parsed {
                switch item {
                case .candidate(let candidate): batch.append(candidate)
                case .refused(let line, let reason):
                    // A strict import stops here, before this batch is written.
                    if strict { throw ImportError.aborted(line: line, reason: reason) }
                    refusals.append((line, reason))
                }
            }
            // Bad lines are reported in line order, whether their value or their write failed.
            for (line, reason) in (refusals + (try write(batch))).sorted(by: { $0.0 < $1.0 }) { try refuse(line, reason) }
            parsing.wait()
            parsed = next.items
        }
        return ImportSummary(lines: lineNumber, imported: imported, rejected: refused)
    }

    /// Page cache of an import, in KiB (the vault's usual 32 MiB plus 32).
    static let importPageCacheKibibytes = 65_536
    /// WAL pages (4 KiB each) after which an import checkpoints.
    static let importCheckpointPages = 20_000
    /// Members per transaction of an import into a vault that already holds many.
    public static let regularBatchSize = 500
    /// Members per transaction of a first load (`bench`: 8 % faster than 500 at 100,000 members).
    public static let bulkBatchSize = 5_000
    /// Below this many members in the vault, an import is a first load.
    public static let bulkLoadMembers = 10_000

    /// One parsed and validated import line.
    fileprivate struct ImportCandidate: Sendable {
        /// Line number in the input, from 1.
        let line: Int
        /// The new member's id and validated values, sealed.
        let secrets: MemberSecrets
        /// Consents given with it.
        let consents: [ConsentRequest]
    }

    /// Writes `batch` in one transaction. Without `isolatingMembers`, the first failing member
    /// throws and nothing is written; with it, each member runs in its own savepoint and failures
    /// come back by line (or, with `strict`, the first one throws).
    private func writeBatch(_ batch: [ImportCandidate], channel: Channel, principal: Principal, isolatingMembers: Bool,
                            strict: Bool = false) throws -> (ids: [MemberID], failures: [(Int, String)]) {
        try context.database.writeTransaction {
            var ids: [MemberID] = [], failures: [(Int, String)] = []
            let now = context.timestamp
            // Secrets made under a master key version that is no longer the newest (a rotation ran
            // since the parser started) are made again here.
            let keys = try context.enrollmentKeys()
            for record in batch {
                let member = record.secrets.member
                let secrets = record.secrets.masterVersion == keys.masterVersion ? record.secrets
                    : try keys.prepare(record.secrets.values.map { ($0.definition, $0.value) }, for: member, dataKey: record.secrets.dataKey)
                func write() throws {
                    _ = try context.enrollMember(secrets, consentRequests: record.consents, channel: channel,
                                                 evidence: ConsentEvidence(), actor: principal, now: now)
                    try context.sealAndAppend(AuditLog.Record(principal: principal, operation: .memberEnroll, member: member,
                                                              fieldsRequested: secrets.values.map(\.definition.name)))
                }
                guard isolatingMembers else {
                    try write()
                    ids.append(member)
                    continue
                }
                do {
                    try context.database.savepoint(write)
                    ids.append(member)
                } catch let error as KeyFileError {
                    // No line's fault: the keys this process holds no longer write to the vault. Stop.
                    throw error
                } catch {
                    if strict { throw ImportError.aborted(line: record.line, reason: "\(error)") }
                    failures.append((record.line, "\(error)"))
                }
            }
            return (ids, failures)
        }
    }
}

/// What one import line became: a member to write, or the reason it is refused.
private enum ParsedLine: Sendable {
    case candidate(MemberOperations.ImportCandidate)
    case refused(line: Int, reason: String)
}

/// The parsed lines of the next batch, filled by the parsing thread and read after it finished.
private final class ParsedBatch: @unchecked Sendable {
    var items: [ParsedLine] = []
}

/// Parses, validates and seals import lines without touching the vault, so it can run beside the writer.
private struct ImportParser: Sendable {
    let normalizer: FieldNormalizer
    let purposes: PurposeCatalog
    let keys: VaultKeys.EnrollmentKeys
    /// The catalog's field names: the only names a message may repeat.
    let fieldNames: Set<String>

    /// Longest line parsed, in UTF-8 bytes (`ImportLineReader` cuts longer ones just past it).
    static let maximumLineBytes = ImportLineReader.maximumLineBytes

    func parse(_ lines: [(number: Int, text: String)]) -> [ParsedLine] {
        // The batch's data keys in one protected allocation.
        let dataKeys: [SecureBytes]
        do {
            dataKeys = try SecureBytes.randomKeys(lines.count, length: KeyDerivation.keyByteCount)
        } catch {
            return lines.map { .refused(line: $0.number, reason: "\(error)") }
        }
        return zip(lines, dataKeys).map { line, dataKey in
            do {
                guard line.text.utf8.count <= Self.maximumLineBytes else {
                    throw ImportError.malformed("longer than \(Self.maximumLineBytes) bytes")
                }
                let record = try ImportRecord.parse(line.text, knownFields: fieldNames)
                // Unknown names are not echoed (they may be personal data in the wrong column); the known ones are listed.
                if let unknown = record.fields.first(where: { normalizer.catalog.definition(of: $0.name) == nil }) {
                    throw ImportError.malformed("unknown field name of \(unknown.name.count) characters; known: "
                                                + normalizer.catalog.fields.map(\.name).joined(separator: ", "))
                }
                if let unknown = record.consents.compactMap(\.field).first(where: { normalizer.catalog.definition(of: $0) == nil }) {
                    throw ImportError.malformed("a consent names an unknown field of \(unknown.count) characters")
                }
                if let unknown = record.consents.first(where: { purposes.purpose($0.purpose) == nil }) {
                    throw ImportError.malformed("unknown purpose of \(unknown.purpose.count) characters; known: "
                                                + purposes.purposes.map(\.id).joined(separator: ", "))
                }
                // A purpose with another lawful basis (the loyalty contract) needs no consent: listing it is not an error.
                let consents = record.consents.filter { (purposes.purpose($0.purpose)?.lawfulBasis ?? .consent) == .consent }
                let secrets = try keys.prepare(try normalizer.normalize(record.fields), for: MemberID.random(), dataKey: dataKey)
                return .candidate(.init(line: line.number, secrets: secrets, consents: consents))
            } catch let error as ImportError {
                return .refused(line: line.number, reason: error.description)
            } catch {
                return .refused(line: line.number, reason: "\(error)")
            }
        }
    }
}
