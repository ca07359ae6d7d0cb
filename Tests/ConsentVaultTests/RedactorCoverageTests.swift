@testable import ConsentVault
import Foundation
import Testing

/// The redactor on the kinds of text issue 14 found it failing on: names without cue words, US and
/// UK formats, member numbers and ids by cue, dates written every way, Unicode spellings, and the
/// defect classes a peer's recognizer tests exposed. Each case names one class, not one string.
@Suite("Redactor coverage: names, US/UK formats, ids, dates, Unicode, peer defect classes")
struct RedactorCoverageTests {
    /// `TYPE:text` for every detection, the text cut from the original code points.
    private func found(_ text: String) -> [String] {
        let pattern = try? NSRegularExpression(pattern: "CV[0-9]{8}", options: [.caseInsensitive])
        let scalars = Array(text.unicodeScalars)
        return Redactor(knownValues: [:], memberNumberPattern: pattern).detect(text).map { detection in
            "\(detection.type.rawValue):\(String(String.UnicodeScalarView(scalars[detection.start..<detection.end])))"
        }
    }

    @Test("found, German and English", arguments: [
        ("Schreib Jonas Becker zum Geburtstag", ["PERSON:Jonas Becker"]),
        ("Call Sarah Miller at (617) 555-0142", ["PERSON:Sarah Miller", "PHONE:(617) 555-0142"]),
        ("My name is Sarah Miller and I need help", ["PERSON:Sarah Miller"]),
        ("Name: Jonas Becker", ["PERSON:Jonas Becker"]),
        ("Ich bin Jonas Becker und habe eine Frage", ["PERSON:Jonas Becker"]),
        ("Meine Tochter Lena hat Geburtstag", ["PERSON:Lena"]),
        ("Kundin Zeynep Yıldız beschwert sich", ["PERSON:Zeynep Yıldız"]),
        ("Bitte an Frau von der Heide schicken", ["PERSON:von der Heide"]),
        ("Marlenes Bestellung ist da", ["PERSON:Marlene"]),
        ("Sarah's parcel arrived", ["PERSON:Sarah"]),
        ("Viele Grüße\nTarek Saleh", ["PERSON:Tarek Saleh"]),
        ("Thanks, Emily", ["PERSON:Emily"]),
        ("kannst du jonas sagen dass das paket da ist", ["PERSON:jonas"]),
        ("Dear Mrs O'Brien, thank you", ["PERSON:O'Brien"]),
        ("Kundennummer 4711-0815", ["MEMBER_NUMBER:4711-0815"]),
        ("Kd-Nr. 123456", ["MEMBER_NUMBER:123456"]),
        ("Meine Kundennummer ist KD 54 2161.", ["MEMBER_NUMBER:KD 54 2161"]),
        ("loyalty card CV 0001 2345 please", ["MEMBER_NUMBER:CV 0001 2345"]),
        ("customer ID 99-1234 asked", ["MEMBER_NUMBER:99-1234"]),
        ("born March 3rd, 1990", ["DATE_OF_BIRTH:March 3rd, 1990"]),
        ("born on 03/03/1990", ["DATE_OF_BIRTH:03/03/1990"]),
        ("geb. 03. Mrz. 90, Stammkundin", ["DATE_OF_BIRTH:03. Mrz. 90"]),
        ("Sie ist am 3. März 1990 geboren", ["DATE_OF_BIRTH:3. März 1990"]),
        ("DOB: 3 March 1990", ["DATE_OF_BIRTH:3 March 1990"]),
        ("birthday is Mar 3, 1990", ["DATE_OF_BIRTH:Mar 3, 1990"]),
        ("my birthday is February 9th", ["DATE_OF_BIRTH:February 9th"]),
        ("1600 Pennsylvania Ave NW, Washington, DC 20500", ["ADDRESS:1600 Pennsylvania Ave NW, Washington, DC 20500"]),
        ("Ship to 42 Elm St Apt 3B, Springfield, IL 62704-1234 today", ["ADDRESS:42 Elm St Apt 3B, Springfield, IL 62704-1234"]),
        ("221B Baker Street, London NW1 6XE", ["ADDRESS:221B Baker Street, London NW1 6XE"]),
        ("London NW1 6XE", ["ADDRESS:NW1 6XE"]),
        ("SSN 123-45-6789 on file", ["NATIONAL_ID:123-45-6789"]),
        ("NI number AB 12 34 56 C", ["NATIONAL_ID:AB 12 34 56 C"]),
        ("NHS number 943 476 5919", ["NATIONAL_ID:943 476 5919"]),
        ("Personalausweis L01X00T47 vorgelegt", ["NATIONAL_ID:L01X00T47"]),
        ("Steuernummer 21/815/08150", ["NATIONAL_ID:21/815/08150"]),
        ("passport no. C01X00T47", ["NATIONAL_ID:C01X00T47"]),
        ("Kennzeichen M-AB 1234", ["LICENSE_PLATE:M-AB 1234"]),
        ("Falschparker WÜ-TH 576H vor der Filiale", ["LICENSE_PLATE:WÜ-TH 576H"]),
        ("follow @lena_k for more", ["SOCIAL_HANDLE:@lena_k"]),
        ("Profil: https://www.instagram.com/lena.k/", ["SOCIAL_HANDLE:https://www.instagram.com/lena.k/"]),
        ("video: https://www.tiktok.com/@lena.k, new", ["SOCIAL_HANDLE:https://www.tiktok.com/@lena.k"]),
        ("see linkedin.com/in/sarah-miller-42", ["SOCIAL_HANDLE:linkedin.com/in/sarah-miller-42"]),
        ("link www.shop.example/konto?kunde=Lotte+Braun", ["URL:www.shop.example/konto?kunde=Lotte+Braun"]),
        ("tel. 5123938404, morgens", ["PHONE:5123938404"]),
        ("call +1-503-555-0192 now", ["PHONE:+1-503-555-0192"]),
        ("Mail an m.nowak (at) t-online (punkt) de bitte", ["EMAIL:m.nowak (at) t-online (punkt) de"]),
        ("reach emily dot watson at gmail dot com", ["EMAIL:emily dot watson at gmail dot com"]),
        ("IBAN de89 3704 0044 0532 0130 00", ["IBAN:de89 3704 0044 0532 0130 00"]),
        ("Rückruf 089 - 123 456 78", ["PHONE:089 - 123 456 78"]),
        ("Handy 0171–2345678", ["PHONE:0171–2345678"]),
        ("Frau Dr. med. Ayşe Demir kommt", ["PERSON:Ayşe Demir"]),
        ("Gruß Ayşe", ["PERSON:Ayşe"]),
        ("Lukas Schmidt fragt nach dem Paket.", ["PERSON:Lukas Schmidt"]),
        ("Petra Klein möchte umtauschen", ["PERSON:Petra Klein"]),
        ("Geburtstag 12.03.", ["DATE_OF_BIRTH:12.03."]),
        ("* 15.06.1978 in Köln", ["DATE_OF_BIRTH:15.06.1978"]),
        ("im März 1964 geboren", ["DATE_OF_BIRTH:März 1964"]),
        ("Kennz.: W-12345A", ["LICENSE_PLATE:W-12345A"]),
        ("VIP-Liste: Frank Sommer, Till Winter", ["PERSON:Frank Sommer", "PERSON:Till Winter"]),
        ("Karl-Heinz Fischer kommt morgen", ["PERSON:Karl-Heinz Fischer"]),
        ("L. Iyer beschwert sich", ["PERSON:L. Iyer"]),
        ("quick q from youssef: can u deliver to 34 Marsh Lane", ["PERSON:youssef", "ADDRESS:34 Marsh Lane"]),
        ("Hiya, Sören here!", ["PERSON:Sören"]),
        ("kurze frage von paweł: geht das", ["PERSON:paweł"]),
        ("Stammkunde Kaiser aus Kurfürstendamm 70", ["PERSON:Kaiser", "ADDRESS:Kurfürstendamm 70"]),
        ("Lieferung: Rosenhang 102, 80331 München", ["ADDRESS:Rosenhang 102, 80331 München"]),
        ("Personalausweisnr. L4HV5M3N2 liegt vor", ["NATIONAL_ID:L4HV5M3N2"]),
        ("login from 2a02:810d:375a:1350::38. Link", ["IP:2a02:810d:375a:1350::38"]),
        ("das auto mit K ÖZ 4711 stand da", ["LICENSE_PLATE:K ÖZ 4711"]),
        ("text me at 2125550142", ["PHONE:2125550142"]),
        ("meine adresse ist schillerstr 14 04109 leipzig", ["ADDRESS:schillerstr 14 04109 leipzig"]),
        // Possessives before a noun, names the lists hold without umlaut dots, particles, a given name ending a clause.
        ("Zusammenfassung: Petras Paket kommt.", ["PERSON:Petra"]),
        ("Umtausch: Ömers Bestellung", ["PERSON:Ömer"]),
        ("Begleitung Dieter ter Horst.", ["PERSON:Dieter ter Horst"]),
        ("Note from Josh: hi", ["PERSON:Josh"]),
        // A city that is also a given name: a name unless a place word stands before it.
        ("Please write to Tyler O'Brien today", ["PERSON:Tyler O'Brien"]),
        ("A parcel from Austin arrived", []),
        // A street without a telling suffix after an address cue; floors, letters after a space and cities of several words.
        ("Adresse Wiesengrund 59.", ["ADDRESS:Wiesengrund 59"]),
        ("Lieferadresse: Ringstraße 81 c\n26122 Oldenburg.", ["ADDRESS:Ringstraße 81 c\n26122 Oldenburg"]),
        ("an Im Winkel 15, 4. OG, 80331 München.", ["ADDRESS:Im Winkel 15, 4. OG, 80331 München"]),
        ("Moltkestraße 64, D-60311 Frankfurt am Main, geb.", ["ADDRESS:Moltkestraße 64, D-60311 Frankfurt am Main"]),
        ("to 238 Park Ave, Brooklyn, NY 11215-2257 now", ["ADDRESS:238 Park Ave, Brooklyn, NY 11215-2257"]),
        ("posted to Flat 1A, 190 Albert Terrace, Newcastle upon Tyne NE1 4LP, order", ["ADDRESS:Flat 1A, 190 Albert Terrace, Newcastle upon Tyne NE1 4LP"]),
        ("to 125 Rosewood Close\nGlasgow\nG12 8QQ. Thanks", ["ADDRESS:125 Rosewood Close\nGlasgow\nG12 8QQ"]),
        ("to 185 Queen's Drive, Bristol BS8 1TH.", ["ADDRESS:185 Queen's Drive, Bristol BS8 1TH"]),
        ("shipped to PO Box 1187, Kodiak, AK 99615 because", ["ADDRESS:PO Box 1187, Kodiak, AK 99615"]),
        ("bei Gartenstraße 51, 1. OG links, 72764 Reutlingen niemand", ["ADDRESS:Gartenstraße 51, 1. OG links, 72764 Reutlingen"]),
        ("gutschein soll an mühlgasse 12a gehen", ["ADDRESS:mühlgasse 12a"]),
        // Names after `name`, `the … family`, a couple's signature after a closing and a place.
        ("London W2 3UY, name Peter Smith. Neutral email", ["ADDRESS:W2 3UY", "PERSON:Peter Smith"]),
        ("Driver note: the Young family – ring twice", ["PERSON:Young"]),
        ("Brilliant! Love from Bristol, Tom & Aditi", ["PERSON:Tom", "PERSON:Aditi"]),
        ("Viele Grüße aus Köln, Leonie & Mustafa", ["PERSON:Leonie", "PERSON:Mustafa"]),
        // A UK plate without a cue; a written email's local part after `at`; a phone after `refund`.
        ("a customer in KX19 WPL clipped the bay", ["LICENSE_PLATE:KX19 WPL"]),
        ("confirmation at qbao.pham@gmail.com today", ["EMAIL:qbao.pham@gmail.com"]),
        ("not a refund. Callback on +44 20 7946 0777.", ["PHONE:+44 20 7946 0777"]),
        // A couple after `Alles Liebe`; chat speakers who label two lines; a surname after a speaking role.
        ("Danke für alles!\nAlles Liebe\nMara & Ole", ["PERSON:Mara", "PERSON:Ole"]),
        ("Bis bald!\nHerzlich\nIlka & Tarek aus der Buchabteilung", ["PERSON:Ilka", "PERSON:Tarek"]),
        ("Gavin hits 50 on 28 Feb, gift card please", ["PERSON:Gavin", "DATE_OF_BIRTH:28 Feb"]),
        ("kurz:\nkiki: wer macht kasse 3?\nbenni: ich\nkiki: danke\nbenni: np", ["PERSON:kiki", "PERSON:benni", "PERSON:kiki", "PERSON:benni"]),
        ("Kundin: Hoffmann-Rieß hier, ich rufe wegen der Jacke an", ["PERSON:Hoffmann-Rieß"]),
        // A government id a few words after its cue; a full date only a birth fits; a URL whose query names a customer.
        ("Er hat seine Reisepassnummer geschickt (C01X00T47), brauchen wir nicht", ["NATIONAL_ID:C01X00T47"]),
        ("die KVNR T123456789 liegt vor", ["NATIONAL_ID:T123456789"]),
        ("im Formular steht 17.08.1979, bitte prüfen", ["DATE_OF_BIRTH:17.08.1979"]),
        ("Link: https://shop.example.de/konto?kd=CV00123456&x=1 geht nicht", ["URL:https://shop.example.de/konto?kd=CV00123456&x=1"]),
        // Building parts and Austrian door numbers in German addresses; a building and an Eircode in an Irish one.
        ("an Lindenallee 4, Rückgebäude, 3. OG, 50667 Köln bitte", ["ADDRESS:Lindenallee 4, Rückgebäude, 3. OG, 50667 Köln"]),
        ("wohnt Favoritenstraße 12/3/7, 1040 Wien seit", ["ADDRESS:Favoritenstraße 12/3/7, 1040 Wien"]),
        ("Lieferung an Neuer Wall 10, 20354 Hamburg", ["ADDRESS:Neuer Wall 10, 20354 Hamburg"]),
        ("she's at 17 s oak st apt 2, camden nj 08102 now", ["ADDRESS:17 s oak st apt 2, camden nj 08102"]),
        ("voucher goes to 9 birch close. thx", ["ADDRESS:9 birch close"]),
        ("moved to 23 queens rd, bath ba1 2hd, pls fix", ["ADDRESS:23 queens rd, bath ba1 2hd"]),
        ("change it to Apt 2, 7 Ranelagh Road, Dublin 6, D06 X4K9 please", ["ADDRESS:Apt 2, 7 Ranelagh Road, Dublin 6, D06 X4K9"]),
        ("deliver to Flat 3 (2nd floor), 5 Mill Street, Leeds LS1 4AB – no lift", ["ADDRESS:Flat 3 (2nd floor), 5 Mill Street, Leeds LS1 4AB"]),
        ("I turned 40 on the 5th of March and got nothing", ["DATE_OF_BIRTH:the 5th of March"]),
        ("Rewards ID 0093 1175, purchase on Jan 19", ["MEMBER_NUMBER:0093 1175"]),
        ("my loyalty card – number is 00412277 I think", ["MEMBER_NUMBER:00412277"]),
        ("Phone message – Bartosz Malinowski wants a callback", ["PERSON:Bartosz Malinowski"]),
        ("geht an Lindenstraße 10-12 (2. OG), 50823 Köln.", ["ADDRESS:Lindenstraße 10-12 (2. OG), 50823 Köln"]),
        ("Lieferadresse: 04109 Leipzig, Am Markt 3. Danke", ["ADDRESS:04109 Leipzig, Am Markt 3"]),
        ("an:\nLinus Brandt\nHeideweg 9\nHinterhaus, 2. OG\n21075 Hamburg\nDanke", ["PERSON:Linus Brandt", "ADDRESS:Heideweg 9\nHinterhaus, 2. OG\n21075 Hamburg"]),
        ("My address is\n410 W Elm Ct #12\nMadison, WI 53703-1234\nThanks", ["ADDRESS:410 W Elm Ct #12\nMadison, WI 53703-1234"]),
        ("mobil unter +49 177 56344462 erreichbar", ["PHONE:+49 177 56344462"]),
        ("Priya Raman (born 15-Sep-1952) wants", ["PERSON:Priya Raman", "DATE_OF_BIRTH:15-Sep-1952"]),
        ("a review from \"Sandeep Menon\": great shop", ["PERSON:Sandeep Menon"]),
        ("Herzlichst\nGiulia & Oksana", ["PERSON:Giulia", "PERSON:Oksana"]),
        ("Gäste:\n- Uwe Fuchs (LC-07393-X)\n- Mira Klein (4596-8224)", ["PERSON:Uwe Fuchs", "MEMBER_NUMBER:LC-07393-X", "PERSON:Mira Klein", "MEMBER_NUMBER:4596-8224"]),
        // Phones in a CSV row and in square brackets; a number after `my number's`; form fields; chat speakers of two letters.
        ("C1,Kowalski,k@x.pl,087-621-4371,Galway", ["EMAIL:k@x.pl", "PHONE:087-621-4371"]),
        ("assistant Lin Xiaoling, [773] 555-0119, today", ["PERSON:Lin Xiaoling", "PHONE:[773] 555-0119"]),
        ("Surname: Hargreaves\nFirst name: Philippa", ["PERSON:Hargreaves", "PERSON:Philippa"]),
        ("handover:\njonno: the coffee machine\nal: which one\njonno: the Sage\nal: ok", ["PERSON:jonno", "PERSON:al", "PERSON:jonno", "PERSON:al"]),
        ("Patient: Poppy Thwaite, seen today", ["PERSON:Poppy Thwaite"]),
        ("@mira_k commented on our @example_store post", ["SOCIAL_HANDLE:@mira_k"]),
        ("sent to Flat 4, Harbour House, 12 Dock Road, Cork T12 X5PR today", ["ADDRESS:Flat 4, Harbour House, 12 Dock Road, Cork T12 X5PR"]),
        // Spreadsheet addresses with `;`, an attic floor, Irish counties and Eircodes on their own lines, a floor in brackets.
        ("Rechnung an Hinter den Höfen 119; 53111 Bonn, danke", ["ADDRESS:Hinter den Höfen 119; 53111 Bonn"]),
        ("Anlieferung: Lerchenfeld 11, DG, 66111 Saarbrücken, kein Aufzug", ["ADDRESS:Lerchenfeld 11, DG, 66111 Saarbrücken"]),
        ("goes by post to 63 College Green Close, Athlone, Co. Westmeath.", ["ADDRESS:63 College Green Close, Athlone, Co. Westmeath"]),
        ("address:\n72 Ashgrove Lawn\nWaterford\nX91 K3A5\nthanks", ["ADDRESS:72 Ashgrove Lawn\nWaterford\nX91 K3A5"]),
        ("Address: 5602 E 5th St, Apt 4B (5th floor), Seattle, WA 98110, no lift", ["ADDRESS:5602 E 5th St, Apt 4B (5th floor), Seattle, WA 98110"]),
        ("acting for her, 55 Strand Road, Drumcondra, Dublin 9. Claim", ["ADDRESS:55 Strand Road, Drumcondra, Dublin 9"]),
        // A URL in brackets; a year-less date after DOB; a bare `member`; a speaker after a role; names an email spells.
        ("the link (https://shop.example.ie/account?member=CV00413176&utm_source=email) fails", ["URL:https://shop.example.ie/account?member=CV00413176&utm_source=email"]),
        ("name is Rahul Agarwal, DOB 9/13", ["PERSON:Rahul Agarwal", "DATE_OF_BIRTH:9/13"]),
        ("already a member (0013 2587).", ["MEMBER_NUMBER:0013 2587"]),
        ("Kunde: Hallo\nAgent Thanasis: Sure, what is it?\nKunde: Adresse\nAgent Thanasis: Done", ["PERSON:Thanasis", "PERSON:Thanasis"]),
        ("Vorname,Nachname,E-Mail\nNikolai,Iwanow,nikolai.iwanow94@icloud.com", ["PERSON:Nikolai", "PERSON:Iwanow", "EMAIL:nikolai.iwanow94@icloud.com"]),
        ("Wir benötigen deine IBAN.\njohanna: DE89 3704 0044 0532 0130 00\nbot: danke", ["PERSON:johanna", "IBAN:DE89 3704 0044 0532 0130 00"]),
        // Surname first in lists and forms; Roman month numerals; a name label further before the colon; addresses read back from an Eircode or postcode.
        ("Stichprobe:\n1. Kuhn, Svenja – 02.09.1968\n2. JONES, Harriet – 3.9.1969", ["PERSON:Kuhn, Svenja", "DATE_OF_BIRTH:02.09.1968", "PERSON:JONES, Harriet", "DATE_OF_BIRTH:3.9.1969"]),
        ("Name: Barış Aydın, geb. 12.VI.1946", ["PERSON:Barış Aydın", "DATE_OF_BIRTH:12.VI.1946"]),
        ("exp 07/28. Name auf der Karte: SILKE GRAF\n\nGruß", ["PERSON:SILKE GRAF"]),
        ("collection: Mrs. Nair, Rose Cottage, St Brigid's Terrace, Tralee, Co. Kerry, V92 R4H1, no lift", ["PERSON:Nair", "ADDRESS:Rose Cottage, St Brigid's Terrace, Tralee, Co. Kerry, V92 R4H1"]),
        ("Consignee: RYAN, Oisín\nAddress: 141 The Maltings\nDrogheda, Co. Louth A92 Y1XH\nTel: 0892101224", ["PERSON:RYAN, Oisín", "ADDRESS:141 The Maltings\nDrogheda, Co. Louth A92 Y1XH", "PHONE:0892101224"]),
        // Pasted tables: the header types each column's cells, whatever their shape.
        ("kdnr;vorname;nachname\n7409 9996;Noor;El Amrani\n\nDanke", ["MEMBER_NUMBER:7409 9996", "PERSON:Noor", "PERSON:El Amrani"]),
        ("| Name | Geburtstag | Segment |\n|---|---|---|\n| Knut Thiel | 13.04. | Gold |", ["PERSON:Knut Thiel", "DATE_OF_BIRTH:13.04."]),
        // A cue for another number on the line before does not hide a phone.
        ("Order #: 12345\nTel: +44 7700 900675", ["PHONE:+44 7700 900675"]),
        // Chat speakers no lexicon knows, beside a given name or a role; two-word speakers; a Personalausweis by its short cue.
        ("diarmuid: can u add my reg for the permit?\ngrace: done ✅", ["PERSON:diarmuid", "PERSON:grace"]),
        ("chase bishop: hello?? on hold\nbot: Sorry! Your email?\nchase bishop: thanks", ["PERSON:chase bishop", "PERSON:chase bishop"]),
        ("[Messenger] Sky White: Hi, I won?!\nHarper & Finch: Congrats!", ["PERSON:Sky White"]),
        ("Vollmacht + Ausweis (PA-Nr. L6NMJF9W1) geprüft.", ["NATIONAL_ID:L6NMJF9W1"]),
        // Swiss and Austrian postcodes with and without a country prefix; a middle dot between street and city.
        ("Zoll: Spalenberg 7, 4051 BASEL. Bitte", ["ADDRESS:Spalenberg 7, 4051 BASEL"]),
        ("neu:\nHerrengasse 55\nA-8010 Graz\nBitte", ["ADDRESS:Herrengasse 55\nA-8010 Graz"]),
        ("Werbung an Parkstraße 61 · 33602 Bielefeld?", ["ADDRESS:Parkstraße 61 · 33602 Bielefeld"]),
        // A mail header's display name in capitals; a given name in capitals with its surname; short first parts of a given name.
        ("Von: DESPINA PAPADOPOULOS <papadopoulosd290@t-online.de>", ["PERSON:DESPINA PAPADOPOULOS", "EMAIL:papadopoulosd290@t-online.de"]),
        ("bitte an ANNA SCHMIDT senden", ["PERSON:ANNA SCHMIDT"]),
        ("Exchange: Thu Trang Tran swaps a parka", ["PERSON:Thu Trang Tran"]),
        // A plate one word after its cue; a birthday after `turning`.
        ("Kennzeichen Lieferwagen KI N 198.", ["LICENSE_PLATE:KI N 198"]),
        ("Monika, turning 60 on 17th of January. Gold tier", ["PERSON:Monika", "DATE_OF_BIRTH:17th of January"]),
        // Austrian months; `bday`; a ZIP after its cue; a phone's extension; lowercase names after a cue with a surname that is a word too.
        ("Theresa (geb. 28. Jän. 1962)", ["PERSON:Theresa", "DATE_OF_BIRTH:28. Jän. 1962"]),
        ("she says: my bday is 11 October, when", ["DATE_OF_BIRTH:11 October"]),
        ("DOB 6/17/51, ZIP 60622, spend", ["DATE_OF_BIRTH:6/17/51", "ADDRESS:60622"]),
        ("contact: 0161 405 5091 ext. 489. Budget", ["PHONE:0161 405 5091 ext. 489"]),
        ("fahrer meldet: kunde aleksandra Lange hat paket verweigert", ["PERSON:aleksandra Lange"]),
        ("is this ok to send to marcus cook? sure", ["PERSON:marcus cook"]),
        ("doppelte Kundenkonten (KD 64 5774 und CV-07108048)", ["MEMBER_NUMBER:KD 64 5774", "MEMBER_NUMBER:CV-07108048"]),
        // Look-alike hyphens (U+2011, U+2212); hyphenated birth dates; extensions after a comma; the Swiss AHV number.
        ("Telefon 0171\u{2011}2345678", ["PHONE:0171\u{2011}2345678"]), ("Telefon 0171\u{2212}2345678", ["PHONE:0171\u{2212}2345678"]),
        ("Kennzeichen B\u{2011}MW 1234", ["LICENSE_PLATE:B\u{2011}MW 1234"]), ("Card 4111\u{2011}1111\u{2011}1111\u{2011}1111", ["CARD:4111\u{2011}1111\u{2011}1111\u{2011}1111"]),
        ("geboren am 12-03-1985", ["DATE_OF_BIRTH:12-03-1985"]), ("+1 (212) 555-0147, ext 3", ["PHONE:+1 (212) 555-0147, ext 3"]),
        ("AHV-Nr. 756.1234.5678.97", ["NATIONAL_ID:756.1234.5678.97"]),
        ("Viele Grüße, Anna vom IT-Support", ["PERSON:Anna"]),
        ("SMITH, JANE - card blocked", ["PERSON:SMITH, JANE"]), ("birth date 07.15.1990", ["DATE_OF_BIRTH:07.15.1990"]),
        // A given name that is also a word, before a verb only people do.
        ("Will said he'd call back.", ["PERSON:Will"]), ("Max fragt nach der Karte.", ["PERSON:Max"]),
        // Two names that are both words, before such a verb; a given name that is a word, listed after a name.
        ("John Smith called about the voucher", ["PERSON:John Smith"]), ("Mary-Kate and Bill ordered together.", ["PERSON:Mary-Kate", "PERSON:Bill"]),
        // Lowercase names after a greeting or a sign-off in text that is not all lowercase.
        ("Sanne: hallo jonas, ich wollte fragen", ["PERSON:Sanne", "PERSON:jonas"]), ("bitte prüfen: 'lieber vroni, wir sehen dass'", ["PERSON:vroni"]),
        ("card doesnt scan anymore\ncheers ngozi", ["PERSON:ngozi"]),
        // A birth date without separators, and a birth year alone, right after a birth cue.
        ("date of birth 19850312", ["DATE_OF_BIRTH:19850312"]), ("she was born in 1961", ["DATE_OF_BIRTH:1961"]), ("Jahrgang 1958, Größe M", ["DATE_OF_BIRTH:1958"]),
        // Capitals that open an id after its cue; a UK address whose parts are village names.
        ("NI number QQ 12 34 56 C", ["NATIONAL_ID:QQ 12 34 56 C"]),
        // A couple joined by `&`; a colleague mentioned in a chat; the answer to a question for the name; a neighbour.
        ("Ehepaar Richter (Birgit & Günter) beschwert sich", ["PERSON:Richter", "PERSON:Birgit", "PERSON:Günter"]),
        ("@mia kannst du das übernehmen?", ["SOCIAL_HANDLE:@mia"]), ("Agent: Und Ihr Name?\nKunde: stefano gallo", ["PERSON:stefano gallo"]),
        ("delivery failed, neighbour Urquhart refused it", ["PERSON:Urquhart"]),
        // `Mitgl.-Nr.` as a cue; a brand that is also a given name counts after a cue or a closing, not alone.
        ("Bonusprogramm (Mitgl.-Nr. M-679030). Leider", ["MEMBER_NUMBER:M-679030"]), ("Cheers,\nZara", ["PERSON:Zara"]),
        ("models Zara Hussain and Tunde Banks", ["PERSON:Zara Hussain", "PERSON:Tunde Banks"]),
        // A member number listed after another; not a count or a year after `und`/`and`.
        ("ich hab 2 konten, CV-00080167 und KD 32 1458. könnt ihr", ["MEMBER_NUMBER:CV-00080167", "MEMBER_NUMBER:KD 32 1458"]),
        ("2 accounts, CV 0484 5276 and M-209978. can you merge", ["MEMBER_NUMBER:CV 0484 5276", "MEMBER_NUMBER:M-209978"]),
        // A capitalized `Im`/`In der` after an address cue opens the street; lowercase it is a filler.
        ("Anschrift: Im Winkel 71", ["ADDRESS:Im Winkel 71"]), ("Adresse: In der Au 5, 83022 Rosenheim", ["ADDRESS:In der Au 5, 83022 Rosenheim"]),
        ("wohnt in der Bahnhofstraße 5", ["ADDRESS:Bahnhofstraße 5"]),
        // A given name joined to a found one by `und`/`+`, also one that is a word, also lowercase in chat.
        // A lowercase adjective inside a street's name; a dash before an Austrian or Swiss postcode and its city.
        ("neue Adresse: Zur alten Mühle 10 a · 66111 Saarbrücken. Handy", ["ADDRESS:Zur alten Mühle 10 a · 66111 Saarbrücken"]),
        ("als Paket an Herrengasse 21 - 4020 Linz.", ["ADDRESS:Herrengasse 21 - 4020 Linz"]),
        ("Lieferung an Dorfstrasse 8 – 8008 Zürich wurde", ["ADDRESS:Dorfstrasse 8 – 8008 Zürich"]),
        // A NANP extension and a `001` or `1.` country code.
        ("Tel +1-259-601-3440x725.", ["PHONE:+1-259-601-3440x725"]), ("mobile is 001-291-370-3509x97546, please", ["PHONE:001-291-370-3509x97546"]),
        ("Phone: (613)805-1115x986", ["PHONE:(613)805-1115x986"]), ("call 1.617.555.0142 now", ["PHONE:1.617.555.0142"]),
        // USPS street suffixes with a unit, a state and ZIP, or an address cue; US military addresses; a sentence ends at the street.
        ("resend to 050 Evan Roads Suite 594. Tracking", ["ADDRESS:050 Evan Roads Suite 594"]),
        ("i live at 003 Stewart Islands, is the store", ["ADDRESS:003 Stewart Islands"]),
        ("change my address to\n548 Martha Mill\nPittsville, NY 78044\nThanks", ["ADDRESS:548 Martha Mill\nPittsville, NY 78044"]),
        ("update to\nPSC 7821, Box 7353\nAPO AP 26422\nPlease", ["ADDRESS:PSC 7821, Box 7353\nAPO AP 26422"]),
        ("c/o\nUSNV Roach\nFPO AP 87225", ["ADDRESS:USNV Roach\nFPO AP 87225"]), ("12 Lake Shore Drive", ["ADDRESS:12 Lake Shore Drive"]),
        ("mailings to 85 Foxglove Crescent. Sarah asked", ["ADDRESS:85 Foxglove Crescent", "PERSON:Sarah"]),
        // Two of the most frequent names are a person even when both are words too.
        ("Please call Jack Miller back.", ["PERSON:Jack Miller"]), ("Exchange note: Maria Brown is swapping", ["PERSON:Maria Brown"]),
        ("Invoice went to Grace Baker instead of Hope Turner.", ["PERSON:Grace Baker", "PERSON:Hope Turner"]),
        // `vom` and a shop after a name; a table's label cell; a URL with the member's id; a street after `wohne`/`Absender`, also lowercase.
        ("Bot: Hier ist Salvatore vom Buchladen Eselsohr-Team", ["PERSON:Salvatore"]), ("| Mitgliedsnr. | 50046041 |", ["MEMBER_NUMBER:50046041"]),
        ("Link: http://shop.example/prefs?uid=CV83681040&utm_source=mail", ["URL:http://shop.example/prefs?uid=CV83681040&utm_source=mail"]),
        ("kunde: ich wohne jetzt uferzeile 54, die postleitzahl", ["ADDRESS:uferzeile 54"]), ("EAN 4021661108962, Absender Uferzeile 82.", ["ADDRESS:Uferzeile 82"]),
        // A short capital label is no speaker; an NI number's last letter; dashes between digits; handles after a platform's name.
        ("NI: QQ123456C", ["NATIONAL_ID:QQ123456C"]), ("her NI number ZZ 382464 T at check-in", ["NATIONAL_ID:ZZ 382464 T"]),
        ("Tel 212–555–0143", ["PHONE:212–555–0143"]), ("SSN 123–45–6789", ["NATIONAL_ID:123–45–6789"]),
        ("ig: anna.schmidt_87", ["SOCIAL_HANDLE:anna.schmidt_87"]), ("meine insta ist rosawinter_", ["SOCIAL_HANDLE:rosawinter_"]),
        ("auf insta mats_fuchs8 markiert", ["SOCIAL_HANDLE:mats_fuchs8"]), ("instagram daniel.baker5 bitte", ["SOCIAL_HANDLE:daniel.baker5"]),
        ("Her TikTok: facebook.com/brittany.z.5.", ["SOCIAL_HANDLE:facebook.com/brittany.z.5"]),
        // The writer after `i'm` in a chat, and after a greeting and `it's`.
        ("Chat:\nCustomer: hello i'm martin haynes\nBot: How can I help?", ["PERSON:martin haynes"]),
        ("Hiya, it's Bill Black in Madison, my phone", ["PERSON:Bill Black"]), ("hi guys 😊 it's dawn. bought", ["PERSON:dawn"]),
        // UK addresses read back from the postcode through a flat, a street with a USPS type and a place named after a person.
        ("change my address to\nFlat 73b\nDale Trafficway\nSouth Lauren\nM9 5ZS\nThanks", ["ADDRESS:Flat 73b\nDale Trafficway\nSouth Lauren\nM9 5ZS"]),
        ("address Flat 48, Clare Burgs, North James, TD9W 7EU.", ["ADDRESS:Flat 48, Clare Burgs, North James, TD9W 7EU"]),
        ("Keller, 8928 Nancy Summit Apt. 863, Lake Jessicaburgh, AS 81233, Tel", ["PERSON:Keller", "ADDRESS:8928 Nancy Summit Apt. 863, Lake Jessicaburgh, AS 81233"]),
        // An international number run together after a phone word.
        ("und bittet um Rückruf: 5658472686560.", ["PHONE:5658472686560"]), ("write a notification to 8420115532044.", ["PHONE:8420115532044"]),
        // A surname after a request to call; the one addressed after `no problem,`; a caller's verb; a city after `in`; a lowercase given name after `für`.
        ("between 5 and 6 pm, please ring Iyer.\nLocker", ["PERSON:Iyer"]), ("Bot: No problem, Paddy! Your voucher", ["PERSON:Paddy"]),
        ("Olli rang - officially Oliver", ["PERSON:Olli", "PERSON:Oliver"]), ("Adresse: Lindenhofweg 7 in Bremen", ["ADDRESS:Lindenhofweg 7 in Bremen"]),
        ("Hauptstraße 5 in Ordnung bringen", ["ADDRESS:Hauptstraße 5"]),
        ("Push-Nachricht für annie (App-User", ["PERSON:annie"]), ("no more paper mailings to 3973 Juniper Bend.", ["ADDRESS:3973 Juniper Bend"]),
        // An IBAN with its check digits apart from the country, or wrapped onto the next line between groups.
        ("IBAN DE 89 3704 0044 0532 0130 00 bitte", ["IBAN:DE 89 3704 0044 0532 0130 00"]),
        ("IBAN: DE89 3704 0044\n0532 0130 00 danke", ["IBAN:DE89 3704 0044\n0532 0130 00"]),
        ("living at 6471 Lincoln Way Unit 15, Brooklyn, NY 11288", ["ADDRESS:6471 Lincoln Way Unit 15, Brooklyn, NY 11288"]),
        // Academic titles before a name and degrees after it stay out of the name; a generational suffix (`Jr.`) belongs to it.
        ("Kunde: Dipl.-Ing. Hans-Jürgen Krause B.Sc. hat angerufen", ["PERSON:Hans-Jürgen Krause"]),
        ("Univ.Prof. Annelie Barth MBA fragt nach", ["PERSON:Annelie Barth"]), ("Prof. Dr. Ute Wagner B.A.", ["PERSON:Ute Wagner"]),
        ("John Smith Jr. called", ["PERSON:John Smith Jr."]),
        // A military rank before a surname; `its` after a greeting; a given name signing off a text or before a bracket.
        ("Send to SGT Baker, PSC 802 Box 74, APO AE 09012", ["PERSON:Baker", "ADDRESS:PSC 802 Box 74, APO AE 09012"]),
        ("hey its miles again, can u call me", ["PERSON:miles"]), ("grace tremlett here, where is my parcel", ["PERSON:grace tremlett"]), ("please remove me from mailings. Grace", ["PERSON:Grace"]),
        ("Staff sign-off: thanks, Ivy (Team Leader)", ["PERSON:Ivy"]),
        // A handle after a person's role, also after `our`; a plain handle after `Nutzer`.
        ("post naming our customer instagram.com/lisa43 as the winner", ["SOCIAL_HANDLE:instagram.com/lisa43"]),
        ("Nutzer @zhartung schreibt öffentlich, dass", ["SOCIAL_HANDLE:@zhartung"]),
        // Lowercase British and US addresses with more street types.
        ("send the delivery to 148 thistle mews, edinburgh eh14 5hx instead", ["ADDRESS:148 thistle mews, edinburgh eh14 5hx"]),
        ("the new address 4048 hawthorn pl, burlington, vt 05406 is saved", ["ADDRESS:4048 hawthorn pl, burlington, vt 05406"]),
        ("horst und sven kommen morgen um 10", ["PERSON:horst", "PERSON:sven"]), ("Team Krzysztof + Kostas.", ["PERSON:Krzysztof", "PERSON:Kostas"]),
        ("Hi, it's Büşra and Tyler, we were in", ["PERSON:Büşra", "PERSON:Tyler"]),
        // `member`/`Mitglied` before a name, as `customer`/`Kunde`.
        ("message for long-time member Jack Black, member no. CV 13192731", ["PERSON:Jack Black", "MEMBER_NUMBER:CV 13192731"]),
        ("als Mitglied Anna Schulz eingetragen", ["PERSON:Anna Schulz"]),
        ("Kundennummer 4711 0815 und 2 Kinder", ["MEMBER_NUMBER:4711 0815"]), ("member no. CV 1234 5678 and 2024", ["MEMBER_NUMBER:CV 1234 5678"]),
        // Document and insurance numbers a few words after their cue; a customer's number after `alte Nummer`; a dash before a postcode.
        ("Versichertennr. C243916545. Anprobe", ["NATIONAL_ID:C243916545"]), ("Ausweisnummer laut Bestellung P4X17GZN7. Fahrer", ["NATIONAL_ID:P4X17GZN7"]),
        ("DOB 6/13 – 7861 Pine Ct – card", ["DATE_OF_BIRTH:6/13", "ADDRESS:7861 Pine Ct"]), ("Alte Nummer KD 24 9535 gesperrt", ["MEMBER_NUMBER:KD 24 9535"]), ("Adresse Zum Sportplatz 73 – 32423 Minden.", ["ADDRESS:Zum Sportplatz 73 – 32423 Minden"]),
        // A handle with its cue after it; a dot date without its space; a year after an apostrophe; a lowercase US address with a unit and `st.`.
        ("(@itslukaszs, ca. 48.000 Follower)", ["SOCIAL_HANDLE:@itslukaszs"]), ("geboren am 26.Oktober 1978", ["DATE_OF_BIRTH:26.Oktober 1978"]),
        ("McAllister (DOB 28 Aug '62)", ["PERSON:McAllister", "DATE_OF_BIRTH:28 Aug '62"]),
        ("to: 4774 sycamore road, unit 7, st. louis, mo 63104, tel", ["ADDRESS:4774 sycamore road, unit 7, st. louis, mo 63104"]),
        // An initial after a title; a lowercase surname with foreign letters after a given name; a testimonial's attribution; surnames opening list items.
        ("Frau Z. Öztürk hat zurückgerufen.", ["PERSON:Z. Öztürk"]), ("nachlieferung: emine koç, bitte", ["PERSON:emine koç"]),
        ("\"Great advice, I'll be back!\" - Ivy from Madison", ["PERSON:Ivy"]), ("„Tolles Kleid.“ – Resi, 72, Stammkundin", ["PERSON:Resi"]),
        ("Beschwerden:\n4) Wójcik – Wartezeit\n5) Lüders-Voß, Parkplatz", ["PERSON:Wójcik", "PERSON:Lüders-Voß"]),
        // A form field's name; abbreviated cues; a name after `spoke with`; a number answering a question for it on the next line.
        ("Speditionsavis\nEmpfänger: KOWALENKO, Swetlana", ["PERSON:KOWALENKO, Swetlana"]), ("zus.fassung tel.: kd. petersen (mob. 06221 207931)", ["PERSON:petersen", "PHONE:06221 207931"]),
        ("Fr. Seidel ruft an", ["PERSON:Seidel"]), ("Spoke with Hope Baker, lost her card", ["PERSON:Hope Baker"]),
        ("Bot: Wie lautet Ihre Kundennummer?\nKunde: 8321336\nBot: Danke.", ["MEMBER_NUMBER:8321336"]),
        ("Bitte geben Sie Ihre Kundennummer ein.\n> KD 31 8929", ["MEMBER_NUMBER:KD 31 8929"]),
        // A couple in brackets; a lowercase name before an emoji; lowercase names only a name looks like after a cue; `Name` before a particle;
        // a role for both genders; an initial's dot; an old number after `no.`.
        ("Ehepaar Darwish (Khaled & Fatima) beschwert sich", ["PERSON:Darwish", "PERSON:Khaled", "PERSON:Fatima"]),
        ("segun: hey wade 😊 can i change", ["PERSON:segun", "PERSON:wade"]), ("wer macht die abholung für şahin?", ["PERSON:şahin"]),
        ("who's doing the collection for popov today?", ["PERSON:popov"]), ("Name von Stetten, bitte", ["PERSON:von Stetten"]),
        ("Kontoinhaber/in Jekaterina Iwanowa.", ["PERSON:Jekaterina Iwanowa"]), ("\"Best shop!\" – William M., loyal customer", ["PERSON:William M."]),
        ("address unchanged. Old no. 0068 5051 dead.", ["MEMBER_NUMBER:0068 5051"]), ("my no. 0171 2345678", ["PHONE:0171 2345678"]),
        // A lowercase surname before a verb only people do.
        ("note: okafor rang again re points", ["PERSON:okafor"]),
        // Table cells and form words; `im` for I'm before a given name; a nationality surname; a given name in brackets after a phone;
        // `from` a place; a postcode and city after `aus`; an Eircode alone; a Swiss canton; `in D-…`; a given name before a double surname.
        ("HI IM kwame byrne MY NUMBER IS 087 501 978", ["PERSON:kwame byrne", "PHONE:087 501 978"]), ("but no voucher. im sarah baker", ["PERSON:sarah baker"]),
        ("HALLO ICH BIN eugen krüger UND", ["PERSON:eugen krüger"]), ("Customer Will English called re points", ["PERSON:Will English"]),
        ("ruf mal an: 0160 11 22 745 (Malte)", ["PHONE:0160 11 22 745", "PERSON:Malte"]), ("Kunde Wolf (Vorname Malte) hat sich", ["PERSON:Wolf", "PERSON:Malte"]),
        ("Grace from Ballymun asked if", ["PERSON:Grace"]), ("Gewinnerin ist Ilse Nowak aus 48155 Münster.", ["PERSON:Ilse Nowak", "ADDRESS:48155 Münster"]),
        ("from Galway H91 F2K7.", ["ADDRESS:H91 F2K7"]), ("Seestrasse 41, 8802 Kilchberg ZH", ["ADDRESS:Seestrasse 41, 8802 Kilchberg ZH"]),
        ("Hauptstr. 27b in D-65183 Wiesbaden", ["ADDRESS:Hauptstr. 27b in D-65183 Wiesbaden"]), ("Jack García López called", ["PERSON:Jack García López"]),
        ("[13:45] Kundin: yuting guo, email ist x", ["PERSON:yuting guo"]), ("Alte Nummer 63897844 gesperrt", ["MEMBER_NUMBER:63897844"]),
        // US cities with `St.`; an address label stays out; lowercase code prefixes; a chat time stamp before an answer; a space before the year;
        // plates after `Lieferwagen`; a role with a lexicon name in brackets; a month that is a given name; `ta` signing; a house number after `lives at`.
        ("note: Chase Johnson, 6025 Cedar Ridge Dr, St. Louis, MO 63104, buzzer", ["PERSON:Chase Johnson", "ADDRESS:6025 Cedar Ridge Dr, St. Louis, MO 63104"]),
        ("Address 2 Kingsway, Newcastle upon Tyne NE2 1XF. How", ["ADDRESS:2 Kingsway, Newcastle upon Tyne NE2 1XF"]),
        ("member no mbr-131487", ["MEMBER_NUMBER:mbr-131487"]), ("Bot: What's your member number?\n[3:41 PM] User: RW48341761", ["MEMBER_NUMBER:RW48341761"]),
        ("Geburtstag: 04.10. 1953", ["DATE_OF_BIRTH:04.10. 1953"]), ("Lieferwagen (PI U 7) beim Wenden", ["LICENSE_PLATE:PI U 7"]),
        ("The cashier (Grant) apparently said", ["PERSON:Grant"]), ("Kind regards\nApril Brooks", ["PERSON:April Brooks"]),
        ("maybe add a voucher.\nta aisha", ["PERSON:aisha"]), ("Lives at 7 Kingsway now.", ["ADDRESS:7 Kingsway"]),
        ("postcode m14 5rt -- end", ["ADDRESS:m14 5rt"]), ("hunter: 8643 maple avenue seattle wa 98103", ["ADDRESS:8643 maple avenue seattle wa 98103"]),
        ("Perso vorgezeigt (Nr. MJJVWZMVK), weil", ["NATIONAL_ID:MJJVWZMVK"]), ("You can reach me on 5036090007. Thanks", ["PHONE:5036090007"]),
        ("lost my card, number was KD 42 2343. can u", ["MEMBER_NUMBER:KD 42 2343"]),
        // A surname in quotes after `surname`; `Mai` as a given name; a lowercase plate after its cue; a hyphen inside a handle.
        ("caller only gave surname \"Kowalczyk\", number", ["PERSON:Kowalczyk"]), ("Telefonat 12:00 Uhr: Mai Papadopoulos, bitte", ["PERSON:Mai Papadopoulos"]),
        ("dass mein kennzeichen do-k 6188 auf dem", ["LICENSE_PLATE:do-k 6188"]),
        ("Fahrzeug MZ DP 4236 hat Einkaufswagen beschädigt", ["LICENSE_PLATE:MZ DP 4236"]), ("(@grace.little-whitaker) gets", ["SOCIAL_HANDLE:@grace.little-whitaker"]),
        // Ten digits run together after a phone word or alone on a line; form fields naming who handled it; a chat line to a group;
        // `chatted with`; a lowercase name from a place; announcing oneself; `St.` inside a name and a Swiss city; a lowercase code's last letter.
        ("Callback requested on 3035550157 - thanks", ["PHONE:3035550157"]), ("Kezia Moreau\n5036431957\n---", ["PERSON:Kezia Moreau", "PHONE:5036431957"]),
        ("Handled: Hope, March 17.", ["PERSON:Hope"]), ("Bearbeitet: Giorgos, 28.09.2024.", ["PERSON:Giorgos"]),
        ("sönke → team: hat jemand", ["PERSON:sönke"]), ("CHATTED WITH NIKOS, HE'S", ["PERSON:NIKOS"]),
        ("quick note: tunde from Dublin, tel", ["PERSON:tunde"]), ("Notiz: svenja braun aus Düsseldorf hat angerufen", ["PERSON:svenja braun"]),
        ("gast: hallo, tobias müller hier, meine", ["PERSON:tobias müller"]),
        ("Yours faithfully,\nDerya St. Clair acct", ["PERSON:Derya St. Clair"]), ("Cheers, May Baker\nthanks", ["PERSON:May Baker"]),
        ("kd.-nr. lc-85816-x\nnotiert", ["MEMBER_NUMBER:lc-85816-x"]), ("Anschrift: Marktgasse 82\n9000 St. Gallen Kunde", ["ADDRESS:Marktgasse 82\n9000 St. Gallen"]),
        // A loyalty-card number by its shape; a pair of word-names before an address or `reports`; `first,last` columns; Irish particles.
        ("once as CV 1473 7177 and once as LC-14225-X. how", ["MEMBER_NUMBER:CV 1473 7177", "MEMBER_NUMBER:LC-14225-X"]),
        ("label text for Will Rich, 84 Oakfield Drive, Naas", ["PERSON:Will Rich", "ADDRESS:84 Oakfield Drive, Naas"]),
        ("1) June Hope reports someone", ["PERSON:June Hope"]),
        ("id,first,last\ncv68483332,Faith,Baker", ["MEMBER_NUMBER:cv68483332", "PERSON:Faith", "PERSON:Baker"]),
        ("delivery to Ireland: Siobhán Ní Bhriain, Apt 4", ["PERSON:Siobhán Ní Bhriain"]),
        // A house name or flat before the numbered part of a UK address.
        ("at Young's (Rose Cottage, 155 Mill Lane, Oxford OX4 4RB) the dog", ["ADDRESS:Rose Cottage, 155 Mill Lane, Oxford OX4 4RB"]),
        ("to her: Flat 2/1, 164 Harbour Walk, York YO10 9GN.", ["ADDRESS:Flat 2/1, 164 Harbour Walk, York YO10 9GN"]),
        ("The Old Rectory, Church Lane, Little Snoring, Norfolk NR21 0AA", ["ADDRESS:The Old Rectory, Church Lane, Little Snoring, Norfolk NR21 0AA"]),
        // Two given names joined before a surname; a surname that is a word after a title; a month after a relative.
        ("Notiz aus der Hotline (Hans-Adolf Röhricht): Anrufer", ["PERSON:Hans-Adolf Röhricht"]), ("Letter to Mrs Mann for her help", ["PERSON:Mann"]),
        ("my daughter April used my card", ["PERSON:April"]), ("deliver to Hans-Ulrich Peukert c/o", ["PERSON:Hans-Ulrich Peukert"]),
        // A relative named after a comma; whose doorbell to ring; a possessive before what a person owns.
        ("ich bin seine Mutter, Victor. Sie", ["PERSON:Victor"]), ("bitte bei von Ahlen klingeln", ["PERSON:von Ahlen"]),
        ("pls email Graces address not mine", ["PERSON:Grace"]), ("gernot: hi\ngernot: schreib an Gernots mail", ["PERSON:gernot", "PERSON:gernot", "PERSON:Gernot"]),
        // A lowercase surname before a street, or ending an introduction; a note signed after a bullet.
        ("customer: again: ivy sterling, 74 heather close, leeds", ["PERSON:ivy sterling", "ADDRESS:74 heather close"]),
        ("Kundin: hallo ich bin christel stiffel\nBot: Wie", ["PERSON:christel stiffel"]), ("Danke.\n\n- Ruaridh, Lincoln Road store", ["PERSON:Ruaridh"]),
        // German streets ending in a word: after a postcode and city, or alone after a name.
        ("Sofa an 26838 Oldenburg, Fliederhöhe 76, bitte", ["ADDRESS:26838 Oldenburg, Fliederhöhe 76"]), ("weiter an Fischerkoppel 10b geschickt", ["ADDRESS:Fischerkoppel 10b"]),
        // More member-number and id cues; the person after a practice in `c/o`; a lowercase possessive in a text with capitals.
        ("Mitglieds-ID: M-460800", ["MEMBER_NUMBER:M-460800"]), ("Kundenreferenz 95481128 bitte", ["MEMBER_NUMBER:95481128"]),
        ("customer ref 27714273 pls", ["MEMBER_NUMBER:27714273"]), ("krankenkassenkarte nr B786064701", ["NATIONAL_ID:B786064701"]),
        ("Rechnung an c/o Praxis Esposito, bitte", ["PERSON:Esposito"]), ("c/o Praxis Dr. Grabowska", ["PERSON:Grabowska"]), ("Zeuge: Malte Wendtland", ["PERSON:Malte Wendtland"]),
        ("hannelore: hi\nhannelore: könnt ihr eleonores karte prüfen", ["PERSON:hannelore", "PERSON:hannelore", "PERSON:eleonore"]),
        ("Vielen Dank! Brunhild", ["PERSON:Brunhild"]), ("Pharmacy complaint: Joe's NHS number", ["PERSON:Joe"]),
        // Two people before a verb only people do; twins named after a comma; a couple sharing a surname; the writer after `it's me`; a call back.
        ("Sue and Joy came in together", ["PERSON:Sue", "PERSON:Joy"]), ("The twins, Dawn and Frank, both want", ["PERSON:Dawn", "PERSON:Frank"]),
        ("Cheers,\nDanielle & Tyrone Khan", ["PERSON:Danielle", "PERSON:Tyrone Khan"]), ("hi its me, ivy, my parcel", ["PERSON:ivy"]),
        ("Rückruf an Schwarz erledigt, Ersatzteil", ["PERSON:Schwarz"]), ("hallo hier dimitrios karamanlis, ist mein paket da", ["PERSON:dimitrios karamanlis"]),
        ("🤖 Bot: Hast du den Beleg?\n👤 Gian: nein", ["PERSON:Gian"]), ("My mobile in case you need anything: +44 7700 900857.", ["PHONE:+44 7700 900857"]),
        ("my nan Chloë Ashworth-Pryce (card", ["PERSON:Chloë Ashworth-Pryce"]),
        // A double given name's initial; a lowercase given name after a relative; whose name an account is under.
        ("[11:17 Uhr] Hans-H. Klotz: und kann", ["PERSON:Hans-H. Klotz"]), ("Hallo Hans-H., welche Nummer?", ["PERSON:Hans-H."]),
        ("mpos: and can my brother peter pick it up?", ["PERSON:peter"]), ("note: omar nasser rang about points", ["PERSON:omar nasser"]),
        ("customer: flat 12, 23 victoria terrace, edinburgh eh6 5jr", ["ADDRESS:flat 12, 23 victoria terrace, edinburgh eh6 5jr"]),
        ("can u help?\nxx Rose", ["PERSON:Rose"]), ("Sunny greetings\nMiles", ["PERSON:Miles"]), ("Charlotte has a birthday on the 26th", ["PERSON:Charlotte"]), ("Regards, Austin", ["PERSON:Austin"]), ("hey guys!! my boyfriend Will got me the", ["PERSON:Will"]),
        ("> jasmine: hi it's me again, Jasmine from earlier\n> jasmine: ok", ["PERSON:jasmine", "PERSON:Jasmine", "PERSON:jasmine"]), ("no idea, account is under joshua edwards", ["PERSON:joshua edwards"]), ("ware übergeben durch hildegard.", ["PERSON:hildegard"]), ("Callback to Page done", ["PERSON:Page"]),
        ("Note: chloë delgado came in w/ receipt, added 1850 pts to LC-36332-M.", ["PERSON:chloë delgado", "MEMBER_NUMBER:LC-36332-M"]),
        // A birthday said with `I turn` or `ich feiere`; a family's own domain; a person who shops; a member number in a URL.
        ("I turn 40 on the 20th of April, do", ["DATE_OF_BIRTH:the 20th of April"]), ("ich feiere am 11. Februar meinen vierzigsten", ["DATE_OF_BIRTH:11. Februar"]),
        ("reply to hello@thefletcherfamily.net", ["EMAIL:hello@thefletcherfamily.net"]), ("Influencer (IG: @priya_shops) wants", ["SOCIAL_HANDLE:@priya_shops"]),
        ("Link: https://example-store.com/account?cid=CV77828114&ref=receipt ok", ["URL:https://example-store.com/account?cid=CV77828114&ref=receipt"]),
        // A couple signing after a closing; a signer named like a brand; a relative's lowercase name that is a word; a month or weekday surname.
        ("Cheers, Will and Rose", ["PERSON:Will", "PERSON:Rose"]), ("Viele Grüße\nPeter Hahn", ["PERSON:Peter Hahn"]), ("Gruß Peter Hahn", ["PERSON:Peter Hahn"]),
        ("my mum june called", ["PERSON:june"]), ("mein neffe max war da", ["PERSON:max"]), ("meine tochter lena war da", ["PERSON:lena"]),
        ("kurze frage: Matthias Freitag will seine punkte", ["PERSON:Matthias Freitag"]),
        // Customer numbers with their abbreviation or in brackets after a name; a card after its cue; an international phone after an account cue.
        ("Kunde KD 99 1234 hat", ["MEMBER_NUMBER:KD 99 1234"]), ("Lena Vogt (KD 99 1234) rief an", ["PERSON:Lena Vogt", "MEMBER_NUMBER:KD 99 1234"]),
        ("meine Kreditkarte 3599-9856-1741-8358 ist", ["CARD:3599-9856-1741-8358"]), ("Tel. laut Konto +49(0)8554 830579.", ["PHONE:+49(0)8554 830579"]),
        // A handle by a post cue; in chat a surname after an article, a colleague asked by name, a surname after a title, a double surname.
        ("Negative post by @murrayjodie about", ["SOCIAL_HANDLE:@murrayjodie"]), ("petra, der schmidt hat schon wieder", ["PERSON:petra", "PERSON:schmidt"]),
        ("can kannst du die bestellung prüfen", ["PERSON:can"]), ("Mark, can you check the till", ["PERSON:Mark"]), ("die hat mit herr rüegg wegen der adresse", ["PERSON:rüegg"]),
        ("wer hat den fall charlotte müller-lüdenscheidt?", ["PERSON:charlotte müller-lüdenscheidt"]),
        // Whose phone a bracket names; a name called back at a number; a parcel's addressee at an address; a relative in brackets; a possessive surname.
        ("Rückruf unter 00721868621 (süßebier), wegen retoure", ["PHONE:00721868621", "PERSON:süßebier"]), ("pls call back bell on +44(0)1134960241 re", ["PERSON:bell", "PHONE:+44(0)1134960241"]),
        ("couldn't deliver to Gross at 151 Robin Meadows", ["PERSON:Gross", "ADDRESS:151 Robin Meadows"]),
        ("Lena Vogt (seit 2015) rief an", ["PERSON:Lena Vogt"]), ("call back on +44 7956 658 356", ["PHONE:+44 7956 658 356"]),
        ("Rückruf 0171 2345678 (mobil)", ["PHONE:0171 2345678"]), ("IBAN DE89 3704 0044 0532 0130 00 (Erstattung)", ["IBAN:DE89 3704 0044 0532 0130 00"]), ("Guntram Mies möchte Hardy (Bruder) als Zweitkarte", ["PERSON:Guntram Mies", "PERSON:Hardy"]),
        ("ok updated okafor's address", ["PERSON:okafor"]), ("kann jemand miras iban checken?", ["PERSON:mira"]), ("only phone June Green on +441632 960267", ["PERSON:June Green", "PHONE:+441632 960267"]),
        // Eircodes without their space; a Swiss city opening with La; the addressee's title after a street is no city.
        ("new address is 94 Longan Street, Cork T90PFR2.", ["ADDRESS:94 Longan Street, Cork T90PFR2"]), ("Lehmannstrasse 9, 2946 La Chaux-de-Fonds.", ["ADDRESS:Lehmannstrasse 9, 2946 La Chaux-de-Fonds"]),
        ("60 Foxglove Walk, Mr. Fairweather not answering", ["ADDRESS:60 Foxglove Walk", "PERSON:Fairweather"]),
        // A plate after a car's make; a household; two surnames on a doorbell; a contact label; a short lowercase name before speech or to ask.
        ("the guy in the silver tesla (7ABC123) is in the bay", ["LICENSE_PLATE:7ABC123"]), ("the fridge from the Mbeki household", ["PERSON:Mbeki"]),
        ("Klingel Okonkwo/Schulz", ["PERSON:Okonkwo", "PERSON:Schulz"]), ("Contact on site: Thabo, 07700 900551.", ["PERSON:Thabo", "PHONE:07700 900551"]),
        ("rob said mr young complained", ["PERSON:rob", "PERSON:young"]), ("ask hope, she did the stock count", ["PERSON:hope"]),
        ("can someone tell precious her parcel's in?", ["PERSON:precious"]), ("the club (Margaret, Olive and June).", ["PERSON:Margaret", "PERSON:Olive", "PERSON:June"]),
        ("Who's dealing with Gallagher's return?", ["PERSON:Gallagher"]), ("name okafor oder so ähnlich", ["PERSON:okafor"]), ("danke!\nlg pia schwarz", ["PERSON:pia schwarz"]),
        // Plates with a second hyphen or after where a car stands; an age beside its cue, in digits or words; Irish-language streets.
        ("Kennzeichen des Abholers MS-KD-6441H.", ["LICENSE_PLATE:MS-KD-6441H"]), ("Parkplatz: UE VK 638 (Abholung)", ["LICENSE_PLATE:UE VK 638"]),
        ("car on drive XT13OFF.", ["LICENSE_PLATE:XT13OFF"]), ("give them a ring then, 0171 2345678", ["PHONE:0171 2345678"]), ("die Kundin wird 80 am 3. Mai!", ["DATE_OF_BIRTH:3. Mai"]),
        ("Sohn Wolfgang wird am 26.11. zehn.", ["PERSON:Wolfgang", "DATE_OF_BIRTH:26.11."]), ("she turns ten on 3 May, so", ["DATE_OF_BIRTH:3 May"]),
        ("The old one was 52 Cnoc na Gréine, please", ["ADDRESS:52 Cnoc na Gréine"]),
        ("collect from 85 Cnoc na Gréine, Co. Galway, H91 E7XC.", ["ADDRESS:85 Cnoc na Gréine, Co. Galway, H91 E7XC"]),
        // A given name the lists lack, opening an entry before another given name; not a noun opening a line.
        ("Beschwerde (Filiale): Gzim und Juana Kessler warten", ["PERSON:Gzim", "PERSON:Juana Kessler"]), ("Kaffee und Anna Schmidt", ["PERSON:Anna Schmidt"]),
        // Introductions in chat; a flat without a city; a member number whose owner the cue names; an English street after `still`.
        ("Customer: hi I'm max o'herlihy, my order", ["PERSON:max o'herlihy"]), ("customer: hi im amber, my order", ["PERSON:amber"]),
        ("Lieferadresse Imhofstrasse 7, Top 4.", ["ADDRESS:Imhofstrasse 7, Top 4"]), ("Kundennummer bei uns M5590213.", ["MEMBER_NUMBER:M5590213"]),
        ("Is the address still 82 Giblin Street?", ["ADDRESS:82 Giblin Street"]),
        // An Eircode of letters on its own line; a surname opening an entry before what the person did, capitalized or in chat.
        ("new address:\n86 Glenasmole Park\nKnocknacarra\nCo. Galway\nH91 NTRN\nThe old", ["ADDRESS:86 Glenasmole Park\nKnocknacarra\nCo. Galway\nH91 NTRN"]),
        ("Stephanie Wallace reports: Hanratty refused the delivery.", ["PERSON:Stephanie Wallace", "PERSON:Hanratty"]),
        ("steffen: schär hat im laden angerufen", ["PERSON:steffen", "PERSON:schär"]), ("lena: kunde hat angerufen", ["PERSON:lena"]),
        // A flat opens an address: the addressee before it stays a name; a street with a USPS suffix after a flat.
        ("label for Harriet Palmer, Studio 61W, Smith Bridge, Port Arthur, S50 2TN. Item", ["PERSON:Harriet Palmer", "ADDRESS:Studio 61W, Smith Bridge, Port Arthur, S50 2TN"]),
        ("Delivers to Apt. 896, 661 Wheeler Ports.", ["ADDRESS:Apt. 896, 661 Wheeler Ports"]),
        // A lowercase given name opening a clause in chat before an auxiliary; a colour only before what a person is doing.
        ("on lunch till 2, autumn is covering. still open", ["PERSON:autumn"]), ("ok so, precious has called twice", ["PERSON:precious"]),
        // Steuer-IDs are national ids; a bare `nummer?` answered by a phone; an order number in the sentence before a phone.
        ("Steuer-ID 40 968 135 424, bitte", ["NATIONAL_ID:40 968 135 424"]), ("welche nummer?\ndragan: 040/9387053", ["PERSON:dragan", "PHONE:040/9387053"]),
        ("Please cancel order #1448016. I'm on 085-3555871.", ["PHONE:085-3555871"]),
        // Plates two words after their cue; an identity card's number after words and a comma; a phone in brackets after a name.
        ("Kennzeichen des Abholers OS BC 4555.", ["LICENSE_PLATE:OS BC 4555"]), ("Kennzeichen am Tor IL-1 RJJ.", ["LICENSE_PLATE:IL-1 RJJ"]),
        ("Ausweis vorgelegt, Nr. YH8MX3T7J.", ["NATIONAL_ID:YH8MX3T7J"]), ("Rückruf bei Frau Prem (0463 63999463-63) offen", ["PERSON:Prem", "PHONE:0463 63999463-63"]),
        ("Kundennummer laut Profil 235879276.", ["MEMBER_NUMBER:235879276"]),
        // European given names the census lists lack; a double given name with a word part; a business named after a person.
        ("hat das Paket für Jannik angenommen.", ["PERSON:Jannik"]), ("Gruß, Ansgar", ["PERSON:Ansgar"]),
        ("Rechnung an Praxis Nowak, z. Hd.", ["PERSON:Nowak"]),
        // A month signing off; a pair signing off the text or before a new people verb; a given name joined to the writer.
        ("Can you check? Thanks!\nApril", ["PERSON:April"]), ("Kind regards,\nJune", ["PERSON:June"]),
        ("Please delete me for good!\nGrace Mark", ["PERSON:Grace Mark"]), ("Social team: April Baker tagged us", ["PERSON:April Baker"]),
        ("Summer and I both have cards", ["PERSON:Summer"]),
        // A flat before a street's name without a number; a military unit and box alone; lowercase streets in chat before a postcode.
        ("send a new one to Flat 27, Thomas Shoal? My mobile", ["ADDRESS:Flat 27, Thomas Shoal"]), ("change to PSC 2172, Box 3660", ["ADDRESS:PSC 2172, Box 3660"]),
        ("Address: Unit 7410 Box 5861, DPO AE 22905", ["ADDRESS:Unit 7410 Box 5861, DPO AE 22905"]),
        ("to my nan 5921 w 14th street apt 9c burlington vt 05401 shes in", ["ADDRESS:5921 w 14th street apt 9c burlington vt 05401"]),
        ("schick es am lindenhof 139 20095 hamburg vorbei", ["ADDRESS:am lindenhof 139 20095 hamburg"]),
        // Someone a courier may find absent; a given name before the phone it is reached on; a pair before a flat.
        ("Lieferhinweis: falls Brückner nicht da ist, bitte", ["PERSON:Brückner"]), ("Delivery note: if Baker is out, leave it", ["PERSON:Baker"]),
        ("nicht auffindbar, Mark unter 030 71717435 nicht erreichbar", ["PERSON:Mark", "PHONE:030 71717435"]),
        // A household named by its surname; a National Insurance number after `account`; a plate with four capitals after its hyphen.
        ("Summary: the Brooks couple report", ["PERSON:Brooks"]), ("for the trade account: GT011446A. Home", ["NATIONAL_ID:GT011446A"]),
        ("vehicle reg 63B-NQPR.", ["LICENSE_PLATE:63B-NQPR"]),
        // Someone away from work; a possessive before a birthday.
        ("Limerick – Rob is away on holiday.", ["PERSON:Rob"]), ("Nachricht: Till ist im Urlaub", ["PERSON:Till"]), ("a voucher for mia's bday", ["PERSON:mia"]),
        // A customer near a store still has a private address.
        ("I live near your store, 12 Elm Street, Leeds", ["ADDRESS:12 Elm Street, Leeds"]),
        // A date after an id's cue is the date of birth it is.
        ("Geburtsdatum laut Ausweis 12.04.1984.", ["DATE_OF_BIRTH:12.04.1984"]),
        ("with Faith Hope, Flat 2, 58 Hollybush Lane, Glasgow G12 8QQ", ["PERSON:Faith Hope", "ADDRESS:Flat 2, 58 Hollybush Lane, Glasgow G12 8QQ"]),
    ])
    func positives(text: String, expected: [String]) {
        #expect(found(text) == expected)
    }

    /// Cases of the classes the blind rounds 23 and 24 missed, typed up front: one literal of all cases is too much for the type checker.
    private static let roundTwentyFourCases: [(String, [String])] = [
        // A pair of word-names receiving a parcel, authorised or referring; a given name alone on the text's last line after a question.
        ("Parcel for Rob Fisher went astray", ["PERSON:Rob Fisher"]), ("Rose Rose is authorised to collect", ["PERSON:Rose Rose"]),
        ("Refer-a-friend: April Gray has already referred five", ["PERSON:April Gray"]), ("Can you take a look?\nWill", ["PERSON:Will"]),
        // A given name opening what a bracket after a phone says; a couple announcing itself; a lawyer's title.
        ("numbers: 0862785076 (Grace, marketing) and", ["PHONE:0862785076", "PERSON:Grace"]),
        ("Morning!\nAlexandra & Karl here – we'd", ["PERSON:Alexandra", "PERSON:Karl"]), ("Schreiben von RA Malte Winter heute", ["PERSON:Malte Winter"]),
        // A pair of word-names before a German street on the next line or after a comma.
        ("Abholauftrag: Till Winter\nKirchgasse 14c\n50667 Köln", ["PERSON:Till Winter", "ADDRESS:Kirchgasse 14c\n50667 Köln"]),
        // Lowercase names: a particle that is no German word, a word-surname ending the clause, a word-given name before a surname found,
        // a given name that is no word opening an entry; a role-word surname after a title and given name.
        ("paket 123 bin felix van dijk", ["PERSON:felix van dijk"]), ("bernard brown (as typed in chat) complained", ["PERSON:bernard brown"]),
        ("sendung 123 im hunter byrne", ["PERSON:hunter byrne"]), ("Zusammenfassung Chat: ottokar ärgert sich", ["PERSON:ottokar"]),
        ("Herr Horst-Peter Bruder kam vorbei", ["PERSON:Horst-Peter Bruder"]),
        // Not a word in brackets after a phone that is no name, nor a German preposition after a lowercase name.
        ("0171 2345678 (abends, bitte)", ["PHONE:0171 2345678"]), ("anna von nebenan hat angerufen", ["PERSON:anna"]),
        // Member numbers inside a phone's cue, after several accounts, a points account or the customer in brackets.
        ("the till says my number m-405311 doesnt exist", ["MEMBER_NUMBER:m-405311"]),
        ("I have two accounts (78 900 790 and 1515-4895) and", ["MEMBER_NUMBER:78 900 790", "MEMBER_NUMBER:1515-4895"]),
        ("Die Kundin (9247359-4) beschwert sich", ["MEMBER_NUMBER:9247359-4"]), ("Punktekonto (2440-0557).", ["MEMBER_NUMBER:2440-0557"]),
        // The writer again after `ich bins nochmal,`; thanks typed in a hurry; a name owning an account in mixed text; a name, an adverb and `gave her`.
        ("K: ich bins nochmal, lena. hat sich was getan?", ["PERSON:lena"]), ("C: ok thnaks grace!", ["PERSON:grace"]),
        ("Customer: i'm logged into brandon's account now", ["PERSON:brandon"]), ("- Daisy also gave her passport number", ["PERSON:Daisy"]),
        // A stop word before a surname after a naming cue or a closing; a given name before a relative in brackets after `by`;
        // a given name and surname in brackets after a phone.
        ("Name laut Konto: Else Rädel.", ["PERSON:Else Rädel"]), ("Das passt.\nFreundliche Grüße\nLine Grob", ["PERSON:Line Grob"]),
        ("Pickup by Summer (daughter) allowed", ["PERSON:Summer"]),
        ("Rückruf +49 30 259692160 (Hans-Dietrich Hettner). Danke", ["PHONE:+49 30 259692160", "PERSON:Hans-Dietrich Hettner"]),
        // A member number ends before a list's `and`.
        ("my cards cv 3824 4845 and CV 61610772 both", ["MEMBER_NUMBER:cv 3824 4845", "MEMBER_NUMBER:CV 61610772"]),
        // A number after a card named earlier in the sentence; Slavic letters alone; a Vietnamese short given name after one;
        // a UK plate without its space in brackets after a name; a lowercase name found marks its capitalized mention.
        ("Karte verloren, nummer ist 1021 5888", ["MEMBER_NUMBER:1021 5888"]), ("Kunde: ja genau, Hodžić wie im ausweis", ["PERSON:Hodžić"]),
        ("übergeben an Kollegin Vũ Thu.", ["PERSON:Vũ Thu"]), ("Driver Louis Green (BB26WHJ) reports", ["PERSON:Louis Green", "LICENSE_PLATE:BB26WHJ"]),
        ("Heike: ok dnake, hans-peter!\nHans-Peter (Service): Können Sie", ["PERSON:Heike", "PERSON:hans-peter", "PERSON:Hans-Peter"]),
        ("Dear Tony,\nas requested, here it is", ["PERSON:Tony"]),
        // Slavic letters in lowercase chat; a month labelling two chat lines and its other mentions; a month before a short name;
        // a name before a mail app's footer; a number after a name inside brackets; the writer's surname before `und`; a bare `Pass`.
        ("agnieszka: das paket soll paweł annehmen", ["PERSON:agnieszka", "PERSON:paweł"]),
        ("Ewa (Support): anything else?\nJune: it's my bday\nEwa (Support): Thanks June, let me check.\nJune: yeah",
         ["PERSON:Ewa", "PERSON:June", "PERSON:Ewa", "PERSON:June", "PERSON:June"]),
        ("Der Test lief mit Mai Anh.", ["PERSON:Mai Anh"]), ("Thanks for the help.\n\nJay\n\nSent from my iPhone", ["PERSON:Jay"]),
        ("another member (Sean Scott, 2137 7787). Reported", ["PERSON:Sean Scott", "MEMBER_NUMBER:2137 7787"]),
        ("ja hallo also ich bin alexei hettner und wollte fragen", ["PERSON:alexei hettner"]),
        ("Pass vorgezeigt (Nr. 107182159), aber", ["NATIONAL_ID:107182159"]),
        // A speaker whose role follows in brackets; a word-given name after a winner's colon or before a surname from a place; whom to
        // ring back; a UK postcode after `… Drive`; streets named `The …`; a postcode and town right after an English street; a possessive
        // before a German street.
        ("Tunde: bin tunde obi\nMaria (Service): Ich habe es hinterlegt.\nTunde: danke", ["PERSON:Tunde", "PERSON:tunde obi", "PERSON:Maria", "PERSON:Tunde"]),
        ("Gewinner: Mark Eisl", ["PERSON:Mark Eisl"]), ("can you ring Rusty back? thanks", ["PERSON:Rusty"]),
        ("correct is 169 Claremont Drive Leeds LS6 3HD.", ["ADDRESS:169 Claremont Drive Leeds LS6 3HD"]), ("car on drive XT13OFF", ["LICENSE_PLATE:XT13OFF"]),
        ("Postcode H91 X2TR Please call", ["ADDRESS:H91 X2TR"]),
        ("replacement part sent to 86 The Willows.", ["ADDRESS:86 The Willows"]),
        ("It should be 188 The Willows, Nottingham NG7 4YX. Please fix", ["ADDRESS:188 The Willows, Nottingham NG7 4YX"]),
        ("update her address to 10 Cronelly Street P43 F7PX Athenry.", ["ADDRESS:10 Cronelly Street P43 F7PX Athenry"]),
        ("dass Mitarbeiterin Iris seine Adresse Heserallee 12, 99319 Fürstenfeldbruck vorlas", ["PERSON:Iris", "ADDRESS:Heserallee 12, 99319 Fürstenfeldbruck"]),
        // A date of birth before `, of` and the address; a loyalty card's shape in lowercase or ending in a size letter; a filler before
        // the number that answers a question for it; a German postcode without its city.
        ("Summer Bell, date of birth 2 February 1975, of 9 Larkspur Close\nLeeds LS6 3HD",
         ["DATE_OF_BIRTH:2 February 1975", "ADDRESS:9 Larkspur Close\nLeeds LS6 3HD"]),
        ("ist das die gleiche wie lc-91392-m?", ["MEMBER_NUMBER:lc-91392-m"]), ("Punkte bitte auf LC-33625-M. Danke", ["MEMBER_NUMBER:LC-33625-M"]),
        ("MA: Wie lautet die Nummer auf Ihrer Karte?\nK: moment... 1006 0506\nMA: Danke", ["MEMBER_NUMBER:1006 0506"]),
        ("richtig is Mühlenweg 81 90402, sorry!!", ["ADDRESS:Mühlenweg 81 90402"]),
        // Whose account, whose return label; a surname in brackets after a role and before a comma; lowercase streets ending in `ring`,
        // a USPS type before a unit and a city on the next line.
        ("Fraud flag: account of April Khan logged in 5 times", ["PERSON:April Khan"]), ("Return label for Will Gardener: sent", ["PERSON:Will Gardener"]),
        ("Bitte auf das Konto von Horst-Dieter Etzold überweisen", ["PERSON:Horst-Dieter Etzold"]),
        ("das Paket beim Nachbarn (Sommer, 2. OG) abgegeben.", ["PERSON:Sommer"]), 
        ("sarah wants delivery to 5487 daniel street suite 401\nemilymouth, ky 88117 but the account says 28614 rachel flats suite 792. which",
         ["PERSON:sarah", "ADDRESS:5487 daniel street suite 401\nemilymouth, ky 88117", "ADDRESS:28614 rachel flats suite 792"]),
        ("gilda will dass wir an karzring 30 in 91499 göttingen liefern", ["PERSON:gilda", "ADDRESS:karzring 30 in 91499 göttingen"]),
        // Whose name a card is in, after a comma; whom a source is; whom the doorbell names.
        ("the card is in my wife's name, Savannah\nCS: ok", ["PERSON:Savannah"]), ("According to Robin the address on file is old", ["PERSON:Robin"]),
        ("the doorbell says Doherty.", ["PERSON:Doherty"]), ("Sie war super!\n\nGruß Dieter :)", ["PERSON:Dieter"]),
        ("Bearb.: Klein / AK", ["PERSON:Klein"]),
        ("Agent: How can I help?\nDakota: it's dakota garcia, member no 1585 1440\nAgent: ok",
         ["PERSON:Dakota", "PERSON:dakota garcia", "MEMBER_NUMBER:1585 1440"]), ("Agent: ok\nWill: i will call back\nAgent: ok", ["PERSON:Will"]), ("Anschrift: Bergmannstraße 53b, Münster", ["ADDRESS:Bergmannstraße 53b, Münster"]),
        ("wohnt Im Wiesengrund 134a, Köln.", ["ADDRESS:Im Wiesengrund 134a, Köln"]), ("Rückruf erfolgt. Krause / MK", ["PERSON:Krause"]), ("zofia, der schulze-wessel hat schon wieder angerufen", ["PERSON:zofia", "PERSON:schulze-wessel"]),
        // A chat line without capitals in a capitalized text reads as chat on its own.
        ("Agent: Was kann ich für Sie tun?\nKunde: bin ismail möller-demir, karte weg", ["PERSON:ismail möller-demir"]),
        ("Agent: Hello!\nCustomer: i'm logged into brandon's account now, is that ok?", ["PERSON:brandon"]),
        // A floor after a slash; a lowercase country prefix and a lowercase city with its joiner; a USPS type after `card to`.
        ("Adresse: Vogelsang 63 a / 4. Stock, 10145 Berlin.", ["ADDRESS:Vogelsang 63 a / 4. Stock, 10145 Berlin"]),
        ("wohne sophienstraße 24a / 4. stock in 60327 frankfurt am main / die karte", ["ADDRESS:sophienstraße 24a / 4. stock in 60327 frankfurt am main"]),
        ("wohne kastanienallee 54 a, 3. og, d-48178 münster", ["ADDRESS:kastanienallee 54 a, 3. og, d-48178 münster"]),
        ("pilot, send new card to 32661 Watson Hills", ["ADDRESS:32661 Watson Hills"]),
        // A surname that is no word ending the clause after a preposition; a name a parcel is for; a name next door.
        ("Sneaker für Feldmann, Versand morgen", ["PERSON:Feldmann"]), ("Abholstation: Paket für Till liegt bereit", ["PERSON:Till"]),
        ("der fahrer hat bei bianchi nebenan geklingelt :)", ["PERSON:bianchi"]), ("Fahrer hat bei Brunner nebenan geklingelt", ["PERSON:Brunner"]),
        // A lowercase handle a message came from; a gift card someone owns; the answer to a question for the surname.
        ("Kooperationsanfrage von @ruppersbergeri, danke", ["SOCIAL_HANDLE:@ruppersbergeri"]),
        ("just wondering if Destiny's gift card is still ok", ["PERSON:Destiny"]),
        ("Agent: Und Ihr Nachname bitte?\nKunde: ott\nAgent: Danke", ["PERSON:ott"]),
        // `im` for `I'm` after a comma before a given name that is a word; the writer between commas; `Mär.`; a capitalized `Van` as a
        // particle, not a vehicle; ten digits as a field of a contact record.
        ("star hope u can help, im grace", ["PERSON:grace"]), ("ich, John Kägi, geboren am 29. Nov. 1980", ["PERSON:John Kägi", "DATE_OF_BIRTH:29. Nov. 1980"]),
        ("Olivier Schoch, geb. 23. Mär. 1992, wünscht", ["PERSON:Olivier Schoch", "DATE_OF_BIRTH:23. Mär. 1992"]),
        ("Customer Van der Berg (cv51990688) asked", ["PERSON:Van der Berg", "MEMBER_NUMBER:cv51990688"]), ("Van ACZ 2775, driver", ["LICENSE_PLATE:ACZ 2775"]),
        ("my details: Megan Khan, 6086589760, megan17@aol.com.", ["PERSON:Megan Khan", "PHONE:6086589760", "EMAIL:megan17@aol.com"]),
        // A quoted CSV cell with a surname, a comma and a given name; Vietnamese middle names; a surname after a particle.
        ("\"Rivers, Chase\",\"+353 86 906 7949\"", ["PERSON:Rivers, Chase", "PHONE:+353 86 906 7949"]),
        ("Ambassador-Programm: Tran Van Minh, danke", ["PERSON:Tran Van Minh"]), ("Kundin Hoang Thi Mai, Tel 0341/84793538.", ["PERSON:Hoang Thi Mai", "PHONE:0341/84793538"]),
        ("wir (Van Minh & Thi Lan) heiraten", ["PERSON:Van Minh", "PERSON:Thi Lan"]), ("Peter de Vries called", ["PERSON:Peter de Vries"]),
        ("Nominiert wurde Till von Ahlen (Filiale Nord)", ["PERSON:Till von Ahlen"]),
        // The writer in brackets after `I`; a pair of words ending the clause after a preposition.
        ("hi i (miles) lost my rewards card. no", ["PERSON:miles"]), ("Auskunft angefordert von Rosa Frei. Danke", ["PERSON:Rosa Frei"]),
        // A name before the number it owns in brackets.
        ("Retourenlabel für Fuchs (cv 1536 7126) erstellt", ["PERSON:Fuchs", "MEMBER_NUMBER:cv 1536 7126"]),
        ("LG Gül (CV-7473-1155)", ["PERSON:Gül", "MEMBER_NUMBER:CV-7473-1155"]),
        // Lowercase English addresses: a unit with its dot, a flat on the line before, an Eircode on the line after the town.
        ("sent to 820 rose hill road apt. 12\nsavannah, ga 31408 ok", ["ADDRESS:820 rose hill road apt. 12\nsavannah, ga 31408"]),
        ("i live at apartment 11\n28 beechwood court\nkilkenny\nr95 w62y\nthanks", ["ADDRESS:apartment 11\n28 beechwood court\nkilkenny\nr95 w62y"]),
        // A month that is a given name, alone after a role and ending the clause.
        ("Kulanz, Kundin Mai.", ["PERSON:Mai"]),
        // A lowercase given name that is a word, alone ending the text after a sentence's end.
        ("ok see you soon. grace", ["PERSON:grace"]),
        // A lowercase surname announcing itself with `hier`; a parcel for an `Mc` name; streets opened by `Zur`/`Am` with an adjective;
        // lowercase ones after a delivery or address cue.
        ("leonardo luttenberger hier – kann ich", ["PERSON:leonardo luttenberger"]), ("parcel for McMangan undeliverable", ["PERSON:McMangan"]),
        ("neue Karte geht an Zur Alten Mühle 12a.", ["ADDRESS:Zur Alten Mühle 12a"]),
        ("lieferadresse am lindenhof 47, 10115 berlin", ["ADDRESS:am lindenhof 47, 10115 berlin"]),
        ("ja genau, lieferung an zur alten mühle 5, danke", ["ADDRESS:zur alten mühle 5"]),
        // A birthday without its year before the age and `wird` (two digits there are the age, not the year).
        ("Karte für Tochter Lea, die am 20. September 18 wird.", ["PERSON:Lea", "DATE_OF_BIRTH:20. September"]),
        // US states on the line after the city; a weak street type vouched for by a town after a comma; flats before a
        // house number or street name, also two of them and on the line before; a lowercase `#` unit; a street ending in `Dr.`.
        ("Deliver to:\n2765 Lakeshore Dr\nRaleigh\nNC 27605", ["ADDRESS:2765 Lakeshore Dr\nRaleigh\nNC 27605"]),
        ("returned from 352 Hughes Bypass, East Charlie – recipient unknown", ["ADDRESS:352 Hughes Bypass, East Charlie"]),
        ("to Flat 3, 9902 Wang Falls, Mccoyshire, FL 65117", ["ADDRESS:Flat 3, 9902 Wang Falls, Mccoyshire, FL 65117"]),
        ("no post to Studio 9\nGordon Square anymore", ["ADDRESS:Studio 9\nGordon Square"]),
        ("sofa to Apt 4B, Flat 68\nClarke Stravenue, Lake Jasmine, LE2 4HX, mobile", ["ADDRESS:Apt 4B, Flat 68\nClarke Stravenue, Lake Jasmine, LE2 4HX"]),
        ("im at 9598 lakeview blvd #12, springfield il 62704 hope u can", ["ADDRESS:9598 lakeview blvd #12, springfield il 62704"]),
        ("left at 7244 Oak Hollow Dr. Tracking 4411", ["ADDRESS:7244 Oak Hollow Dr."]),
        // German and Swiss addresses: a door on a line of its own, a city with lowercase links, a city's joiner and two words.
        ("Adresse:\nZürcherstrasse 49\nbei Tür 7\n8400 Winterthur\n\nDanke", ["ADDRESS:Zürcherstrasse 49\nbei Tür 7\n8400 Winterthur"]),
        ("Meilistrasse 841\nCH-3421 Plan-les-Ouates\nMit Dank", ["ADDRESS:Meilistrasse 841\nCH-3421 Plan-les-Ouates"]),
        ("Neuhauser-Platz 53\nA-7964 Purbach am Neusiedler See\nArt. 4", ["ADDRESS:Neuhauser-Platz 53\nA-7964 Purbach am Neusiedler See"]),
        // A given name that is a word announcing itself; numbers a customer gives: a regular's in brackets, a US phone answering.
        ("Frank here :) can you send my code", ["PERSON:Frank"]), ("Till hier 🙂 könnt ihr", ["PERSON:Till"]),
        ("Frau Schmidt ist Stammkundin (80745671).", ["PERSON:Schmidt", "MEMBER_NUMBER:80745671"]),
        ("My new phone number?\nCustomer: 202-555-0183\nAgent: ok", ["PHONE:202-555-0183"]),
        ("her number was 0044 131 4427908 ok", ["PHONE:0044 131 4427908"]),
        // A listed surname before a caller's verb mid-text; a given name after a relative before what they will do.
        ("Ferguson opened the parcel. Schwartz complains about staff", ["PERSON:Ferguson", "PERSON:Schwartz"]),
        ("Agent: hi\nCustomer: my husband yaw will pick it up tmrw", ["PERSON:yaw"]),
        // A month listed after a given name, signing; a lowercase pair of word-names opening a note before a verb; a word-name
        // collecting; a pair of word-names before `at` and an address.
        ("Thanks for the quick delivery! Love, Giulia & April", ["PERSON:Giulia", "PERSON:April"]),
        ("notiz: frank wolf ruft morgen wg. umtausch", ["PERSON:frank wolf"]), ("Click & Collect: Frank holt mit dem Auto ab", ["PERSON:Frank"]),
        ("Sky Hill at 1448 Maple Ave says the parcel is missing", ["PERSON:Sky Hill", "ADDRESS:1448 Maple Ave"]),
        // A lowercase couple announcing itself; a plate and an id by their table column; a member number answering the line
        // before with more after it; a month labelled as a first name; a given name before `turns` and an age.
        ("hi all, faith & josé here, we set up", ["PERSON:faith", "PERSON:josé"]),
        ("| Name | Kennzeichen | Datum |\n|---|---|---|\n| Bich Ngoc Rezaei | HB S 352 | 02.09.2025 |", ["PERSON:Bich Ngoc Rezaei", "LICENSE_PLATE:HB S 352"]),
        ("agent: whats your member number?\ncustomer: 71 614 078 and im at 3392 maple ave", ["MEMBER_NUMBER:71 614 078", "ADDRESS:3392 maple ave"]),
        ("Last name: Patel\nFirst name: June\nDOB: September 12, 1970", ["PERSON:Patel", "PERSON:June", "DATE_OF_BIRTH:September 12, 1970"]),
        ("Regular: Faith turns 60 on November 23rd", ["PERSON:Faith", "DATE_OF_BIRTH:November 23rd"]),
        // An id after `national ID`; a one-word `-way` street; a house letter ending the sentence; a phone's extension.
        ("national ID: 7100810248.", ["NATIONAL_ID:7100810248"]), ("address verified (9 Kingsway, Bristol BS3 4DJ), DOB", ["ADDRESS:9 Kingsway, Bristol BS3 4DJ"]),
        ("ich wohne Uhlandstr. 45 a.", ["ADDRESS:Uhlandstr. 45 a"]), ("Kundin lehnt Kontakt über 0251 7923613-201 ab", ["PHONE:0251 7923613-201"]),
        // Lowercase chat addresses: a four-digit code after a country prefix, a street confirmed after `adresse`; lowercase surnames
        // that are words, opening a clause before when they come or what they had open.
        ("wohne maria-theresien-straße 157/4/8, a-6020 innsbruck\nagent: Danke", ["ADDRESS:maria-theresien-straße 157/4/8, a-6020 innsbruck"]),
        ("umtausch offen, adresse am hang 78b stimmt. danke", ["ADDRESS:am hang 78b"]),
        ("jacke zurücklegen, engel kommt erst montag. klein hatte noch umtausch offen", ["PERSON:engel", "PERSON:klein"]),
        // Two names the detectors find side by side with one space between them are one placeholder.
        ("Filiale Schillerstraße: Quang Huy Le war heute da", ["PERSON:Quang Huy Le"]),
        // A lowercase US street with a direction after its type and a `#` unit.
        ("deliver to 28 peachtree rd ne #204, atlanta, ga 30305", ["ADDRESS:28 peachtree rd ne #204, atlanta, ga 30305"]),
        // A pair of word-names before their handle in brackets.
        ("- Creator Bishop Gray (@bishopfit) gets samples", ["PERSON:Bishop Gray", "SOCIAL_HANDLE:@bishopfit"]),
        // A word alone after `name is` or `heiße`; a name naming itself; staff in lowercase before a lexicon name; a word-name
        // speaking on the phone; a listed surname reported absent.
        ("I already said my name is Thu 🙄", ["PERSON:Thu"]), ("Hallo, ich heiße Mai.", ["PERSON:Mai"]),
        ("Guten Tag, Steiner mein Name. Rückruf bitte", ["PERSON:Steiner"]), ("Hope is my name.", ["PERSON:Hope"]),
        ("Complaint about sales assistant Miles. Refund", ["PERSON:Miles"]), ("Good afternoon, Hope speaking. A callback", ["PERSON:Hope"]),
        ("Courier reports: Boateng not home, card left", ["PERSON:Boateng"]),
        // Cues: a customer's number abbreviated, a passport number abbreviated, an id checked at collection.
        ("Order for cust no. 8728-3677 shipped", ["MEMBER_NUMBER:8728-3677"]), ("Reisepassnr. CPHN517WR liegt vor", ["NATIONAL_ID:CPHN517WR"]),
        ("Collected, ID checked: L24151606.", ["NATIONAL_ID:L24151606"]),
        // A generational suffix belongs to the name; a number that stays; a passport's genitive; `lt.` between cue and value;
        // a lowercase `van` after a given name is a particle, not the vehicle; first names labelled in a form.
        ("Datenpanne: Ella Koch II (CV03413721) hat", ["PERSON:Ella Koch II", "MEMBER_NUMBER:CV03413721"]),
        ("Kundennr. bleibt VK1606682.", ["MEMBER_NUMBER:VK1606682"]), ("Kopie eines Personalausweises: XG9TK73K5. Danke", ["NATIONAL_ID:XG9TK73K5"]),
        ("Versichertennummer lt. Kunde: B607694843. Bitte", ["NATIONAL_ID:B607694843"]),
        ("Absender Rosa van Dijk (cv00792007).", ["PERSON:Rosa van Dijk", "MEMBER_NUMBER:cv00792007"]),
        ("Vorname: Jülide\nNachname: Kowalska-Mazur", ["PERSON:Jülide", "PERSON:Kowalska-Mazur"]),
        // A dotted birth date typed with spaces after its dots.
        ("Geb.: 16. 11. 1959\nTel.: bitte", ["DATE_OF_BIRTH:16. 11. 1959"]),
        // A `Lodge` street with a unit, and the town, state and ZIP on the next line.
        ("Here it is:\n89310 Middleton Lodge Apt. 019\nJoseport, NH 60383\nStephanie", ["ADDRESS:89310 Middleton Lodge Apt. 019\nJoseport, NH 60383", "PERSON:Stephanie"]),
        // A surname in quotes who took the delivery.
        ("am 27.10. zugestellt an „Nowak“.", ["PERSON:Nowak"]), ("am 23. Juni zugestellt an „Zielińska“.", ["PERSON:Zielińska"]), ("Delivered 9 Sep and signed for by \"Ward\".", ["PERSON:Ward"]),
    ]

    /// Classes from rounds 30, F12, 31 and F13's development halves.
    private static let roundThirtyCases: [(String, [String])] = [
        // Two surnames joined by a slash; a speaker who answers a chat role; a name with its role after it.
        ("Hochzeitsliste Haddad/Huber: bitte Gutschein anlegen", ["PERSON:Haddad", "PERSON:Huber"]),
        ("Jülide: hallo ich wollte fragen\nAgent: gerne\nJülide: danke", ["PERSON:Jülide", "PERSON:Jülide"]),
        ("Jack (driver) reports: name wrong", ["PERSON:Jack"]), ("Anna Becker, neighbour, took it", ["PERSON:Anna Becker"]), ("Nachbar Raphaela (Mans) hat das Paket", ["PERSON:Raphaela", "PERSON:Mans"]),
        // `Jan` is a given name before a surname; staff named by a compound role or as a guard; full names joined by `&`.
        ("Viele Grüße, Jan Bachmann", ["PERSON:Jan Bachmann"]), ("Vorfall mit Security-Mitarbeiter Lammer, Videoaufnahmen sichern.", ["PERSON:Lammer"]),
        ("incident with security guard Humphreys, keep CCTV.", ["PERSON:Humphreys"]),
        ("Winners are: Niamh Haddad, Esther Ellison & Danielle Jones.", ["PERSON:Niamh Haddad", "PERSON:Esther Ellison", "PERSON:Danielle Jones"]),
        ("Frau zur Mühlen ruft an", ["PERSON:zur Mühlen"]),
        // A speaker after a chat export's time stamp; the time stamp is no date of birth or member number.
        ("Ihre Mitgliedsnummer bitte?\n17.12.25, 08:04 - Artjom Demirci: Moment\n17.12.25, 08:05 - Kunde: danke\n17.12.25, 08:06 - Artjom Demirci: gern",
         ["PERSON:Artjom Demirci", "PERSON:Artjom Demirci"]),
        // A town with state and ZIP alone; a postcode after `postcode is`; an Austrian postcode and town before the street.
        ("Ship to North Charlesborough, OH 24952, leave in porch", ["ADDRESS:North Charlesborough, OH 24952"]),
        ("luke: postcode is pl18 9ff", ["PERSON:luke", "ADDRESS:pl18 9ff"]), ("Anschrift: 2211 Klagenfurt, Ahorngasse 47/5", ["ADDRESS:2211 Klagenfurt, Ahorngasse 47/5"]),
        ("Melanie Gruber\n6716 St. Pölten, Im Winkel 2", ["PERSON:Melanie Gruber", "ADDRESS:6716 St. Pölten, Im Winkel 2"]),
        // A bare `number` written like a US phone; a date of birth after `customer DOB`, not the deadline after it.
        ("I've saved your number 720-555-0108.", ["PHONE:720-555-0108"]), ("customer DOB 28/11/1989, 20% valid until 16th Jan", ["DATE_OF_BIRTH:28/11/1989"]),
        // Labels a plate's cue opens that run to a colon; the Austrian social security number; a handle after `Partnership with`.
        ("Kennzeichen Transporter für die Sperrgutabholung: DD CX 3601", ["LICENSE_PLATE:DD CX 3601"]),
        ("registration for bulky item pickup: RDB 6476", ["LICENSE_PLATE:RDB 6476"]), ("Sozialversicherungsnr. 4626 011076", ["NATIONAL_ID:4626 011076"]),
        ("Partnership with @thetomaszo – contract", ["SOCIAL_HANDLE:@thetomaszo"]),
        // A maiden name; a three-letter name owning something in chat; a surname that is also a German word after a given name.
        ("Bitte auf meinen Mädchennamen Russo ändern.", ["PERSON:Russo"]), ("anna: ist oles karte auch gesperrt?", ["PERSON:anna", "PERSON:ole"]),
        ("Complaint from Kirsty Allen, tel 0131 496 0531", ["PERSON:Kirsty Allen", "PHONE:0131 496 0531"]), ("jamie: my ig is @jamiedaniels", ["PERSON:jamie", "SOCIAL_HANDLE:@jamiedaniels"]),
        // An Austrian town's region, a Swiss town's two names, a town with a prefix.
        ("neue Adresse: Eiblplatz 9, 4920 Rohrbach in Oberösterreich", ["ADDRESS:Eiblplatz 9, 4920 Rohrbach in Oberösterreich"]),
        ("wohne in der Rue du Lac 86 2502 Biel/Bienne, bitte", ["ADDRESS:Rue du Lac 86 2502 Biel/Bienne"]),
        ("Antwort an Anichstraße 120\nA-2700 Wiener Neustadt", ["ADDRESS:Anichstraße 120\nA-2700 Wiener Neustadt"]),
        // Member numbers in a table's card column and in the catalog's format before the next cell; a quoted display name, surname first.
        ("| Vorname | Nachname | Karte | Punkte |\n| Hartmut | Ricci | M-2966886 | 500 |",
         ["PERSON:Hartmut", "PERSON:Ricci", "MEMBER_NUMBER:M-2966886"]),
        ("Punkte-Liste\nSusanne\tZiegler\tcv00395154\t1000", ["PERSON:Susanne\tZiegler", "MEMBER_NUMBER:cv00395154"]),
        ("Von: \"Jäntsch, Dana\" <dana-jaen@web.de>", ["PERSON:Jäntsch", "PERSON:Dana", "EMAIL:dana-jaen@web.de"]),
    ]

    /// Classes from round 32's session: world given names, verbs only people do, `Mc` surnames, initials, particles after a full name,
    /// speakers with a bracketed role, CSV name cells, congratulations, handles that spell a name.
    private static let roundThirtyTwoCases: [(String, [String])] = [
        // A given name the census lists lack, from another country of the first-name dictionary; a subject of a verb of thinking.
        ("Super Beratung, Jekaterina hat sich Zeit genommen.", ["PERSON:Jekaterina"]), ("the app says 500, Tyler thinks it should be more", ["PERSON:Tyler"]),
        ("Jonas Weber hat gestern angerufen", ["PERSON:Jonas Weber"]),
        // An Irish or Scottish surname the lists lack; an initial and a surname after `von` or signing a line.
        ("leave it with Kurt McCurtin next door", ["PERSON:Kurt McCurtin"]), ("Vorgang bereits von G. Junken bearbeitet", ["PERSON:G. Junken"]),
        ("Danke\n- – T. Trubin, Team Filiale", ["PERSON:T. Trubin"]),
        // A preposition after a given name and surname says what for, not whose name.
        ("Ware liegt bei Malte Scholz zur Prüfung, Rückmeldung folgt", ["PERSON:Malte Scholz"]),
        ("Anna Weber von der Filiale rief an", ["PERSON:Anna Weber"]),
        // A speaker whose role follows in brackets, also after a time stamp; the role is no name.
        ("[09:14] Ernst (Support): Guten Morgen!", ["PERSON:Ernst"]), ("Florence (Customer Care): Hi", ["PERSON:Florence"]),
        ("gaz (warehouse): which one?\nanna: ok\ngaz (warehouse): nah", ["PERSON:gaz", "PERSON:anna", "PERSON:gaz"]),
        // A surname and a given name in a CSV row's cells; a given name and an initial in quotes; a name congratulated.
        ("CV00021971;Weber;Andreas;letzter Kauf 2021", ["MEMBER_NUMBER:CV00021971", "PERSON:Weber", "PERSON:Andreas"]),
        ("CV06533770,MacLeod,Morag,last purchase 2021", ["MEMBER_NUMBER:CV06533770", "PERSON:MacLeod", "PERSON:Morag"]),
        ("Trustpilot: Nutzerin „Francesca E.\" schreibt", ["PERSON:Francesca E."]), ("review: user \"Dolores C.\" says", ["PERSON:Dolores C."]),
        ("Herzlichen Glückwunsch, özlem! Du hast gewonnen", ["PERSON:özlem"]), ("\"Congratulations maria! You won\"", ["PERSON:maria"]),
        // Handles of letters only that spell a name; several member numbers after one cue; a passport copy's number.
        ("Barbara Blaser (@barbarastyle). Anreise", ["PERSON:Barbara Blaser", "SOCIAL_HANDLE:@barbarastyle"]),
        ("Illustrator | @themarkallen", ["SOCIAL_HANDLE:@themarkallen"]),
        ("member numbers M-003693 and CLUB-469-9330", ["MEMBER_NUMBER:M-003693", "MEMBER_NUMBER:CLUB-469-9330"]),
        ("Passkopie geschickt (Nr. GGW0N8366).", ["NATIONAL_ID:GGW0N8366"]),
        // A US street named for a person with a USPS suffix; a surname that is a street type before `at` and an address.
        ("replacement posted to 9138 Ivan Club on 5 January.", ["ADDRESS:9138 Ivan Club"]), ("Street: 2 Samuel Overpass", ["ADDRESS:2 Samuel Overpass"]),
        ("take the fridge away from Eric Lane at 102 Joseph Views.", ["PERSON:Eric Lane", "ADDRESS:102 Joseph Views"]),
        // A surname, a comma and a given name after a cue; a creator named by role; a given name that is also a city after a cue.
        ("KD Chevalier, Manon, geb. 19.04.1947", ["PERSON:Chevalier, Manon", "DATE_OF_BIRTH:19.04.1947"]),
        ("Collab request: podcaster Savannah Walker", ["PERSON:Savannah Walker"]), ("Kunde Milan Kohl, Kundenkarte", ["PERSON:Milan Kohl"]),
        // A given name that is a word and a surname that is a stop word, signing after a closing.
        ("Best,\nMark Allen\nIllustrator", ["PERSON:Mark Allen"]),
        // A frequent German given name that a rare noun shares; a brand's name before a surname that is no word; a recipient before a street.
        ("Lieferung an HANS MEIER", ["PERSON:HANS MEIER"]), ("The card is in my name, Chloé Dubois.", ["PERSON:Chloé Dubois"]),
        ("Hauptgewinn geht an Wesack, Alf-Hein-Straße 69", ["PERSON:Wesack", "ADDRESS:Alf-Hein-Straße 69"]),
        ("Lieferung an Filiale, Hauptstraße 5", ["ADDRESS:Hauptstraße 5"]),
        // An identity card's number after the document is named; an IP address after a cue for member numbers.
        ("Ausweis von Sebastian gesehen (Nr. LVXLC97CN)", ["PERSON:Sebastian", "NATIONAL_ID:LVXLC97CN"]),
        ("placed by customer (IP 84.144.177.170)", ["IP:84.144.177.170"]),
        // Away from work a few words later; a colleague from a team; a closing before a name and an emoji; `Hochachtungsvoll`.
        ("- Rose ist ab 14 Uhr krank", ["PERSON:Rose"]), ("Mark from security has the key", ["PERSON:Mark"]),
        ("[Customer] thanks Miles 😊", ["PERSON:Miles"]), ("Hochachtungsvoll\nBrandtner", ["PERSON:Brandtner"]),
        // A customer in the dative; a name signing before a forwarded message.
        ("wer ist heut beim kunden Bolliger?", ["PERSON:Bolliger"]), ("Jürgen (Müller-Lüdenscheidt) hat neue Handynr", ["PERSON:Jürgen", "PERSON:Müller-Lüdenscheidt"]), ("Danke!\n\nMadison\n\n---------- Forwarded message", ["PERSON:Madison"]),
        // An age cue after the date, ending its clause; an identity card number with its check digit.
        ("Liebes Team,\nam 16.12. wird mein Mann 60 – habt ihr Geschenkboxen?", ["DATE_OF_BIRTH:16.12."]), ("on 3 May my dad turns 70!", ["DATE_OF_BIRTH:3 May"]),
        ("Personalausweis vorgelegt (Nr. CK278LXNT9), ok", ["NATIONAL_ID:CK278LXNT9"]),
        // Known over-redaction by the name model: a surname joined to a noun the lists also hold as a surname, and shops named by
        // a founder's possessive in a list. Spurious placeholders, no leak; the note of the session that added the model lists them.
        ("Salz und Pfeffer", ["PERSON:Pfeffer"]), ("schemes at Macy's, Kohl's, Dillard's and Lowe's.", ["PERSON:Kohl", "PERSON:Dillard"]),
    ]

    @Test("found: world given names, verbs only people do, Mc surnames, initials after a cue, a preposition after a full name",
          arguments: roundThirtyTwoCases)
    func positivesOfRoundThirtyTwo(text: String, expected: [String]) {
        #expect(found(text) == expected)
    }

    @Test("found: slash couples, speakers answering a role, names before a role, chat time stamps, labels running to a colon, town-state-ZIP",
          arguments: roundThirtyCases)
    func positivesOfRoundThirty(text: String, expected: [String]) {
        #expect(found(text) == expected)
    }

    @Test("found: word-name pairs by what they receive or do, bracketed and signing names, chat names, member numbers by their card",
          arguments: roundTwentyFourCases)
    func positivesOfLaterRounds(text: String, expected: [String]) {
        #expect(found(text) == expected)
    }

    @Test("defect classes from a peer's recognizer tests", arguments: [
        ("4111111111111111 5500000000000004 340000000000009", ["CARD:4111111111111111", "CARD:5500000000000004", "CARD:340000000000009"]),
        ("Diners 30569309025904 ok", ["CARD:30569309025904"]),
        ("Maestro 6759649826438453", ["CARD:6759649826438453"]),
        ("Dankort 5019717010103742", ["CARD:5019717010103742"]),
        ("UATP 122000000000003", ["CARD:122000000000003"]),
        ("from ::ffff:10.0.0.1 today", ["IP:::ffff:10.0.0.1"]),
        ("Konto NO9386011117947", ["IBAN:NO9386011117947"]),
        ("+44 (20) 7123 4567", ["PHONE:+44 (20) 7123 4567"]),
        ("(415) 555-0132", ["PHONE:(415) 555-0132"]),
        ("IBAN DE89370400440532013001 bitte", ["IBAN:DE89370400440532013001"]),
        ("Steuer-ID: 12345678901", ["NATIONAL_ID:12345678901"]),
    ])
    func peerDefects(text: String, expected: [String]) {
        #expect(found(text) == expected)
    }

    @Test("Unicode spellings: decomposed umlauts, zero-width characters and full-width digits are matched, offsets stay the original ones")
    func unicodeSpellings() {
        let decomposed = "Hallo Ju\u{308}rgen Strau\u{df},"
        #expect(found(decomposed) == ["PERSON:Ju\u{308}rgen Strau\u{df}"])
        let zeroWidth = "Kundin Le\u{200B}na Schmidt ruft an"
        #expect(found(zeroWidth) == ["PERSON:Le\u{200B}na Schmidt"])
        let fullWidth = "Tel. \u{FF10}\u{FF11}\u{FF17}\u{FF11} 2345678"
        #expect(found(fullWidth) == ["PHONE:\u{FF10}\u{FF11}\u{FF17}\u{FF11} 2345678"])
        let known = Redactor(knownValues: ["last_name": "Müller"], memberNumberPattern: nil)
        #expect(known.detect("Frau Mu\u{308}ller").map(\.start) == [5])
        // Known values in other spellings: without Turkish letters, a birthday without its year; a
        // known name that is also a word counts only with its capital.
        let member = Redactor(knownValues: ["last_name": "Yıldız", "first_name": "Will", "birthday": "1990-11-02"], memberNumberPattern: nil)
        #expect(member.detect("Aylin Yildiz kauft").contains { $0.field == "last_name" })
        #expect(member.detect("Ihr Geburtstag ist am 2.11.").contains { $0.type == .dateOfBirth })
        #expect(!member.detect("The courier will call on Monday.").contains { $0.field == "first_name" })
        // A known value inside a wider detection of its type: the member number keeps its field and
        // is redacted whole; a name adds its other words as names of their own.
        let known2 = Redactor(knownValues: ["member_number": "CV77468233", "first_name": "Giuseppe"], memberNumberPattern: nil)
        let card = known2.detect("Kundenkarte CV 77468233 bitte")
        #expect(card.count == 1 && card[0].start == 12 && card[0].end == 23 && card[0].field == "member_number", "\(card)")
        let names = known2.detect("Notiz: Giuseppe Bianchi hat angerufen")
        #expect(names.map { [$0.start, $0.end] } == [[7, 15], [16, 23]] && names[0].field == "first_name" && names[1].field == nil, "\(names)")
        // The member's first and last name side by side: one placeholder (no space left between two), needing both fields to demask.
        let full = Redactor(knownValues: ["first_name": "Tom", "last_name": "Whelan"], memberNumberPattern: nil).detect("I'm Tom Whelan, hi")
        #expect(full.count == 1 && full[0].start == 4 && full[0].end == 14 && full[0].field == "first_name last_name", "\(full)")
        // A known first name with a possessive `s`, and the member number's digits in groups of four without its letters.
        let owner = Redactor(knownValues: ["first_name": "Tom", "member_number": "CV83393060"], memberNumberPattern: nil)
        let possessive = owner.detect("bitte schreib an toms mail, danke")
        #expect(possessive.map { [$0.start, $0.end] } == [[17, 20]] && possessive[0].field == "first_name", "\(possessive)")
        let grouped = owner.detect("Kundenkarte verloren (8339 3060).")
        #expect(grouped.map { [$0.start, $0.end] } == [[22, 31]] && grouped[0].field == "member_number", "\(grouped)")
        #expect(!owner.detect("Tomsk liegt in Sibirien").contains { $0.field == "first_name" })
    }

    @Test("not personal data", arguments: [
        "liebe Grüße aus Köln", "Viele Grüße, Ihr Team", "Hugo Boss und Tommy Hilfiger sind reduziert", "Die Weber-Grills sind im Angebot",
        "der Koch empfiehlt den Fisch", "Bestellnummer 0123456789 ist unterwegs", "Aktion vom 01.07. bis 31.07.2026", "Preis 49,99 € statt 59,99 €",
        "Dear customer, thanks for shopping", "Our New York store opens at 9", "version 5.3.2 in 4 steps", "Sale ends 12/24/2026",
        "Tracking 00340434161094042557", "um 14:30 Uhr in der Filiale", "Sommer-Sale mit 30 % Rabatt",
        "Mo. 9–18 Uhr, Fr. 9–20 Uhr, Sa. 10–16 Uhr", "App version 2.14.3.1 ist da", "Order number 100234567 shipped", "SKU 123-45-6789-XL",
        "coupon @SAVE20 gilt bis Sonntag", "der weg 12 war lang", "Johnson & Johnson Pflaster", "Mon–Fri 9–5, Jan 17 closed",
        "zum Parkplatz 3 bitte", "z. B. Weber-Grill", "Danke & LG", "German Steuer-ID rules", "Dear Valued Customer,", "Lieferung am 12.03. geplant", "Calvin Klein und Tommy Hilfiger",
        "Umtausch Größe 38 gegen 40", "Sie hat zuletzt Jeans Slim Fit gekauft", "Preis inkl. MwSt.",
        // Products in quotes, branches named after their street, two ordinary words, brands.
        "das Sofa „Greta“ ist angekommen", "the 'Sigrid' dining table", "our Baker Street branch opens", "at the Elm Street register",
        "Return reason: Rose Gold looks different", "Summer Sale up to 50 %", "Sie kauft gern Dr. Martens", "Barbie und Playmobil",
        "after Tuesday's update", "Code HERBST15 gilt", "kannst du ne mail schreiben",
        // Role mailboxes, greetings after a speaker, a sentence between greeting and word, article numbers, carrier tracking.
        "Bewerbungen an jobs@kaufhaus-lindner.de", "Kundin: Buongiorno, wie geht es", "Hallo! Darf ich fragen", "Jacke, EAN 4063537728184, Navy",
        "Sendung DHL 00340434161094015902 unterwegs",
        // Speech after a speaking role, contractions, reply prefixes, brands and places that read as names, event dates of old.
        "Kundin: Ja, das passt so", "Customer: Can I change my order?", "I've ordered the Jo Malone candle", "Re: Bestellung 4471",
        "Wir führen Melitta und Rosenthal", "the Kensington branch has it", "Kundin seit 01.03.2019, sehr treu", "Rechnung vom 12.03.2004 liegt bei",
        "we are 2 days away and so close", "buy 3 get 1 free on the street", "2 pairs and a 3rd row",
        // Shops and products named after people, a template placeholder, saints' days.
        "[14:02] Schuhhaus Brenner: Ihre Bestellung ist da", "Never again, Gallagher's Footwear!", "Team at The Linen Loft",
        "ich möchte die Peter Kaiser-Schuhe zurückgeben", "Käthe Kruse Puppen und Lego", "Hi [First name], your parcel", "St Patrick's Day event", "Winterweiß (2024) und Sommer (2025)",
        "Our channels: Instagram @example_store, TikTok https://www.tiktok.com/@example_store, X x.com/example_store",
        "Folgt uns auf Instagram: @modehaus_lange", "Preis 3,0171 € pro Stück",
        "Besucher: Hallo, der Warenkorb\nBot: Welcher Browser?\nBesucher: Firefox", "Repost über @schuhhaus_albrecht", "Newsletter-Test Black Week",
        "ist die Jacke von Marc O'Polo in M noch da?",
        "Birthday email brief 10/15/2025: 15% off", "open 24 Dec 9–1, 27–30 Dec 10–6", "Dear Hollis Home,\nthanks", "Sender Quill & Ember Books; hero image",
        "stocktake Boxing Day", "Reason: colour off",
        // A particle after `called`, a sentence after a template placeholder, a note in brackets after a city, a bare `member` of old.
        "she rang twice and nobody called back. Please contact today!", "instead of {{first_name}}. Affected were many.",
        "Member since 2019, very loyal", "Mitglied seit 2019", "half price on 1/2 of the range",
        // Prose with commas after a line of column-like words; a table without personal columns.
        "Bitte Name, Adresse und Telefon angeben\nDanke, bis morgen", "sku,colour,size\nA-113,Navy,M",
        // A 20-digit parcel number, a title after a quantity, a brand's audio box.
        "Retourenlabel 00340434336433446441.", "Tante Fanny Blätterteig, 25 Dr. Oetker Pizza – Abweichung 20%.",
        "Benjamin Blümchen Hörspiel-Box € 25,90", "Jedes Kind bekommt einen Schoko-Nikolaus",
        // A label of a form line, a note after a dash, a product code, a product and a brand product named after people.
        "Status: offen\nJob: 4711 erledigt", "Zustellung in Dresden – Hinweis: bitte beim Nachbarn klingeln", "Größe L, Art.-Nr. MX-263-BLK.",
        "Two-person delivery, Chelsea boots on Monday", "Sie bekommt das Karl Lagerfeld-Paket.",
        // Lowercase line labels of a note, not a chat; a two-word label that is no name.
        "status: offen\nnotiz: kunde ruft an\nfrist: morgen", "Order Status: shipped\nDelivery Date: Friday",
        // A number between cue and noun; teams and departments signing; loyalty mailboxes; a brand after its title; a year is no postcode.
        "Rückgabe innerhalb von 30 Tagen", "danke für 10 Jahre Treue!", "Gruß, IT-Support", "Hallo Frischmarkt Kranz-Team,", "Zielgruppe Pilot: Stammkunden",
        "From: loyalty@greenwaygrocers.co.uk", "Fragen an treue@kaufhaus-seidel.de", "15 % auf alle Dr. Oetker-Artikel", "Wir haben 3 Paletten Dr. Oetker bekommen",
        "siehe Kapitel 7, 2024 Berlin", "Kennzeichen bitte prüfen",
        // A country after a preposition, form labels in a sign-off, a loyalty tier.
        "Does the card work in Ireland?", "Mailing sign-off\nAuthor: pending\nReviewer: pending", "15% bonus for Gold, expiry after 36 months",
        // A renovation date after `wird`, greetings, a driver's parcel, `via` before an acronym, a flagship on its avenue, an order total.
        "Die Filiale Schillerstraße wird am 28.11.2024 renoviert", "Grüß Gott und servus!", "for the driver: parcel for the depot",
        "verified via DOB check", "outside the Michigan Ave flagship", "order 12345, total 60622",
        "Regards, Security Operations", "Hugo Boss Sakko, Farbe Navy", "Harvey Nichols gift card", "Rose Gold says it all", "the will said so",
        // Words after a greeting or a thanks that address no one; digits after a birth cue that are no date; a year that is no birth year.
        "Agent: Thanks, noted.", "hi guys, quick one", "danke schön, bis bald", "thanks so much!", "Hi both! Yes, I remember.", "Love always",
        "it has the best stuff.", "Bestellung seiner Frau stornieren.", "Geburtstagsaktion 20240312 gestartet", "Jahrgang 2019 Riesling",
        "Most returned: jeans", "gift card GIFT-57123 won't redeem", "order number ORD-622370 shipped", "Bestell-Nummer WEB-6013494",
        "This is what the link does", "Pos. 2  ART-8521-L  Einstein-Tasse", "Artikel SKU-4031-XL", "Bestellung 2025233800 ist da", "Last login from the app", "Last promise from the store",
        "die Größen fallen klein aus, S war zu eng", "Aktion im Mai 2026", "Kunde möchte umtauschen", "Mitglied seit 2013, member for 10 years", "Konto nach 5 Fehlversuchen gesperrt", "Kunde (WhatsApp): Hi",
        "Absender (UPS): Adresse unvollständig", "Rückgabe innerhalb von 30 Tagen mit Bon.", "Opening May 2026", "Perso VORGELEGT", "| Kunde | Summe |\n| Filiale | 12 € |", "ich gehe im Laden vorbei", "Dec 24 stores close 2pm",
        "Radiospot (20 Sek.).", "Call from the store", "Betty Crocker mixes and Johnnie Walker", "a weekend at the Savoy", "note: customer rang again", "someone called twice", "no problem, 1234 items", "hi there 😊 quick question", "Wie ist Ihre Kundennummer?\nKunde: weiß ich nicht, 2019 angemeldet", "Mo.–Fr. geöffnet, Fr. 9–20 Uhr", "Eckdaten:\n- Prämie: 19,99 € Gutschein\n- Zeitraum vom 1. bis 14. Dezember", "Menü:\n2. Café – Kuchen", "parcel now at the Victoria Centre store", "Marks & Spencer voucher", "Tom & Jerry Tasse", "What is the name of the product?\nIt's the blue one",
        "Zara opened a new store in Leeds", "20% off at Zara Home this week", "member Benefits include free delivery", "Mitglied seit 2019",
        "Jil Sander und Hugo Boss", "Rock and Roll Nacht", "Version 2.1.617.555.0142", "Box 617-555-0142xyz", "Get 3 Free Club Passes", "Buy 2 Garden Chairs today", "in Olive Green and Pearl White", "from the Rose Hill estate",
        "Will Power Workshop", "Bestellung BO-15037-US ist unterwegs", "gift cards from batch GC-2141-E are invalid", "Beste Grüße",
        "Gartenmarkt Grünfink: Hallo, danke", "ich wohne seit 5 Jahren hier", "insta ist super", "snap 4.0 update", "from all marketing lists. Done.", "Datenänderung lt. Anruf: neue Mail",
        "Geburtstagsmailing – Testempfänger (intern)", "we sold 5 of them way too fast", "summer sale here, 20 % off", "2 people walk in daily", "3 mews cottages to let", "Instagram post for @casaverde_uk please", "ich hab euch auf @casaverde_de markiert", "Öffnungszeiten 9–18 Uhr, 2019–2023",
        "hi, it's Monday again", "kein problem, geburtsdatum?", "Evri says the parcel is late", "Warum fragt die Kasse nach der PLZ?",
        "please call Support.", "No problem, we will fix it",
        "Dr. Martens boots 20% off", "Bot: Danke. Hast du den Kaufbeleg?", "liebe grüße!\nviele grüße aus Bremen", "Liebe Clubmitglieder, ab heute",
        "Tasting: Newman's Own relish",
        "in the style of: Wolf Grey, Sage, Rose, Coral, Jade", "Dear [Title] [Surname],", "To: Customer Relations", "Gewinner Adventskalender",
        "Questions? support@hollisgrey.co.uk", "DM us at @fitzgeraldsstore", "durch Black Friday", "- Rose: 20% off", "Äpfel (Boskop oder Granny Smith)", "recipe post for Instagram (@brightcart) using",
        "Instagram DM on behalf of @penrose.home:",
        "mein Mann kann nicht", "my brother will pick it up", "hi my husband set up an account", "Retoure BE79432988 auf die IBAN",
        "| Name | Kundennummer |\n|---|---|\n| – | – |", "Birthday club promo: from 22nd of May to 3 July every member", "Geburtstagsaktion: Vom 29.06. bis 9.11. für alle",
        "Hey lovelies, new stock!", "my name is clearly on it.", "Hallo Schatz, Liebe Grüße", "Wer zwischen dem 1. und 7. Mai Geburtstag hat", "Geburtstagsaktion 1.–7. Mai", "Flights to Charlotte said to be late", "Lego Technic Porsche for him", "Frank Green bottles, Wolf Blass wine", "Welcome to Parker Lane Market", "early access to Moët & Chandon", "Contact noreply@marlowfinch.com", "supplier Newton-Graham delivers", "Paket bei der Post abgegeben", "1 point per pound, 15% bonus", "200g caster sugar, 4 eggs",
        "Notes:\n- Milk, Dairy team", "Fragebogen 2025 ausfüllen", "Betreffzeile 2 ändern", "auf Augenhöhe. Regalhöhe 1,80 m", "Filiale Kaiser-Wilhelm-Ring", "EAN 4021661108962", "Bestellnummer 12345678901", "ich bin mit der Aktion nicht einverstanden", "Willkommen im Sportwelt Berger Chat",
        "Wir führen Peter Hahn und Hugo Boss", "Kundin bestellte bei Peter Hahn", "Thanks and Will do", "my mum said so", "my daughter will pick it up", "mein sohn kann das",
        "KD 2025 Umsatz", "der Bon war unleserlich", "1203 0000 0000 2020 51 (Erstattung).",
        "Reply via @greenleaf_market only.", "find us on Instagram at @harbourandpine, we reply", "oder folgen Sie uns auf @buecherinsel.",
        "Kassen-Server 10.0.0.0/24 bleibt intern", "der herr mit dem blauen auto", "the card, she just rang", "someone else's points balance", "ask support, they know",
        "Gutscheincharge GC-FR5100-H aktiviert", "Gift card batch GC-SP6415-D activated", "Das Update wird am 21. Dezember um 16:00 Uhr eingespielt.",
        "no dispatch email yet. my order", "it says the sole came off",
        "it shows the wrong name. Could you fix it?", "parking bay 12 is free", "Lieferant Lanz GmbH liefert ab Januar", "Hallo liebes Serviceteam,\nmeine Frage", "hallo im laden war es voll", "Note: Delivery refused the parcel", "our flat has 3 Lake Points", "update: rose is out of stock", "the jade is sold out",
        "Greetings from Lake Gregory to the team", "stock in the Lee Ville warehouse", "winner is from Marc Ville.", "Praxis für Physiotherapie",
        "Bestell-Nr. 0123456789", "Barbie-Set im Angebot", "falls Ware nicht da ist", "Kurz notiert – Marke des Monats", "Label emailed to you",
        "der code geht nich", "Hotline unter 0800 1234567", "Neue Filiale: Marktgasse 4, 79098 Freiburg, geöffnet", "Filiale Goethestraße 8–14 Uhr",
        "Returns: Example Store Ltd, 221 Baker Street, London NW1 6XE. Please", "Retourenzentrum, Industriestraße 40, 28307 Bremen.",
        "New branch: Unit 7, Albion Parade, Leeds LS1 6AB, open", "our branch at 3 Nelson Mandela Place, Glasgow G2 1BT",
        "our King Edward Street branch, 22 King Edward Street, Oxford OX1 4HS, by Friday", "Die Filiale Albert-Schweitzer-Straße 3, 55128 Mainz nimmt", "Hotline 0800 1234567.",
        "Kaufbeleg 0042-118-774, Zahlung", "Info at www.example-store.co.uk/stores", "Kunde: Max Mustermann, Musterstraße 1, 12345 Musterstadt.",
        "Customer: John Doe, 123 Main Street, Anytown.", "The manager is away today", "Support is off sick", "Filiale Kaiser-Wilhelm-Ring", "Kennzeichen wird noch nachgereicht", "Summer and Winter collection",
        "Order for Rose Gold earrings", "Delivery for Hunter Green cushions", "Please advise.\nBest", "ruf mich bitte an", "Agent: Done.",
        "Kundin 2019 angemeldet", "Wie ist Ihre Postleitzahl?\nKundin: 10764",
        "Lieferung nach Kraków morgen", "im Mai Anträge stellen", "Bis Mai Lee-Produkte bestellen", "consent to use name is on file.", "Einwilligung zur Namensnennung liegt vor.",
        "Laut Kunde hat der Fahrer geklingelt", "the customer denies it.", "the points arent there",
        "Hi and welcome to Sunny Side Grocers live chat.", "Angebot für die Kundin:\n\nFallübersicht für die Regionalleitung",
        "Returns Centre, Greenleaf Home, Unit 4 Meadowbank Park, Leeds LS11 5QZ.", "Retourenzentrum Modehaus Lange, Industriestraße 40, 36251 Bad Hersfeld.",
        "Gewinner Gewinnspiel Laternenzauber", "Der Bauer vom Wochenmarkt liefert", "Agent: Sure, which address?\nCustomer: ok", "Hotline 0800 100 200 (kostenlos).",
        "Größe ART-8521-L ist aus", "Filiale Schillerstraße 3, Öffnungszeiten", "wg. Rückerstattung Best. 3318-2291", "Agent: Lovely, I'll send a reset link\nCustomer: ok", "Preis 5 / XL", "Preis: 5 Euro :)", "Gutschrift. Erledigt, Danke (10 Uhr)", "„Die Punkte-App ist super!“", "Avis per SMS an den Kunden", "Agent: Oh, bitte die Kartennummer\nKunde: ok",
        "Kundenanfragen zu Retouren an retouren@example.de weiterleiten", "item BW-1197-GR is discontinued.", "Bosch, Makita und Kärcher mit Rabatt",
        "Supplier Kellogg's has confirmed delivery", "my adress is wrong", "Nächstes Jahr wird sie 1", "the Hope Street order. Card on file", "Supplier Baker & Sons, 0800 123 4567", "Gestern rief die Filiale an.", "We sold 3 The North Face jackets",
        "Ticket 3\nnote: pls check the winter collection, it is sold out", "Ticket 4\nnotiz: rose und stein im lager nachzählen",
        "Firmware 1.9.12 für die Kassen.", "Till 4 shows error E-1.9.12, engineer arrives at 19:00.", "Art.-Nr. TS-BLK-M-5686 nachbestellen", "Bewertung (4 Sterne) professioneller formulieren", "Gutschein für Aldi, bitte", "We replied from @HighStreetStyle.", "ok, im juni wieder", "hi im back, still waiting", "Order, 6086589760, shipped", "Bei der Abholung legte er den Pass vor", "Möchte Ersatzteil an Hinter den Höfen 111 geliefert.", "inspired by Rose Gold.", "Preis für Wolf (2 Stück)", "Lieferung – Ware (2x Braun Series 9) über", "Kunde seit Mai.", "Kundin im Mai.", "i will check. will", "see you soon. cheers", "adresse am besten 2 mal prüfen", "Paket am 3. Mai 2 wird geliefert", "Aktion am 20. September 18 Uhr",
        "Kunde möchte, dass seine Frau das Armband zurücklegen lässt", "Beschwerde über Social Media", "Firmware Kassen v4.12.3 installiert.",
        "nicht erreichbar, lieber abends.", "Summer here is lovely", "ist Stammkunde seit 2015", "Bestellung: 3 Paletten Dr. Oetker Pizza",
        "Agent: Perfect, thanks!\nCustomer: ok", "parcel never came?? hope u can sort it", "Wer holt die Ware ab?",
        "| Kunde | Kennzeichen |\n|---|---|\n| – | n/a |", "Lieferschein BE-0400428.", "we sold 2 Gateway passes", "Emma Matratze im Angebot",
        "What's your order number?\nCustomer: B-2025-388045, thanks", "Kundenkarte – Neuanmeldung", "Summer Sale (www.example.com/sale) startet",
        "Staff Training am Montag", "Staff Star award goes to the Leeds team", "our Assistant Manager role is open", "my name is on the account",
        "Sehr geehrte Damen und Herren,\nmein Name ist hier unwichtig", "Reports: Delivery not home yet",
        "Fahrzeug kam 19:20 Uhr", "Offer: 1300 pts", "driver's license checked on 10/03/2024",
        "Zum Nikolaus gibt es Schokolade.", "Bitte eine Info an die Kundin zum Lieferstatus:\nLieferung morgen", "Reply to the customer:\nDirect debit for store card is set up.",
        "sag mir, was los ist", "KUNDE DROHT MIT ANWALT!!", "CUSTOMER THREATENING LEGAL ACTION!!", "Regards\n\nSent from my iPhone", "Call came from the store",
        "In der App steht das.", "Price: £213\nStock: 70 units", "Channel: phone / Status: open", "Hi [First name], your points balance: <points>.",
        "What is your member number please?\n09/07/2024, 10:56 - Agent: one sec", "Rabatt -30% bis 09.09.2024 gültig", "EAN 4099695708670", "Größe S/M, Farbe Schwarz/Weiß",
        "Marks & Spencer and Johnson & Johnson", "Mit allen Grüßen aus Wien", "10115 Berlin in Absprache mit der Filiale", "Größe 38/Weit", "Kind regards,\nCustomer Care", "From: Customer Service <support@example-store.com>",
        "ich habe das bus ticket", "Wir danken allen Kunden",
        "neues MacBook Pro bestellt", "Die Aktion findet am Samstag statt", "Der Regen hat den Karton aufgeweicht",
        "Unser Haus hat am 3. Mai Geburtstag", "the store turns 50 on 3 May", "Hi lads,", "Congratulations to all winners",
        "Herzlichen Glückwunsch zum Geburtstag!", "mail me @home or @work", "Fee agreed £317.00.", "We gave 500 Bonus Points to all",
        "Kind regards,\nCustomer Care", "Flights to Milan are cheap", "Could you send a new one?\nMany thanks", "Zara Home Kissen",
        "Confectionery review: Ferrero Rocher selling well", "ordered at s.Oliver today", "am 3.5. wird Kasse 2 geschlossen.",
        "am 3.5. wird der Rabatt 10 % betragen", "Ab 1. März wird der Preis 10 Euro günstiger",
    ])
    func negatives(text: String) {
        #expect(found(text).isEmpty, "\(found(text))")
    }

    @Test("a long text whose names cross the split between the two threads redacts whole: no crash, no overlap, nothing left")
    func longTextAcrossTheSplit() {
        let text = String(repeating: "Anna Becker ", count: 83_333) + "Anna "
        var mapping: [String: PlaceholderValue] = [:]
        let redaction = Redactor(knownValues: [:], memberNumberPattern: nil).redact(text, mapping: &mapping)
        #expect(!redaction.text.contains("Anna") && !redaction.text.contains("Becker"))
        #expect(zip(redaction.entities, redaction.entities.dropFirst()).allSatisfy { $0.end <= $1.start }, "entities do not overlap")
        #expect(mapping.count <= 4, "one placeholder per distinct value: \(mapping.count)")
    }
}
