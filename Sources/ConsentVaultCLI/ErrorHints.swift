import ConsentVault

// What to do about each library error, in this tool's terms. The library says what went wrong and
// where; the hint here names the option or command that fixes it.

extension FieldValueError {
    /// What to do about it, naming this tool's options and commands.
    var hint: String {
        switch self {
        case .unknownField: return "the field catalog (Policies/fields.json) lists the accepted fields"
        case .invalid, .tooLong: return "correct the value; nothing was stored"
        case .duplicateField: return "give each field once"
        case .notIndexed: return "look members up by email, phone or member_number"
        }
    }
}

extension ConsentError {
    /// What to do about it, naming this tool's options and commands.
    var hint: String {
        switch self {
        case .unknownPurpose, .fieldNotInPurpose, .notConsentBased: return "Policies/purposes.json defines the purposes and their fields"
        case .minorNeedsGuardian: return "record the guardian's consent with --guardian"
        case .invalidToken, .usedToken: return "each token confirms once; grant again to send a new one"
        case .tooManyConsents: return "give each consent once; a purpose-wide consent covers all its fields"
        case .capturedTooLongAgo: return "import only consents your records can prove; pass the real capture time"
        case .capturedInFuture: return "pass --captured-at as the UTC time the member agreed, not later than now"
        case .invalidIPAddress: return "pass --ip as an IPv4 or IPv6 address, or leave it out"
        case .expiredToken: return "grant again to send a new confirmation token"
        case .nothingToWithdraw: return "see the member's consents with: consent-vault consent show <id>"
        }
    }
}

extension PromptError {
    /// What to do about it, naming this tool's options and commands.
    var hint: String {
        switch self {
        case .unknownSession, .expiredSession: return "redact or build the prompt again to start a new session"
        case .sessionMismatch: return "start a new session for this member and purpose"
        case .unknownSlot: return "use one of the listed attributes, e.g. {{first_name}} or {{birth_month|fallback}}"
        case .corruptSession: return "restore the vault from a backup and report the incident to the DPO"
        }
    }
}

extension StorageError {
    /// What to do about it, naming this tool's options and commands.
    var hint: String {
        switch self {
        case .sqlite: return "if this repeats, run 'consent-vault' again with a fresh copy of the vault and report it"
        case .schemaTooNew: return "upgrade consent-vault; never open a vault with an older version"
        case .notAVault: return "check the path: --vault (or CONSENT_VAULT_PATH), or the backup file given to restore"
        case .vaultNotFound: return "create one with: consent-vault init, or check --vault (or CONSENT_VAULT_PATH)"
        case .vaultExists: return "choose another path; an existing vault is never overwritten"
        case .erasureJournal: return "restore the journal from its append-only copy; never edit it by hand"
        case .corruptRow: return "restore the vault from a backup and report the incident to the DPO"
        case .migrationIncomplete: return "fix or remove the rows it names (outside the vault, they were not written by it), then run 'consent-vault vault migrate' again; report it"
        case .exportFolderNotEmpty: return "choose a folder that does not exist yet or is empty (dsr export --out DIR, policy export DIR)"
        case .fileExists: return "choose another --out path"
        case .symbolicLink: return "pass the path the link points to"
        case .fileWrite: return "check free space and permissions of the folder"
        case .needsOwnTransaction: return "run the operation on its own (the service runs erasure, retention, keys and backups alone)"
        }
    }
}

extension AccessError {
    /// What to do about it, naming this tool's options and commands.
    var hint: String {
        switch self {
        case .operationNotAllowed, .purposeNotAllowed: return "Policies/roles.json lists what each role may do; the attempt was audited"
        case .invalidToken: return "check --token (or CONSENT_VAULT_TOKEN); an administrator can list tokens with 'consent-vault token list'"
        case .invalidTokenName: return "name the client, e.g. --name crm-app"
        case .tokenNameTaken: return "choose another --name, or revoke the old token first"
        case .unknownTokenName: return "list tokens with: consent-vault token list"
        case .unknownRole: return "roles are defined in Policies/roles.json"
        case .dpoTokenNeedsDPO: return "a DPO token is created by the key holder (no --token) or with a DPO's token"
        }
    }
}

extension MemberError {
    /// What to do about it, naming this tool's options and commands.
    var hint: String {
        switch self {
        case .memberNotFound: return "list members with: consent-vault member list"
        case .erased: return "an erased member cannot be changed; enrol the person again if they sign up anew"
        case .invalidMemberID: return "member ids are printed by 'member enroll' and 'member find'"
        case .integrity, .dataKeyIntegrity: return "restore the vault from a backup and report the incident to the DPO"
        case .duplicateValue: return "find the existing member with 'consent-vault member find'"
        case .noFields: return "pass at least one --field NAME=VALUE"
        }
    }
}

extension RewardError {
    /// What to do about it, naming this tool's options and commands.
    var hint: String {
        switch self {
        case .reasonRequired: return "pass --reason TEXT (no personal data)"
        case .zeroAdjustment: return "pass --points N with N positive or negative"
        case .notAskable: return "rewards.json lists the askable fields under 'asks'"
        case .balanceOverflow, .adjustmentTooLarge: return "adjust by a smaller number of points"
        case .reasonNotPlainText: return "write a short reason on one line, without personal data"
        }
    }
}

extension RequestError {
    /// What to do about it, naming this tool's options and commands.
    var hint: String {
        switch self {
        case .unknownRequest: return "list requests with: consent-vault dsr list"
        case .alreadyClosed, .alreadyExtended: return "see it with: consent-vault dsr show <request>"
        case .extensionNeedsReason: return "pass --reason TEXT (complexity or number of requests)"
        case .invalidDate: return "write dates as 2026-01-31 or 31.01.2026"
        case .notAnOpenExportRequest: return "open one with: consent-vault dsr open --type access --member ID"
        case .receivedInFuture: return "give the day the request actually arrived (--received), today or earlier"
        case .extensionTooLate: return "answer the request now; it cannot be extended any more"
        case .reasonNotPlainText: return "write a short reason on one line, without personal data"
        case .notAnOpenErasureRequest: return "open an erasure request for this member with: consent-vault dsr open --type erasure"
        case .memberHasData: return "answer it with the member's export or erasure, or close it as fulfilled, refused or withdrawn"
        case .contactMatchesSeveralMembers: return "find them with: consent-vault member find --email|--phone VALUE, then dsr open --member ID"
        case .invalidContact: return "give the email address or phone number the request came from (--email or --phone)"
        case .receivedBeforeGDPR: return "check --received: the day the request arrived, 2018-05-25 or later"
        case .contactOfErasedMember: return "see what the erasure kept (dsr erase <id> --dry-run says when it was erased), then close as fulfilled or refused"
        case .erasureNotCarriedOut: return "erase with: consent-vault dsr erase <id> --request <request>, or close as refused or withdrawn"
        }
    }
}

extension KeyFileError {
    /// What to do about it, naming this tool's options and commands.
    var hint: String {
        switch self {
        case .notFound: return "pass --keys FILE (or set CONSENT_VAULT_KEYS), or create one with: consent-vault keygen --out FILE"
        case .unreadable: return "check that the path is a regular file readable by this user"
        case .permissionsTooOpen(let path, _): return "run: chmod 600 \(path)"
        case .malformed: return "restore the key file from your backup; Keys.example documents the format"
        case .exampleKey: return "create a real key with: consent-vault keygen --out FILE"
        case .passphraseRequired: return "set CONSENT_VAULT_PASSPHRASE or run the command on a terminal"
        case .wrongPassphrase: return "check the passphrase; there is no way to recover a key file without it"
        case .alreadyExists: return "choose another path, or move the old file away if you are sure it protects nothing"
        case .writeFailed: return "check free space and permissions of the folder"
        case .belongsToAnotherVault: return "use the key file that was used with consent-vault init for this vault"
        case .versionMissing: return "use the key file from before the retirement, or finish rotation with: consent-vault keys rotate"
        case .rotationInProgress: return "wait for the other rotation to finish, then run the command again"
        case .changedOnDisk: return "run the command again; it reads the new key file"
        case .keyVersionInUse: return "finish the rotation first: consent-vault keys rotate"
        case .cannotRetireActiveVersion: return "rotate to a new version first: consent-vault keys rotate"
        case .keyDoesNotOpenVault: return "the key file was altered or mixed up; restore it from your backup"
        }
    }
}

extension IntegrityError {
    /// What to do about it, naming this tool's options and commands.
    var hint: String {
        "run 'consent-vault audit verify' to list every member and table affected; restore the vault from a backup and report the incident to the DPO"
    }
}

extension SuppressionError {
    /// What to do about it, naming this tool's options and commands.
    var hint: String {
        switch self {
        case .contactSuppressed: return "only the DPO may lift an entry (suppression lift --email|--phone VALUE) when the person asks for marketing again"
        case .liftNeedsOneEntry: return "name exactly one: --email, --phone or --entry"
        case .noSuchEntry: return "see the entries with: consent-vault suppression list"
        case .notAContactField: return "use --email or --phone"
        }
    }
}
