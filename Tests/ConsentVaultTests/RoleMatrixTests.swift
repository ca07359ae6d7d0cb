@testable import ConsentVault
import Foundation
import Testing

@Suite("Role matrix: every operation × every role")
struct RoleMatrixTests {
    /// `roles.json` read independently of the vault's model.
    static let grants: [String: (operations: Set<String>, purposes: Set<String>)] = {
        let url = TestVault.policyDirectory.appendingPathComponent("roles.json")
        let document = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return Dictionary(uniqueKeysWithValues: (document["roles"] as! [[String: Any]]).map {
            ($0["id"] as! String, (Set($0["operations"] as! [String]), Set($0["read_purposes"] as! [String])))
        })
    }()

    /// Runs `operation` as `principal` on a prepared member; returns normally unless refused.
    private func perform(_ operation: VaultOperation, on test: TestVault, member: MemberID, request: String, session: String,
                         as principal: Principal) throws {
        let vault = test.vault
        switch operation {
        case .memberEnroll: _ = try vault.members.enroll([FieldInput("first_name", "Neu")], channel: .app, as: principal)
        case .memberSet: try vault.members.set("first_name", to: "Anne", for: member, as: principal)
        case .memberUnset: try vault.members.unset("phone", for: member, as: principal)
        case .memberRead: _ = try vault.members.read(member, purpose: "email_marketing", as: principal)
        case .memberFind: _ = try vault.members.find("email", equals: "anna@example.de", as: principal)
        case .memberList: _ = try vault.members.list(as: principal)
        case .consentGrant: _ = try vault.consents.grant(ConsentRequest(purpose: "personalized_offers"), for: member, channel: .app, as: principal)
        case .consentWithdraw: try vault.consents.withdraw(ConsentRequest(purpose: "birthday_rewards"), for: member, as: principal)
        case .consentConfirm: try rethrowAccess { _ = try vault.consents.confirm(token: "cvd_wrong", for: member, as: principal) }
        case .consentShow: _ = try vault.consents.states(of: member, as: principal)
        case .consentHistory: _ = try vault.consents.history(of: member, as: principal)
        case .auditVerify: _ = try vault.audit.verify(as: principal)
        case .auditShow: _ = try vault.audit.entries(for: member, as: principal)
        case .auditHead: _ = try vault.audit.head(as: principal)
        case .eventsRead: _ = try vault.events.list(after: 0, as: principal)
        case .suppressionList: _ = try vault.suppression.list(as: principal)
        case .suppressionLift: try rethrowAccess { _ = try vault.suppression.lift(entryID: "0000000000000000", as: principal) }
        case .policyApply: try vault.applyPolicies(vault.policies, as: principal)
        case .policyShow: _ = try vault.policyDocuments(as: principal)
        case .tokenCreate: _ = try vault.tokens.create(name: "new-\(UUID().uuidString.prefix(4).lowercased())", role: "marketing", as: principal)
        case .tokenList: _ = try vault.tokens.list(as: principal)
        case .tokenRevoke: try vault.tokens.revoke(name: "spare", as: principal)
        case .keysRotate: _ = try vault.keys.rotate(keyFilePath: test.keyPath, as: principal)
        case .keysRetire: try rethrowAccess { try vault.keys.retire(version: 99, keyFilePath: test.keyPath, as: principal) }
        case .keysStatus: _ = try vault.keys.status(as: principal)
        case .profileNext: _ = try vault.profiles.nextQuestion(for: member, channel: .app, as: principal)
        case .profileShare: _ = try vault.profiles.share("clothing_size", value: "M", for: member, purpose: "personalized_offers", channel: .app, as: principal)
        case .profileDecline: try vault.profiles.decline("shoe_size", for: member, channel: .app, as: principal)
        case .rewardsBalance: _ = try vault.rewards.balance(of: member, as: principal)
        case .rewardsLedger: _ = try vault.rewards.ledger(of: member, as: principal)
        case .rewardsAdjust: _ = try vault.rewards.adjust(member, by: 10, reason: "goodwill", as: principal)
        case .rewardsBirthdays: _ = try vault.rewards.awardBirthdays(as: principal)
        case .reportProfiling: _ = try vault.profiles.report(as: principal)
        case .dsrOpen: _ = try vault.requests.open(.access, for: member, as: principal)
        case .dsrList: _ = try vault.requests.list(as: principal)
        case .dsrShow: _ = try vault.requests.show(request, as: principal)
        case .dsrExtend: _ = try vault.requests.extend(request, reason: "complex", as: principal)
        case .dsrClose: _ = try vault.requests.close(request, outcome: .fulfilled, as: principal)
        case .dsrExport: try vault.requests.export(member, to: test.folder.appendingPathComponent("export-\(UUID().uuidString)").path, as: principal)
        case .dsrErase: _ = try vault.requests.erase(member, as: principal)
        case .retentionRun: _ = try vault.retention.run(dryRun: true, as: principal)
        case .backupCreate: try vault.backup(to: test.folder.appendingPathComponent("backup-\(UUID().uuidString)").path, as: principal)
        case .promptRedact: _ = try vault.prompts.redact("Hallo Anna", member: member, purpose: "ai_personalization", as: principal)
        case .promptBuild: _ = try vault.prompts.build(template: "{{first_name|Hallo}}", member: member, purpose: "ai_personalization", as: principal)
        case .promptDemask: _ = try vault.prompts.demask("[PERSON_1]", session: session, as: principal)
        case .vaultSeal, .tokenUse, .rowsSealed: Issue.record("\(operation.rawValue) is internal and never in the matrix")
        case .backupRestore: try rethrowAccess { _ = try Vault.restore(from: "/nonexistent", to: test.vaultPath, keyRing: test.ring, as: principal) }
        }
    }

    /// Runs `body`, passing on only access refusals (other failures mean the role check passed).
    private func rethrowAccess(_ body: () throws -> Void) throws {
        do { try body() } catch let error as AccessError { throw error } catch {}
    }

    static let cases: [(String, VaultOperation)] = grants.keys.sorted().flatMap { role in VaultOperation.allCases.filter { !VaultOperation.internalOperations.contains($0) }.map { (role, $0) } }

    @Test("each role may do exactly what roles.json grants; a refusal is audited and changes nothing in any file", arguments: cases)
    func matrix(role: String, operation: VaultOperation) throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de"), FieldInput("phone", "0171 2345678"), FieldInput("birthday", "1990-12-24")],
                                           consents: [ConsentRequest(purpose: "birthday_rewards")], channel: .app, as: admin).member
        _ = try test.vault.tokens.create(name: "spare", role: "dpo", as: admin)
        let principal = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "actor", role: role, as: admin))
        let request = try test.vault.requests.open(.access, for: member, as: admin).id
        let session = try test.vault.prompts.redact("Hallo Anna", member: member, purpose: "ai_personalization", as: admin).session
        let grant = Self.grants[role]!
        // Reads, and prompt operations on a member's values, also need the purpose they name.
        let purpose: String? = switch operation {
        case .memberRead: "email_marketing"
        case .promptRedact, .promptBuild, .promptDemask: "ai_personalization"
        default: nil
        }
        let allowed = grant.operations.contains(operation.rawValue)
            && (purpose.map { grant.purposes.contains("*") || grant.purposes.contains($0) } ?? true)
        if allowed {
            try perform(operation, on: test, member: member, request: request, session: session, as: principal)
        } else {
            let before = try test.worldSnapshot()
            #expect(throws: AccessError.self) { try perform(operation, on: test, member: member, request: request, session: session, as: principal) }
            let after = try test.worldSnapshot()
            let changed = Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }.sorted()
            #expect(changed.isEmpty, "changed by a refused \(operation.rawValue): \(changed)")
            let last = try test.vault.context.auditLog.entries().last!
            #expect(last.principal == "actor" && last.role == role && last.operation == operation.rawValue && last.outcome == .denied)
        }
    }

    @Test("the local administrator may do everything, still audited, still purpose-bound")
    func localAdministrator() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de"), FieldInput("clothing_size", "M")], channel: .app, as: admin).member
        let read = try test.vault.members.read(member, purpose: "personalized_offers", as: admin)
        #expect(read.fields.isEmpty && read.denied == [FieldDenial(field: "clothing_size", reason: .noConsent)])
        #expect(try test.vault.context.auditLog.entries().last?.principal == "local-admin")
    }

    @Test("a revoked or unknown token is refused")
    func tokens() throws {
        let test = try TestVault()
        let token = try test.vault.tokens.create(name: "crm-app", role: "marketing", as: admin)
        #expect(try test.vault.tokens.principal(for: token) == Principal(name: "crm-app", role: "marketing"))
        #expect(throws: AccessError.tokenNameTaken("crm-app")) { _ = try test.vault.tokens.create(name: "crm-app", role: "dpo", as: admin) }
        #expect(throws: AccessError.unknownRole("janitor")) { _ = try test.vault.tokens.create(name: "x", role: "janitor", as: admin) }
        try test.vault.tokens.revoke(name: "crm-app", as: admin)
        #expect(throws: AccessError.invalidToken) { _ = try test.vault.tokens.principal(for: token) }
        #expect(throws: AccessError.invalidToken) { _ = try test.vault.tokens.principal(for: "cvt_made_up") }
        #expect(test.fileContents().values.allSatisfy { $0.range(of: Data(token.utf8)) == nil }, "only a hash is stored")
    }
}
