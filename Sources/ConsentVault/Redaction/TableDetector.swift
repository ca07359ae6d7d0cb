/// Values in pasted tables: a header line whose cells name personal columns (`vorname;nachname;email`,
/// `| Name | Kundennr. | Geburtstag |`, `member_id,first_name,last_name`) types the cells below it,
/// row by row, as long as the rows have the header's number of cells. A cell is what its column
/// says, whatever its shape (`7409 9996` under `kdnr`, `13.04.` under `Geburtstag`).
enum TableDetector {
    /// Column names (letters only, lowercase) and the type of their cells.
    private static let columns: [String: EntityType] = {
        var columns: [String: EntityType] = [:]
        for name in ["name", "vorname", "nachname", "firstname", "lastname", "surname", "forename", "fullname", "givenname", "familienname",
                     "kunde", "kundin", "customer", "customername", "kundenname", "membername", "empfänger", "recipient", "first", "last", "given",
                     "family"] {
            columns[name] = .person
        }
        for name in ["kdnr", "kundennr", "kundennummer", "memberid", "memberno", "membernumber", "mitgliedsnummer", "mitgliedsnr", "mitgliedsnummer",
                     "kartennummer", "kartennr", "cardno", "cardnumber", "loyaltyid", "loyaltyno", "loyaltynumber", "customerid", "customerno",
                     "customernumber", "accountno", "accountnumber", "kundenkonto", "kundenkarte", "mbr", "memberref", "karte", "card", "clubkarte",
                     "clubcard", "loyaltycard", "mitgliedskarte", "membercard"] {
            columns[name] = .memberNumber
        }
        for name in ["email", "mail", "emailadresse", "emailaddress"] { columns[name] = .email }
        for name in ["phone", "tel", "telefon", "telephone", "mobile", "mobil", "handy", "mobilnummer", "phonenumber", "telefonnummer"] {
            columns[name] = .phone
        }
        for name in ["geburtstag", "geb", "gebdatum", "geburtsdatum", "dob", "birthday", "dateofbirth", "birthdate", "geburtstagdatum"] {
            columns[name] = .dateOfBirth
        }
        for name in ["address", "adresse", "anschrift", "street", "strasse", "straße", "lieferadresse", "postaladdress"] { columns[name] = .address }
        for name in ["kennzeichen", "kfzkennzeichen", "kfz", "nummernschild", "plate", "licenseplate", "licenceplate", "numberplate", "reg",
                     "registration", "regno", "vehiclereg", "carreg"] {
            columns[name] = .licensePlate
        }
        for name in ["ssn", "ninumber", "nino", "nhsnumber", "nhsno", "steuerid", "steueridnr", "passport", "passportno", "passportnumber",
                     "ausweisnummer", "ausweisnr", "personalausweis", "reisepass", "passnummer", "versichertennummer", "kvnr"] {
            columns[name] = .nationalID
        }
        return columns
    }()
    /// Cells that say there is no value.
    private static let emptyCells: Set<String> = ["n/a", "na", "n.a.", "none", "keine", "kein", "k.a.", "k. a.", "tbd", "unknown", "unbekannt", "null", "nil"]
    /// Separators of cells, in the order they are tried.
    private static let separators: [Unicode.Scalar] = ["|", ";", "\t", ","]
    /// Rows read under one header at most: the scan stays linear in the text.
    private static let maximumRows = 10_000

    /// Cells of typed columns in every table of `text`.
    static func cells(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var lineStart = 0
        while lineStart < text.count {
            let lineEnd = endOfLine(text, from: lineStart)
            guard let (separator, header) = headerCells(text, lineStart, lineEnd) else { lineStart = lineEnd + 1; continue }
            let types = header.map { columnType(text.string($0.start, $0.end)) }
            var rowStart = lineEnd + 1
            var rows = 0
            while rowStart < text.count, rows < maximumRows {
                let rowEnd = endOfLine(text, from: rowStart)
                let cells = split(text, rowStart, rowEnd, by: separator)
                guard cells.count == header.count, rowEnd > rowStart else { break }
                rows += 1
                // A markdown rule (`|---|---|`) has no values.
                if !cells.allSatisfy({ (cell: (start: Int, end: Int)) in (cell.start..<cell.end).allSatisfy { text.is($0, "-") || text.is($0, ":") } }) {
                    // A cell without letters or digits is empty (`–`, `-`, `/`), and so is a placeholder (`n/a`, `k.A.`); a plate or id has a digit.
                    for (cell, type) in zip(cells, types) where (cell.start..<cell.end).contains(where: { text.isAlphanumeric($0) }) {
                        guard let type, !emptyCells.contains(text.string(cell.start, cell.end).lowercased()),
                              ![.licensePlate, .nationalID].contains(type) || (cell.start..<cell.end).contains(where: { text.isDigit($0) }) else { continue }
                        found.append(Detection(type: type, start: cell.start, end: cell.end, priority: DetectionPriority.structured))
                    }
                }
                rowStart = rowEnd + 1
            }
            lineStart = rowStart > lineEnd + 1 ? rowStart : lineEnd + 1
        }
        return found
    }

    /// The type of a column named `header`, or nil.
    private static func columnType(_ header: String) -> EntityType? {
        columns[String(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic })]
    }

    /// Longest header line looked at: a line of prose is not split into cells on every redaction.
    private static let longestHeader = 400

    /// The separator and cells of a header line: two typed columns or more, and no cell longer than a column name.
    private static func headerCells(_ text: ScalarText, _ start: Int, _ end: Int) -> (Unicode.Scalar, [(start: Int, end: Int)])? {
        guard end - start <= longestHeader else { return nil }
        for separator in separators where (start..<end).contains(where: { text.is($0, separator) }) {
            let cells = split(text, start, end, by: separator)
            guard cells.count >= 2, cells.allSatisfy({ $0.end - $0.start <= 32 }),
                  cells.filter({ columnType(text.string($0.start, $0.end)) != nil }).count >= 2 else { continue }
            return (separator, cells)
        }
        return nil
    }

    /// The cells of `start..<end` split at `separator`, each without spaces at its ends; a markdown
    /// row's outer pipes open and close it rather than separate empty cells.
    private static func split(_ text: ScalarText, _ start: Int, _ end: Int, by separator: Unicode.Scalar) -> [(start: Int, end: Int)] {
        var first = start, last = end
        while first < last, text.isSpace(first) { first += 1 }
        while last > first, text.isSpace(last - 1) { last -= 1 }
        if separator == "|", first < last, text.is(first, "|") { first += 1 }
        if separator == "|", last > first, text.is(last - 1, "|") { last -= 1 }
        var cells: [(start: Int, end: Int)] = []
        var cellStart = first
        for position in first...last where position == last || text.is(position, separator) {
            var cellEnd = position, trimmed = cellStart
            while trimmed < cellEnd, text.isSpace(trimmed) { trimmed += 1 }
            while cellEnd > trimmed, text.isSpace(cellEnd - 1) { cellEnd -= 1 }
            cells.append((trimmed, cellEnd))
            cellStart = position + 1
        }
        return cells
    }

    private static func endOfLine(_ text: ScalarText, from start: Int) -> Int {
        var end = start
        while end < text.count, !(text.isWhitespace(end) && !text.isSpace(end)) { end += 1 }
        return end
    }
}
