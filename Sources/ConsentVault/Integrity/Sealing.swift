/// Sealing and checking the rows that decide access. A member's seal covers the member row's
/// erasure state, every value and index entry, every consent event, double opt-in token and
/// restriction, and the points ledger; each vault-wide table (tokens, policies with notices,
/// requests) has one seal over all its rows. A write on this connection reseals what it touched
/// before it commits; a row changed, removed, added or put back from an older copy by anyone else
/// no longer matches and the operation that depends on it fails.
extension VaultContext {
    /// Name of the marker seal: present once every member and table of the vault has been sealed.
    static let sealMarker = "sealed"

    /// The seal `member`'s rows should have now.
    func memberSeal(_ member: String) throws -> [UInt8] {
        var seal = Seal(label: "member|\(keys.vaultID)|\(member)")
        seal.add(try members.sealedRows(of: member))
        seal.add(try consents.sealedRows(of: member))
        seal.add(try requests.sealedRows(of: member))
        seal.add(try rewards.sealedRows(of: member))
        return try seal.value(key: keys.integrityKey)
    }

    /// The seal vault-wide table group `name` (`tokens`, `policies`, `requests`, `meta`) should have now.
    func tableSeal(_ name: String) throws -> [UInt8] {
        var seal = Seal(label: "table|\(keys.vaultID)|\(name)")
        switch name {
        case "tokens": seal.add(try tokens.sealedRows())
        case "policies": seal.add(try policyStore.sealedRows())
        case "meta": seal.add(try meta.sealedRows())
        default: seal.add(try requests.sealedRows())
        }
        return try seal.value(key: keys.integrityKey)
    }

    /// Throws unless the member's rows match their seal. For a mismatch it first looks for the
    /// most precise cause (a data key or a value that does not open), then names the member.
    func verifySeal(of record: MemberRecord, values: [String: SealedValue]) throws {
        guard try !integrity.isChanged("member", record.id.rawValue) else { return }
        guard try record.seal == memberSeal(record.id.rawValue) else {
            let stored = StoredMember(record: record, isRestricted: false, sealedValues: values, keys: keys)
            _ = try stored.values()
            throw IntegrityError.memberTampered(member: record.id.rawValue)
        }
    }

    /// Throws unless vault-wide table group `name` matches its seal.
    func verifyTable(_ name: String) throws {
        guard try !integrity.isChanged("table", name) else { return }
        guard try integrity.seal(named: name) == tableSeal(name) else { throw IntegrityError.tableTampered(table: name) }
    }

    /// Reseals every member and table this transaction changed; runs just before each commit.
    func resealChanges() throws {
        let changes = try integrity.takeChanges()
        for member in changes.members where try members.exists(member) {
            try members.setSeal(try memberSeal(member), of: member)
        }
        for table in changes.tables { try integrity.setSeal(try tableSeal(table), named: table) }
        // The seal updates above are not changes to reseal.
        _ = try integrity.takeChanges()
    }

    /// Seals a vault that has never been sealed (created before seals existed), once. A vault
    /// whose marker was removed is refused: the audit log shows it was sealed before.
    func sealIfNeverSealed() throws {
        guard try integrity.seal(named: Self.sealMarker) == nil else { return }
        guard try !auditLog.hasEntry(operation: .vaultSeal) else { throw IntegrityError.sealMarkerMissing }
        try database.writeTransaction {
            for member in try members.allIDs() { try members.setSeal(try memberSeal(member), of: member) }
            for table in IntegrityStore.tableSeals { try integrity.setSeal(try tableSeal(table), named: table) }
            try integrity.setSeal(try Seal(label: "marker|\(keys.vaultID)").value(key: keys.integrityKey), named: Self.sealMarker)
            try auditLog.append(AuditLog.Record(principal: Principal(name: "vault", role: Principal.localAdministrator.role),
                                                operation: .vaultSeal), at: timestamp)
        }
    }

    /// Every member and table whose rows do not match their seal, by name (for `audit verify`).
    func tamperedRows() throws -> [String] {
        var found: [String] = []
        for member in try members.allIDs() where try members.sealOf(member) != memberSeal(member) {
            found.append("member \(member)")
        }
        for table in IntegrityStore.tableSeals where try integrity.seal(named: table) != tableSeal(table) {
            found.append("table \(table)")
        }
        return found
    }
}
