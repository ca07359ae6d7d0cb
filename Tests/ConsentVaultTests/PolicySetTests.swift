@testable import ConsentVault
import Foundation
import Testing

@Suite("Policy set: purposes and roles validation")
struct PolicySetTests {
    private func documents() throws -> [String: Data] {
        Dictionary(uniqueKeysWithValues: try (PolicySet.fileNames + PolicySet.optionalFileNames).map {
            ($0, try Data(contentsOf: TestVault.policyDirectory.appendingPathComponent($0)))
        })
    }

    @Test("the built-in policy set is Policies/ byte for byte, and it validates")
    func builtInMatchesThePolicyFolder() throws {
        let files = try documents()
        #expect(Set(PolicySet.builtInDocuments.keys) == Set(files.keys))
        for (name, data) in files {
            #expect(PolicySet.builtInDocuments[name].map { Data($0.utf8) } == data,
                    "\(name) differs from its copy in Sources/ConsentVault/Policy/BuiltInPolicies.swift: copy the file in there")
        }
        #expect(try PolicySet.builtIn.hash == PolicySet.decode(files).hash)
    }

    /// Problems after `edit` changed the JSON object of `file`.
    private func problems(in file: String, _ edit: (inout [String: Any]) -> Void) throws -> [String] {
        var documents = try documents()
        var object = try JSONSerialization.jsonObject(with: documents[file]!) as! [String: Any]
        edit(&object)
        documents[file] = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try PolicySet.decode(documents)
            return []
        } catch let error as PolicyError {
            guard case .invalid(let problems) = error else { return ["unreadable"] }
            return problems.map(\.description)
        }
    }

    private func editPurpose(_ index: Int, _ change: @escaping (inout [String: Any]) -> Void) -> (inout [String: Any]) -> Void {
        { document in
            var purposes = document["purposes"] as! [[String: Any]]
            change(&purposes[index])
            document["purposes"] = purposes
        }
    }

    @Test("controller.json is checked: a missing name, an unreachable party, a bad email and control characters name file and path")
    func controllerProblems() throws {
        let found = try problems(in: ControllerContact.fileName) { document in
            var controller = document["controller"] as! [String: Any]
            controller["email"] = "kundenservice at example.com"
            controller["name"] = " "
            document["controller"] = controller
            document["data_protection_officer"] = ["name": "DSB"]
            document["supervisory_authority"] = ["name": "Amt\nZeile", "website": "https://amt.example", "address": "Amt\u{2028}straße 1"]
        }
        #expect(found.contains("controller.json: $.controller.email: is not an email address"), "\(found)")
        #expect(found.contains("controller.json: $.controller.name: must not be empty"), "\(found)")
        #expect(found.contains("controller.json: $.data_protection_officer: needs at least one of address, email, phone or website"), "\(found)")
        #expect(found.contains("controller.json: $.supervisory_authority.name: must be one line of plain text (no control, line-separator or invisible formatting characters)"), "\(found)")
        #expect(found.contains { $0.hasPrefix("controller.json: $.supervisory_authority.address: must be one line") }, "\(found)")
        let missing = try problems(in: ControllerContact.fileName) { $0["controller"] = nil }
        #expect(missing.contains { $0.hasPrefix("controller.json: $") && $0.contains("controller") }, "\(missing)")
    }

    @Test("wording.json is checked: every code needs a label, unknown codes, roles and rules are refused, the time zone must exist, text is one line")
    func wordingProblems() throws {
        let found = try problems(in: WordingPolicy.fileName) { document in
            document["time_zone"] = "Mars/Olympus"
            var states = document["consent_states"] as! [String: Any]
            states["active"] = nil
            states["maybe"] = ["de": "vielleicht", "en": "maybe"]
            document["consent_states"] = states
            var recipients = document["recipients"] as! [String: Any]
            recipients["intern"] = ["de": "Praktikum", "en": "interns"]
            document["recipients"] = recipients
            document["colours"] = ["de": "rot"]
            var sources = document["sources"] as! [String: Any]
            sources["letter"] = ["de": "Brief", "en": "letter", "fr": "lettre"]
            document["sources"] = sources
            var rules = document["point_rules"] as! [String: Any]
            rules["share_birthday"] = ["de": "Geburtstag\ngeteilt", "en": "shared"]
            document["point_rules"] = rules
        }
        #expect(found.contains("wording.json: $.time_zone: must be an IANA time zone such as Europe/Berlin (found 'Mars/Olympus')"), "\(found)")
        #expect(found.contains("wording.json: $.consent_states: needs a label for 'active'"), "\(found)")
        #expect(found.contains { $0.hasPrefix("wording.json: $.consent_states.maybe: is not a known code") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("wording.json: $.recipients.intern: is not a known code") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("wording.json: $.point_rules.share_birthday.de: must be one line") }, "\(found)")
        #expect(found.contains("wording.json: $.colours: is not a section of wording.json"), "\(found)")
        #expect(found.contains("wording.json: $.sources.letter.fr: a label has only 'de' and 'en'"), "\(found)")
    }

    @Test("a policy file with a key given twice, a trailing comma or a byte order mark is refused, not read as the decoder would")
    func strictJSON() throws {
        var documents = try documents()
        let wording = String(decoding: documents[WordingPolicy.fileName]!, as: UTF8.self)
        for (variant, expected) in [(wording.replacingOccurrences(of: #""letter": { "de": "Brief""#, with: #""letter": { "de": "A", "de": "Brief""#), "given twice"),
                                    (wording.replacingOccurrences(of: #""en": "letter" }"#, with: #""en": "letter", }"#), "not strict JSON"),
                                    ("\u{FEFF}" + wording, "not strict JSON")] {
            #expect(variant != wording)
            documents[WordingPolicy.fileName] = Data(variant.utf8)
            do {
                _ = try PolicySet.decode(documents)
                Issue.record("accepted: \(expected)")
            } catch let error as PolicyError {
                #expect(error.description.hasPrefix("wording.json: $: ") && error.description.contains(expected), "\(error)")
            }
        }
    }

    @Test("a misspelt key in a purpose, its notice or retention, or in a field is refused, not ignored")
    func unknownKeys() throws {
        let found = try problems(in: "purposes.json") { document in
            var purposes = document["purposes"] as! [[String: Any]]
            var notice = purposes[1]["notice"] as! [String: Any]
            notice["materal_version"] = 2
            purposes[1]["notice"] = notice
            purposes[1]["direct_marketting"] = true
            document["purposes"] = purposes
        }
        #expect(found.contains { $0.hasPrefix("purposes.json: $.purposes[1].notice.materal_version: is not a known key") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("purposes.json: $.purposes[1].direct_marketting: is not a known key") }, "\(found)")
        let field = try problems(in: "fields.json") { document in
            var fields = document["fields"] as! [[String: Any]]
            fields[0]["idexed"] = true
            document["fields"] = fields
        }
        #expect(field.contains { $0.hasPrefix("fields.json: $.fields[0].idexed: is not a known key") }, "\(field)")
    }

    @Test("a field label needs German and English, one short line each")
    func labelProblems() throws {
        let found = try problems(in: "fields.json") { document in
            var fields = document["fields"] as! [[String: Any]]
            fields[0]["label"] = ["de": "E-Mail\nAdresse"]
            document["fields"] = fields
        }
        #expect(found.contains("fields.json: $.fields[0].label.en: a label needs a German and an English text"), "\(found)")
        #expect(found.contains("fields.json: $.fields[0].label.de: must be one line of at most 80 characters"), "\(found)")
    }

    @Test("the default policy set is valid and has the required purposes and roles")
    func defaults() throws {
        let policies = try PolicySet.load(fromDirectory: TestVault.policyDirectory)
        let purposes = Set(policies.purposes.purposes.map(\.id))
        #expect(purposes.isSuperset(of: ["loyalty_account", "email_marketing", "birthday_rewards", "personalized_offers", "ai_personalization", "analytics"]))
        #expect(policies.purposes.purpose("email_marketing")?.doubleOptIn == true)
        #expect(policies.purposes.purpose("loyalty_account")?.lawfulBasis == .contract)
        #expect(policies.purposes.purpose("analytics")?.lawfulBasis == .legitimateInterest)
        #expect(Set(policies.roles.roles.map(\.id)) == ["enrollment", "dpo", "marketing", "admin"])
        #expect(policies.hash.count == 64)
    }

    @Test("each kind of purpose error names file, JSON path and what is wrong", arguments: [
        ("unknown field", "purposes.json: $.purposes[1].fields[0]: unknown field 'fax'"),
        ("duplicate id", "purposes.json: $.purposes[1].id: duplicate purpose id 'loyalty_account'"),
        ("missing notice text", "purposes.json: $.purposes[1].notice.text.en: missing notice text"),
        ("missing notice version", "purposes.json: $.purposes[1].notice: missing required key 'version'"),
        ("consent without notice", "purposes.json: $.purposes[1].notice: a consent purpose needs a notice"),
        ("unknown lawful basis", "purposes.json: $.purposes[1].lawful_basis: unknown lawful basis 'vibes'"),
        ("double opt-in on contract", "purposes.json: $.purposes[0].double_opt_in: only consent purposes"),
        ("bad retention", "purposes.json: $.purposes[1].retention.after: must be one of"),
        ("bad withdrawal handling", "purposes.json: $.purposes[1].on_withdrawal: must be 'delete' or 'restrict'"),
    ])
    func purposeErrors(kind: String, expected: String) throws {
        let edit: (inout [String: Any]) -> Void
        switch kind {
        case "unknown field": edit = editPurpose(1) { $0["fields"] = ["fax"] }
        case "duplicate id": edit = editPurpose(1) { $0["id"] = "loyalty_account" }
        case "missing notice text": edit = editPurpose(1) { $0["notice"] = ["version": 1, "text": ["de": "Text"]] }
        case "missing notice version": edit = editPurpose(1) { $0["notice"] = ["text": ["de": "Text", "en": "Text"]] }
        case "consent without notice": edit = editPurpose(1) { $0["notice"] = nil }
        case "unknown lawful basis": edit = editPurpose(1) { $0["lawful_basis"] = "vibes" }
        case "double opt-in on contract": edit = editPurpose(0) { $0["double_opt_in"] = true }
        case "bad retention": edit = editPurpose(1) { $0["retention"] = ["days": 30, "after": "whenever"] }
        default: edit = editPurpose(1) { $0["on_withdrawal"] = "shred" }
        }
        let found = try problems(in: "purposes.json", edit)
        #expect(found.contains { $0.hasPrefix(expected) }, "got: \(found)")
    }

    @Test("each kind of role error names file, JSON path and what is wrong")
    func roleErrors() throws {
        func editRole(_ change: @escaping (inout [String: Any]) -> Void) -> (inout [String: Any]) -> Void {
            { document in
                var roles = document["roles"] as! [[String: Any]]
                change(&roles[2])
                document["roles"] = roles
            }
        }
        #expect(try problems(in: "roles.json", editRole { $0["operations"] = ["member.read", "member.launch"] })
                == ["roles.json: $.roles[2].operations[1]: unknown operation 'member.launch'"])
        #expect(try problems(in: "roles.json", editRole { $0["read_purposes"] = ["gossip"] })
                == ["roles.json: $.roles[2].read_purposes[0]: unknown purpose 'gossip'"])
        #expect(try problems(in: "roles.json", editRole { $0["id"] = "dpo" })
                == ["roles.json: $.roles[2].id: duplicate role id 'dpo'", "roles.json: $.roles: missing required role 'marketing'",
                    "wording.json: $.recipients.marketing: is not a known code; one of admin, dpo, enrollment, other"])
    }

    @Test("each kind of rewards error names file, JSON path and what is wrong")
    func rewardErrors() throws {
        func editRule(_ change: @escaping (inout [String: Any]) -> Void) -> (inout [String: Any]) -> Void {
            { document in
                var rules = document["rules"] as! [[String: Any]]
                change(&rules[0])
                document["rules"] = rules
            }
        }
        let cases: [((inout [String: Any]) -> Void, String)] = [
            (editRule { $0["points"] = 0 }, "rewards.json: $.rules[0].points: must be a positive whole number"),
            (editRule { $0["points"] = 1.5 }, "rewards.json: $: a value has the wrong type (points, versions, ages and days must be whole numbers)"),
            (editRule { $0["trigger"] = ["type": "moon_phase"] }, "rewards.json: $.rules[0].trigger.type: unknown trigger 'moon_phase'"),
            (editRule { $0["trigger"] = ["type": "field_first_shared", "field": "fax"] }, "rewards.json: $.rules[0].trigger.field: unknown field 'fax'"),
            (editRule { $0["requires_consent"] = "loyalty_account" }, "rewards.json: $.rules[0].requires_consent: purpose 'loyalty_account' is not consent-based"),
            (editRule { $0["scope"] = "forever" }, "rewards.json: $.rules[0].scope: must be 'lifetime' or 'calendar_year'"),
            (editRule { $0["id"] = "adjustment" }, "rewards.json: $.rules[0].id: 'adjustment' is reserved"),
            ({ $0["report_minimum_group_size"] = 1 }, "rewards.json: $.report_minimum_group_size: must be 2 or more"),
            ({ $0["asks"] = [["field": "email", "purpose": "birthday_rewards", "channels": ["pigeon"]]] },
             "rewards.json: $.asks[0].purpose: purpose 'birthday_rewards' does not use field 'email'"),
            ({ $0["asks"] = [["field": "birthday", "purpose": "birthday_rewards", "channels": ["pigeon"]]] },
             "rewards.json: $.asks[0].channels[0]: unknown channel 'pigeon'"),
        ]
        for (edit, expected) in cases {
            let found = try problems(in: "rewards.json", edit)
            #expect(found.contains { $0.hasPrefix(expected) }, "expected \(expected), got: \(found)")
        }
    }

    @Test("problems in several files are all reported at once")
    func severalFiles() throws {
        var documents = try documents()
        documents["fields.json"] = Data("{".utf8)
        documents["roles.json"] = nil
        let error = #expect(throws: PolicyError.self) { _ = try PolicySet.decode(documents) }
        guard case .invalid(let problems)? = error else { return }
        #expect(problems.map(\.description).contains("fields.json: $: not valid JSON"))
        #expect(problems.map(\.description).contains("roles.json: $: missing from the policy set"))
    }
}
