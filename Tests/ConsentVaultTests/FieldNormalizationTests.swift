@testable import ConsentVault
import Foundation
import Testing

@Suite("Field values: validation and normalization")
struct FieldNormalizationTests {
    @Test("today's UTC date from day arithmetic agrees with Foundation's calendar, leap days and far years included")
    func todayMatchesCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var seconds = -2_208_988_800.0  // 1900-01-01
        while seconds < 7_258_118_400 {  // 2200-01-01
            let date = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            #expect(CalendarDay.today(date) == CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!), "at \(seconds)")
            seconds += 86_399.5 * 7  // a week minus a few seconds: walks every weekday and time of day
        }
    }

    @Test("an internationalized domain and its Punycode form are one lookup value; broken Punycode is refused", arguments: [
        ("jörg@bücher.de", "jörg@xn--bcher-kva.de"), ("a@münchen.de", "A@XN--MNCHEN-3YA.DE"), ("x@例え.jp", "x@xn--r8jz45g.jp"),
    ])
    func punycodeDomains(unicode: String, ascii: String) throws {
        let first = try EmailAddress.normalize(unicode, field: "email"), second = try EmailAddress.normalize(ascii, field: "email")
        #expect(first.lookupKey == second.lookupKey, "\(first.lookupKey) vs \(second.lookupKey)")
        #expect(second.stored == ascii.lowercased() || second.stored.hasSuffix(ascii.split(separator: "@")[1].lowercased()), "stored as written")
        #expect(throws: FieldValueError.self) { try EmailAddress.normalize("a@xn--9999999999a.de", field: "email") }
    }

    @Test("surrounding white space of every kind is trimmed before validation; inner spaces stay")
    func trimming() {
        #expect(" \t\u{00A0}Anna Lena\u{2003}\r\n".trimmingWhitespace == "Anna Lena")
        #expect(" \n ".trimmingWhitespace == "")
        #expect("Köln".trimmingWhitespace == "Köln")
    }

    @Test("every default field type round-trips in normalized form")
    func roundTrip() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll(annaFields, channel: .store, as: admin).member
        let fields = try test.vault.members.decryptFields(of: member)
        #expect(fields == [
            "email": "Anna.Mueller@example.de", "phone": "+49301234567", "first_name": "Anna-Lena",
            "last_name": "Müller-Lüdenscheidt", "birthday": "1990-12-24", "clothing_size": "XL", "shoe_size": "38.5",
            "address": #"{"city":"Berlin","country":"DE","house_number":"12a","postal_code":"10115","street":"Große Straße"}"#,
            "preferred_store": "Filiale Köln Hbf", "member_number": "CV00001234", "purchase_receipts": "Bon 2026-11-02 Filiale Köln Hbf",
        ])
        #expect(try test.vault.members.decryptFields(of: member, names: ["email", "birthday"]).keys.sorted() == ["birthday", "email"])
    }

    @Test("German and international phone forms normalize to one E.164 number", arguments: [
        ("0171 2345678", "+491712345678"), ("+49 171 2345678", "+491712345678"), ("0049 171-2345678", "+491712345678"),
        ("030/1234567", "+49301234567"), ("+49 (0)30 1234567", "+49301234567"), ("(030) 123 45 67", "+49301234567"),
        ("+49 0170 99988877", "+4917099988877"), ("0049 0 170 99988877", "+4917099988877"), ("+39 06 1234 5678", "+390612345678"),
        ("+43 1 5880", "+4315880"), ("+1 415 555 2671", "+14155552671"),
    ])
    func phoneForms(input: String, expected: String) throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("phone", input)], channel: .app, as: admin).member
        #expect(try test.vault.members.decryptFields(of: member)["phone"] == expected)
        #expect(try test.vault.members.find("phone", equals: expected, as: admin) == [member])
    }

    @Test("addresses given as JSON and as one line agree")
    func addressForms() throws {
        let test = try TestVault()
        let line = try test.vault.members.enroll([FieldInput("address", "Am Markt 3, 80331 München")], channel: .web, as: admin).member
        let json = try test.vault.members.enroll([FieldInput("address", #"{"street":"Am Markt","house_number":"3","postal_code":"80331","city":"München","country":"de"}"#)], channel: .web, as: admin).member
        #expect(try test.vault.members.decryptFields(of: line) == test.vault.members.decryptFields(of: json))
    }

    @Test("a bad value of each kind is refused with field and rule, and nothing is written", arguments: [
        ("email", "anna.example.de", "exactly one '@'"), ("email", "anna@localhost", "needs a dot"),
        ("email", "an..na@example.de", "characters an address cannot have"),
        ("phone", "12345", "must start with +, 00 or a national 0"), ("phone", "0171 23x5678", "only digits"),
        ("phone", "+49 1", "7 to 15 digits"),
        ("birthday", "31.02.1990", "not a day of the calendar"), ("birthday", "2990-01-01", "future"),
        ("birthday", "1880-01-01", "more than 120 years"), ("birthday", "12/24/1990", "YYYY-MM-DD or DD.MM.YYYY"),
        ("clothing_size", "XXXXL", "one of the values"), ("shoe_size", "60", "one of the values"),
        ("address", "Hauptstraße, 10115 Berlin", "house number"), ("address", "Hauptstraße 5, 00115 Berlin", "postal code for DE"),
        ("address", "Hauptstraße 5, 1011 Berlin", "postal code for DE"), ("address", "Hauptstraße 5", "expected 'street number"),
        ("first_name", "Anna3", "only letters"), ("first_name", "   ", "must not be empty"),
        ("member_number", "CV123", "member number format"), ("last_name", String(repeating: "a", count: 101), "longer than 100"),
        ("nickname", "Anni", "unknown field 'nickname'"),
    ])
    func badValues(field: String, value: String, expected: String) throws {
        let test = try TestVault()
        _ = try test.vault.members.enroll([FieldInput("email", "existing@example.de")], channel: .store, as: admin).member
        let before = try test.memberTableSnapshot()
        let error = #expect(throws: (any Error).self) {
            _ = try test.vault.members.enroll([FieldInput("preferred_store", "Filiale 7"), FieldInput(field, value)], channel: .store, as: admin).member
        }
        let message = "\(error!)"
        #expect(message.contains(expected), "message was: \(message)")
        #expect(message.contains("'\(field)'"))
        if value.count > 3 { #expect(!message.contains(value), "the message must not repeat the value") }
        #expect(try test.memberTableSnapshot() == before)
    }

    @Test("a duplicate unique value and a repeated field are refused without writing")
    func duplicates() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .store, as: admin).member
        let before = try test.memberTableSnapshot()
        #expect(throws: MemberError.duplicateValue(field: "email")) {
            _ = try test.vault.members.enroll([FieldInput("first_name", "Bernd"), FieldInput("email", "ANNA@example.de")], channel: .store, as: admin).member
        }
        #expect(throws: FieldValueError.duplicateField("email")) {
            _ = try test.vault.members.enroll([FieldInput("email", "x@example.de"), FieldInput("email", "y@example.de")], channel: .store, as: admin).member
        }
        #expect(try test.memberTableSnapshot() == before)
        #expect(throws: MemberError.duplicateValue(field: "email")) {
            let bernd = try test.vault.members.enroll([FieldInput("first_name", "Bernd")], channel: .store, as: admin).member
            try test.vault.members.set("email", to: "anna@example.de", for: bernd, as: admin)
        }
        #expect(try test.vault.members.find("email", equals: "anna@example.de", as: admin) == [anna])
        #expect(try test.vault.members.count() == 2)
    }

    @Test("set replaces a value and its index entry; unset removes both")
    func setAndUnset() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "old@example.de"), FieldInput("first_name", "Anna")], channel: .store, as: admin).member
        try test.vault.members.set("email", to: "new@example.de", for: member, as: admin)
        #expect(try test.vault.members.decryptFields(of: member)["email"] == "new@example.de")
        #expect(try test.vault.members.find("email", equals: "old@example.de", as: admin).isEmpty)
        #expect(try test.vault.members.find("email", equals: "new@example.de", as: admin) == [member])
        #expect(try test.vault.members.unset("email", for: member, as: admin))
        #expect(try test.vault.members.unset("email", for: member, as: admin) == false)
        #expect(try test.vault.members.find("email", equals: "new@example.de", as: admin).isEmpty)
        #expect(try test.vault.members.decryptFields(of: member) == ["first_name": "Anna"])
    }

    @Test("low-cardinality fields cannot be searched")
    func noIndexOnBirthday() throws {
        let test = try TestVault()
        #expect(throws: FieldValueError.notIndexed("birthday")) { _ = try test.vault.members.find("birthday", equals: "1990-12-24", as: admin) }
    }

    @Test("member ids are random UUIDs and list pages through them in order")
    func listing() throws {
        let test = try TestVault()
        let members = try (0..<7).map { _ in try test.vault.members.enroll([FieldInput("first_name", "Anna")], channel: .store, as: admin).member }
        #expect(Set(members).count == 7)
        let first = try test.vault.members.list(limit: 4, as: admin)
        let second = try test.vault.members.list(limit: 4, after: first.last, as: admin)
        #expect(first.count == 4 && second.count == 3)
        #expect(first + second == members.sorted())
        #expect(throws: MemberError.self) { _ = try MemberID("42") }
        let stranger = MemberID.random()
        #expect(throws: MemberError.memberNotFound(stranger.rawValue)) { _ = try test.vault.members.decryptFields(of: stranger) }
    }
}
