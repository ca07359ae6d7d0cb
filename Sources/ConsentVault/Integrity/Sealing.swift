/// Sealing and checking the rows that decide access. A member's seal covers the member row's
/// erasure state, every value and index entry, every consent event, double opt-in token and
/// restriction, and the points ledger; each vault-wide table (tokens, policies with notices,
/// requests) has one seal over all its rows. A write on this connection reseals what it touched
/// before it commits; a row changed, removed, added or put back from an older copy by anyone else
/// no longer matches and the operation that depends on it fails.
extension VaultContext {
    /// Name of the marker seal: present once every member and table of the vault has been sealed.
    static let sealMarker = "sealed"

    /// Every row a member's seal covers, each tagged with its table, in a fixed order.
    func memberRows(_ member: String) throws -> [Row] {
        try members.sealedRows(of: member) + consents.sealedRows(of: member) + requests.sealedRows(of: member)
            + rewards.sealedRows(of: member)
    }

    /// The seal `member`'s rows should have now.
    func memberSeal(_ member: String) throws -> [UInt8] {
        try memberSeal(member, rows: try memberRows(member))
    }

    /// The seal of `member` over `rows` as `memberRows` returns them.
    func memberSeal(_ member: String, rows: [Row]) throws -> [UInt8] {
        var seal = Seal(label: "member|\(keys.vaultID)|\(member)")
        seal.add(rows)
        return try seal.value(key: keys.integrityKey)
    }

    /// The seal vault-wide table group `name` (`tokens`, `policies`, `requests` with the
    /// suppression list, `meta`) should have now.
    func tableSeal(_ name: String) throws -> [UInt8] {
        var seal = Seal(label: "table|\(keys.vaultID)|\(name)")
        switch name {
        case "tokens": seal.add(try tokens.sealedRows())
        case "policies": seal.add(try policyStore.sealedRows())
        case "meta": seal.add(try meta.sealedRows())
        default:
            seal.add(try requests.sealedRows())
            seal.add(try suppression.sealedRows())
        }
        return try seal.value(key: keys.integrityKey)
    }

    /// Throws unless the member's rows match their seal. For a mismatch it first looks for the
    /// most precise cause (a data key or a value that does not open), then names the member.
    func verifySeal(of record: MemberRecord, rows: [Row], values: [String: SealedValue]) throws {
        guard try !integrity.isChanged("member", record.id.rawValue) else { return }
        let seal = try memberSeal(record.id.rawValue, rows: rows)
        guard record.seal == seal else {
            let stored = StoredMember(record: record, isRestricted: false, sealedValues: values, keys: keys)
            _ = try stored.values()
            throw IntegrityError.memberTampered(member: record.id.rawValue)
        }
        guard try anchorHolds(Hex.encode(seal), for: try auditLog.pseudonym(record.id)) else {
            throw IntegrityError.memberTampered(member: record.id.rawValue)
        }
        verifiedSeals[record.id] = seal
    }

    /// Throws unless vault-wide table group `name` matches its seal and its newest anchor.
    func verifyTable(_ name: String) throws {
        guard try !integrity.isChanged("table", name) else { return }
        let seal = try tableSeal(name)
        guard try integrity.seal(named: name) == seal, try anchorHolds(Hex.encode(seal), for: "#" + name) else {
            throw IntegrityError.tableTampered(table: name)
        }
    }

    /// Whether `seal` is what the audit log last recorded for `subject` (true when it recorded
    /// nothing yet, as for rows not changed since the vault was first sealed). Rows put back from
    /// an older copy, seal and all, fail here: the chained log remembers the newer seal.
    private func anchorHolds(_ seal: String, for subject: String) throws -> Bool {
        guard let anchor = try auditLog.latestAnchor(of: subject) else { return true }
        return anchor == seal
    }

    /// Reseals every member and table this transaction changed, and appends `record` (if any)
    /// with the anchor of its member, then one `rows.seal` entry anchoring each other change.
    /// Runs inside the write transaction, before it commits.
    func sealAndAppend(_ record: AuditLog.Record?) throws {
        let changes = try integrity.takeChanges()
        var anchors: [(member: MemberID?, table: String?, anchor: String)] = []
        for member in changes.members {
            let id = try MemberID(member)
            if try members.exists(member) {
                let seal = try memberSeal(member)
                try members.setSeal(seal, of: member)
                anchors.append((id, nil, Hex.encode(seal)))
            } else {
                anchors.append((id, nil, AuditLog.deletedAnchor))
            }
        }
        for table in changes.tables {
            let seal = try tableSeal(table)
            try integrity.setSeal(seal, named: table)
            anchors.append((nil, table, Hex.encode(seal)))
        }
        let now = timestamp
        if var record {
            if let index = anchors.firstIndex(where: { $0.member != nil && $0.member == record.member }) {
                record.anchor = anchors.remove(at: index).anchor
            } else if let member = record.member, let seal = verifiedSeals[member] {
                // Unchanged (a read): the entry still anchors the seal it checked, so the member's
                // newest entry always carries its anchor and blanking it is seen.
                record.anchor = Hex.encode(seal)
            }
            try auditLog.append(auditable(record), at: now)
        }
        verifiedSeals.removeAll()
        let principal = record?.principal ?? Principal(name: "vault", role: Principal.localAdministrator.role)
        for anchor in anchors {
            try auditLog.append(AuditLog.Record(principal: principal, operation: .rowsSealed, member: anchor.member, table: anchor.table,
                                                anchor: anchor.anchor), at: now)
        }
    }

    /// Seals a vault that has never been sealed (created before seals existed), once. A vault
    /// whose marker was removed is refused: the audit log shows it was sealed before.
    func sealIfNeverSealed() throws {
        guard try integrity.seal(named: Self.sealMarker) == nil else { return }
        guard try !auditLog.hasEntry(operation: .vaultSeal) else { throw IntegrityError.sealMarkerMissing }
        try database.writeTransaction {
            for member in try members.allIDs() { try members.setSeal(try memberSeal(member), of: member) }
            let vault = Principal(name: "vault", role: Principal.localAdministrator.role)
            try integrity.setSeal(try Seal(label: "marker|\(keys.vaultID)").value(key: keys.integrityKey), named: Self.sealMarker)
            try auditLog.append(AuditLog.Record(principal: vault, operation: .vaultSeal), at: timestamp)
            // Every table starts anchored, so no copy can later pass off older rows as never changed.
            for table in IntegrityStore.tableSeals {
                let seal = try tableSeal(table)
                try integrity.setSeal(seal, named: table)
                try auditLog.append(AuditLog.Record(principal: vault, operation: .rowsSealed, table: table, anchor: Hex.encode(seal)), at: timestamp)
            }
        }
    }

    /// Every member and table whose rows do not match their seal or newest anchor, by name (for
    /// `audit verify`); a subject whose anchoring entries were themselves changed is listed too.
    func tamperedRows() throws -> [String] {
        var found: [String] = []
        func check(_ name: String, _ holds: () throws -> Bool) throws {
            do {
                if try !holds() { found.append(name) }
            } catch let error as IntegrityError {
                found.append("\(name) (\(error.description))")
            }
        }
        var present: Set<String> = []
        for member in try members.allIDs() {
            let pseudonym = try auditLog.pseudonym(try MemberID(member))
            present.insert(pseudonym)
            try check("member \(member)") {
                let seal = try memberSeal(member)
                return try members.sealOf(member) == seal && anchorHolds(Hex.encode(seal), for: pseudonym)
            }
        }
        // A member row deleted outside the vault: the log anchors rows for the member and never recorded their deletion.
        for (pseudonym, anchor) in try auditLog.newestMemberAnchors() where anchor != AuditLog.deletedAnchor && !present.contains(pseudonym) {
            found.append("member row missing (audit pseudonym \(pseudonym))")
        }
        for table in IntegrityStore.tableSeals {
            try check("table \(table)") {
                let seal = try tableSeal(table)
                return try integrity.seal(named: table) == seal && anchorHolds(Hex.encode(seal), for: "#" + table)
            }
        }
        return found
    }
}
