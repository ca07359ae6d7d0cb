@testable import ConsentVault
import Foundation
import Testing

@Suite("Field catalog (Policies/fields.json)")
struct FieldCatalogTests {
    @Test("the default catalog has every required field, and only safe fields are indexed")
    func defaults() throws {
        let catalog = try FieldCatalog.load(fromDirectory: TestVault.policyDirectory)
        let required = ["email", "phone", "first_name", "last_name", "birthday", "clothing_size", "shoe_size", "address", "preferred_store", "member_number"]
        #expect(Set(required).isSubset(of: Set(catalog.fields.map(\.name))))
        #expect(catalog.fields.filter(\.indexed).map(\.name).sorted() == ["email", "member_number", "phone"])
        #expect(catalog.definition(of: "birthday")?.category == "user.demographic.date_of_birth")
        #expect(catalog.definition(of: "email")?.category == "user.contact.email")
    }

    private func problems(_ json: String) -> [String] {
        do {
            _ = try FieldCatalog.decode(Data(json.utf8), file: "fields.json")
            return []
        } catch let error as PolicyError {
            guard case .invalid(let problems) = error else { return ["unreadable"] }
            return problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    private func catalog(_ field: String) -> String {
        #"{"version": 1, "default_country": "DE", "fields": [{"name": "email", "type": "email", "party": "first", "category": "user.contact.email", "indexed": true, "max_length": 254, "description": "x"}, \#(field)]}"#
    }

    @Test("each kind of catalog error gives file, JSON path and reason", arguments: [
        (#"{"name": "email", "type": "email", "party": "first", "category": "user.contact.email", "indexed": false, "max_length": 9, "description": "x"}"#,
         "fields.json: $.fields[1].name: duplicate field name 'email'"),
        (#"{"name": "b", "type": "date_of_birth", "party": "zero", "category": "user.demographic.date_of_birth", "indexed": true, "max_length": 10, "description": "x"}"#,
         "fields.json: $.fields[1].indexed: a date_of_birth field must not be indexed"),
        (#"{"name": "s", "type": "enum", "party": "zero", "category": "user.demographic.profile", "indexed": false, "max_length": 4, "description": "x"}"#,
         "fields.json: $.fields[1].values: an enum field needs a non-empty 'values' list"),
        (#"{"name": "n", "type": "member_number", "party": "first", "category": "user.unique_id", "indexed": true, "max_length": 4, "pattern": "[", "description": "x"}"#,
         "fields.json: $.fields[1].pattern: not a valid regular expression"),
        (#"{"name": "Bad Name", "type": "text", "party": "zero", "category": "user.x", "indexed": false, "max_length": 4, "description": "x"}"#,
         "fields.json: $.fields[1].name: 'Bad Name' must be lowercase"),
        (#"{"name": "t", "type": "text", "party": "zero", "category": "system.x", "indexed": false, "max_length": 4, "description": "x"}"#,
         "fields.json: $.fields[1].category: 'system.x' is not a fideslang"),
        (#"{"name": "t", "type": "colour", "party": "zero", "category": "user.x", "indexed": false, "max_length": 4, "description": "x"}"#,
         "fields.json: $.fields[1].type:"),
        (#"{"name": "t", "type": "text", "party": "zero", "category": "user.x", "indexed": false, "description": "x"}"#,
         "fields.json: $.fields[1]: missing required key 'max_length'"),
        (#"{"name": "t", "type": "text", "party": "zero", "category": "user.x", "indexed": "yes", "max_length": 4, "description": "x"}"#,
         "fields.json: $.fields[1].indexed: expected true or false"),
    ])
    func errors(field: String, expected: String) {
        let found = problems(catalog(field))
        #expect(found.contains { $0.hasPrefix(expected) }, "got: \(found)")
    }

    @Test("invalid JSON and an unsupported default country are reported")
    func documentErrors() {
        #expect(problems("{ nope") == ["fields.json: $: not valid JSON"])
        let moon = catalog(#"{"name": "t", "type": "text", "party": "zero", "category": "user.x", "indexed": false, "max_length": 4, "description": "x"}"#)
            .replacingOccurrences(of: #""DE""#, with: #""XX""#)
        #expect(problems(moon).contains { $0.hasPrefix("fields.json: $.default_country: unsupported country 'XX'") })
    }
}
