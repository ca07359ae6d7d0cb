/// Everything a principal can ask the vault to do; `roles.json` grants these per role.
public enum VaultOperation: String, Codable, Sendable, CaseIterable {
    case memberEnroll = "member.enroll", memberSet = "member.set", memberUnset = "member.unset"
    case memberRead = "member.read", memberFind = "member.find", memberList = "member.list"
    case consentGrant = "consent.grant", consentWithdraw = "consent.withdraw", consentConfirm = "consent.confirm"
    case consentShow = "consent.show", consentHistory = "consent.history"
    case auditVerify = "audit.verify", auditShow = "audit.show", auditHead = "audit.head"
    case policyApply = "policy.apply", policyShow = "policy.show"
    case tokenCreate = "token.create", tokenList = "token.list", tokenRevoke = "token.revoke"
    case keysRotate = "keys.rotate", keysRetire = "keys.retire", keysStatus = "keys.status"
    case profileNext = "profile.next", profileShare = "profile.share", profileDecline = "profile.decline"
    case rewardsBalance = "rewards.balance", rewardsLedger = "rewards.ledger", rewardsAdjust = "rewards.adjust"
    case rewardsBirthdays = "rewards.birthdays", reportProfiling = "report.profiling"
    case dsrOpen = "dsr.open", dsrList = "dsr.list", dsrShow = "dsr.show", dsrExtend = "dsr.extend", dsrClose = "dsr.close"
    case dsrExport = "dsr.export", dsrErase = "dsr.erase", retentionRun = "retention.run"
    case backupCreate = "backup.create", backupRestore = "backup.restore"
    case promptRedact = "prompt.redact", promptBuild = "prompt.build", promptDemask = "prompt.demask"
    case eventsRead = "events.read"
    case suppressionList = "suppression.list", suppressionLift = "suppression.lift"
    /// The vault sealing its rows for the first time; done by the vault itself, never granted.
    case vaultSeal = "vault.seal"
    /// Someone presented an access token that is unknown or revoked; recorded, never granted.
    case tokenUse = "token.use"
    /// Rows were resealed by an operation recorded under another subject; the entry anchors them.
    case rowsSealed = "rows.seal"

    /// Operations the vault performs or records on its own; `roles.json` may not grant them.
    public static let internalOperations: Set<VaultOperation> = [.vaultSeal, .tokenUse, .rowsSealed]

    /// Whether the operation must run in a transaction of its own, never in a group
    /// (`VaultQueue.group`): it checkpoints the WAL, appends to the journal, copies the file or
    /// changes keys, none of which a savepoint can undo.
    public var needsOwnTransaction: Bool {
        switch self {
        case .dsrErase, .retentionRun, .backupCreate, .backupRestore, .keysRotate, .keysRetire, .policyApply: true
        default: false
        }
    }
}

/// One role from `Policies/roles.json`.
public struct Role: Codable, Sendable, Equatable {
    /// Stable id, e.g. `marketing`.
    public let id: String
    /// What the role is for.
    public let description: String
    /// Operations granted, as written (validated against `VaultOperation`).
    public let operations: [String]
    /// Purposes this role may read member data for; `*` means all.
    public let readPurposes: [String]

    enum CodingKeys: String, CodingKey {
        case id, description, operations
        case readPurposes = "read_purposes"
    }

    /// Whether the role may perform `operation`.
    public func allows(_ operation: VaultOperation) -> Bool { operations.contains(operation.rawValue) }
    /// Whether the role may read for `purpose`.
    public func mayRead(for purpose: String) -> Bool { readPurposes.contains("*") || readPurposes.contains(purpose) }
}

/// The roles document.
public struct RoleCatalog: Codable, Sendable, Equatable {
    /// File name inside a policy folder.
    public static let fileName = "roles.json"
    /// Roles every policy set must define.
    public static let requiredRoles = ["enrollment", "dpo", "marketing", "admin"]
    /// Raised on every change of the document.
    public let version: Int
    /// Every role a token can be given.
    public let roles: [Role]

    /// The role with `id`, or nil.
    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
}
