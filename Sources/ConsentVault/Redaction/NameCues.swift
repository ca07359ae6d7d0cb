/// What stands before a name: the cue words of `NameDetector`, German and English, and the words
/// that are never part of a name.
enum NameCues {
    /// How strongly the words before a position vouch for a name there.
    enum Context: Equatable {
        /// Title, role, greeting, self-introduction, or a signature line: any capitalized words.
        case strong
        /// A preposition (`an`, `für`, `to`): a lexicon name.
        case weak
        /// Nothing: a lexicon given name.
        case none
        /// After a closing formula and a comma on the same line (`Danke, Käthe`): capitalized words ending the line.
        case signature
        /// After words that say a name follows (`ich heiße`, `my name is`, `Name:`): any words, lowercase ones in chat too.
        case naming
        /// After a role that labels who speaks (`Kundin: Ja hallo`, `Customer: Can I …`): what follows is speech, so a
        /// lexicon name, a pair of short capitalized words or a lone surname ending the clause.
        case speaker
    }

    /// Titles (`Frau`, `Mr`), roles (`Kundin`, `Inhaber`, `Tochter`) and greetings, followed directly
    /// by the name (spaces, or `:`/`.`).
    static let strongWords: Set<String> = [
        "herr", "herrn", "frau", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "familie", "family", "hr", "fr", "kd", "cust",
        // Academic titles before the name (`Dipl.-Ing. Hans Krause`, `Univ.Prof. Anna Barth`, `Mag. Erika Schulz`) and military
        // ranks (`SGT Baker`, `Capt. Young`).
        "dipl", "ing", "mag", "univ", "sgt", "cpl", "pvt", "pfc", "spc", "ssg", "sfc", "capt", "cpt", "maj", "cdr", "adm",
        "kunde", "kundin", "stammkunde", "stammkundin", "neukunde", "neukundin", "inhaber", "inhaberin", "kontoinhaber", "kontoinhaberin", "karteninhaber", "karteninhaberin",
        "empfänger", "empfängerin", "absender", "absenderin", "ansprechpartner", "ansprechpartnerin", "besteller", "bestellerin",
        "fahrer", "fahrerin", "tochter", "sohn", "mann", "ehemann", "ehefrau", "gatte", "gattin", "mutter", "vater", "bruder",
        "schwester", "enkel", "enkelin", "oma", "opa", "freundin", "kollege", "kollegin", "mitarbeiter", "mitarbeiterin",
        "customer", "client", "member", "mitglied", "cardholder", "holder", "recipient", "sender", "addressee", "driver", "courier",
        "daughter", "son", "husband", "wife", "mother", "father", "mum", "mom", "dad", "brother", "sister", "grandson", "nan", "nana", "gran", "granny",
        "granddaughter", "grandma", "grandpa", "colleague", "contact", "attn", "gez", "signed", "patient", "patientin", "guest", "gast",
        "buyer", "käufer", "käuferin", "tenant", "mieter", "mieterin", "ehepaar", "nachbarn", "anrufer", "anruferin", "guardian",
        "klingel", "klingelschild", "vorname", "nachname", "rufname", "cashier", "kassierer", "kassiererin", "verkäufer", "verkäuferin",
        "crew", "filialleiter", "filialleiterin", "marktleiter", "marktleiterin", "bearbeitet", "bearbeiter", "bearbeiterin", "handled",
        "notiert", "erfasst", "neighbour", "neighbor", "nachbar", "nachbarin", "partnerin", "zeuge", "zeugin", "witness",
        "agent", "agentin", "supervisor", "berater", "beraterin",
        // Partners in chat (`my bf Hope`).
        "bf", "gf", "hubby",
        // A business named after a person (`Rechnung an Praxis Nowak`, `c/o Kanzlei Brandt`).
        "praxis", "kanzlei",
        // Lawyers and notaries before the name (`Schreiben von RA Malte Winter`, `solicitor Anne Hope`).
        "ra", "rain", "rechtsanwalt", "rechtsanwältin", "anwalt", "anwältin", "notar", "notarin", "solicitor", "attorney", "lawyer",
        "aunt", "uncle", "tante", "onkel", "cousin", "cousine", "nephew", "niece", "neffe", "nichte", "fiancé", "fiancée", "verlobte", "verlobter", "boyfriend", "girlfriend",
        "stepson", "stepdaughter", "stiefsohn", "stieftochter", "schwiegermutter", "schwiegervater", "schwiegertochter", "schwiegersohn",
        "assessor", "facilitator", "gutachter", "gutachterin", "techniker", "technikerin", "monteur", "monteurin", "technician", "engineer",
        // Creators a campaign names (`podcaster Savannah Walker`, `Bloggerin Milena Roth`).
        "podcaster", "podcasterin", "blogger", "bloggerin", "youtuber", "youtuberin", "streamer", "streamerin", "influencerin", "creatorin",
        "fotograf", "fotografin", "photographer", "illustratorin", "stylist", "stylistin",
        "hallo", "hi", "hey", "hello", "dear", "liebe", "lieber", "liebes", "moin", "servus", "grüezi", "ciao", "hej", "huhu", "hiya", "howdy",
        "congratulations", "congrats", "glückwunsch", "gratulation",
    ]
    /// Shop staff, before a name only when it is a lexicon name (`security guard Humphreys`).
    private static let staffWords: Set<String> = ["staff", "assistant", "associate", "guard"]
    /// Roles that label a form's field rather than a chat line: the words after them are a name.
    private static let formFields: Set<String> = [
        "bearbeitet", "bearbeiter", "bearbeiterin", "handled", "notiert", "logged", "erfasst", "empfänger", "empfängerin", "absender", "absenderin", "recipient", "sender", "addressee", "kontoinhaber", "kontoinhaberin",
        "karteninhaber", "karteninhaberin", "cardholder", "holder", "besteller", "bestellerin", "ansprechpartner", "ansprechpartnerin",
        "buyer", "käufer", "käuferin", "contact", "attn", "patient", "patientin", "tenant", "mieter", "mieterin", "zeuge", "zeugin", "witness",
        "vorname", "nachname", "rufname",
    ]
    /// Greetings that may be followed by `, NAME here`, and congratulations that address a name (`Herzlichen Glückwunsch, özlem!`).
    private static let greetings: Set<String> = ["hallo", "hi", "hey", "hiya", "hello", "moin", "servus", "huhu", "hej", "howdy",
                                                 "congratulations", "congrats", "glückwunsch", "gratulation"]
    /// Titles and greetings among the strong words: the word after them is a name even after a colon.
    private static let titlesAndGreetings: Set<String> = [
        "herr", "herrn", "frau", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "familie", "family", "attn", "gez", "signed",
        "hallo", "hi", "hey", "hello", "dear", "liebe", "lieber", "liebes", "moin", "servus", "grüezi", "ciao", "hej", "huhu", "hiya", "howdy",
        "congratulations", "congrats", "glückwunsch", "gratulation",
    ]
    /// Relatives, whose name may follow after a comma (`meine Tochter, Lena,`).
    static let familyRoles: Set<String> = ["tochter", "sohn", "mann", "ehemann", "ehefrau", "frau", "mutter", "vater", "bruder", "schwester", "oma", "opa",
                                           "enkel", "enkelin", "partner", "partnerin", "daughter", "son", "husband", "wife", "mother", "father", "mum",
                                           "mom", "dad", "brother", "sister", "grandma", "grandpa", "grandson", "granddaughter", "twins", "zwillinge", "nan", "nana", "gran", "granny", "boyfriend", "girlfriend",
                                           "aunt", "uncle", "tante", "onkel", "cousin", "cousine", "nephew", "niece", "neffe", "nichte", "stepson",
                                           "stepdaughter", "stiefsohn", "stieftochter", "schwiegermutter", "schwiegervater", "schwiegertochter", "schwiegersohn",
                                           "bf", "gf", "hubby"]
    /// Words a name follows without a colon (`name Peter Smith`, `name paul frei`).
    private static let nameLabels: Set<String> = ["name", "surname", "nachname", "mädchenname", "mädchennamen", "geburtsname", "geburtsnamen"]
    /// Labels of a person to contact (`Contact on site:`).
    /// The noun of a name (`in my wife's name, Savannah`).
    static let nameNouns: Set<String> = ["name", "namen"]
    /// Verbs before whom to call back (`ring Rusty back`).
    private static let callVerbs: Set<String> = ["ring", "call", "phone"]
    private static let contactLabels: Set<String> = ["contact", "kontakt", "ansprechpartner", "ansprechpartnerin", "ansprechperson", "gewinner", "gewinnerin",
                                                     "winner"]
    /// Words in brackets after a number that say what kind of number it is or when to call (`(mobil)`, `(abends)`, `(Retoure)`).
    private static let numberKinds: Set<String> = [
        "mobil", "mobile", "handy", "cell", "mob", "privat", "private", "priv", "home", "work", "büro", "buero", "office", "festnetz", "landline",
        "kostenlos", "gebührenfrei", "free", "freephone",
        "geschäftlich", "dienstlich", "arbeit", "whatsapp", "signal", "telegram", "fax", "zentrale", "mailbox", "durchwahl", "hotline", "direkt",
        "abends", "morgens", "vormittags", "nachmittags", "tagsüber", "werktags", "evenings", "mornings", "daytime", "weekdays", "neu", "new",
        "alt", "old", "retoure", "return", "returned", "storniert", "cancelled", "canceled", "offen", "open", "bezahlt", "paid", "erledigt",
        "done", "netto", "brutto", "inkl", "gratis", "free", "geändert", "changed", "updated", "aktualisiert", "korrigiert", "corrected",
    ]
    /// Places after `c/o` that the person after them works at.
    private static let careOfPlaces: Set<String> = ["praxis", "kanzlei", "firma", "büro", "hotel", "klinik", "werkstatt", "atelier", "studio"]
    /// Verbs after `bei` and a name: the name is on the doorbell (or next door: `bei Brunner nebenan`).
    private static let doorbellVerbs: Set<String> = ["klingeln", "klingelt", "geklingelt", "läuten", "geläutet", "klopfen", "nebenan"]
    /// Prepositions before a name: only lexicon names count after them.
    static let weakWords: Set<String> = ["an", "für", "fuer", "von", "bei", "durch", "to", "for", "from", "by", "via", "cc"]
    /// Words after which a name follows for sure: `ich heiße Yasemin`, `namens`, `called`.
    static let namingWords: Set<String> = ["heiße", "heisse", "namens", "heißt", "heisst"]
    /// Two-word introductions (`ich bin`, `my name`) after which a name follows.
    private static let introductions: [(String, String)] = [
        ("ich", "bin"), ("ich", "bins"), ("ich", "heiße"), ("ich", "heisse"), ("name", "ist"), ("name", "is"), ("name", "lautet"),
        ("i", "am"), ("i'm", ""), ("this", "is"), ("hier", "ist"), ("hier", "spricht"), ("hallo", "hier"), ("hi", "hier"), ("moin", "hier"),
        ("called", ""), ("namens", ""), ("named", ""), ("heißt", ""), ("heisst", ""),
        ("nannte", "sich"), ("läuft", "auf"), ("lautet", "auf"), ("is", "under"), ("registered", "to"), ("name", "as"), ("gave", "name"), ("chatted", "with"), ("spoke", "with"), ("spoke", "to"), ("talked", "to"), ("account", "of"), ("konto", "von"), ("doorbell", "says"), ("according", "to"), ("sprach", "mit"), ("telefoniert", "mit"), ("telefonat", "mit"), ("gespräch", "mit"), ("hier", "nochmal"),
    ]
    /// The introductions by their last word: the words that must stand before it (`""` when the last word introduces alone).
    private static let introductionsByLastWord: [String: Set<String>] = Dictionary(grouping: introductions) { $0.1.isEmpty ? $0.0 : $0.1 }
        .mapValues { Set($0.map { $0.1.isEmpty ? "" : $0.0 }) }
    /// Greetings that open English chat (before `im` for `I'm`).
    private static let englishGreetings: Set<String> = ["hi", "hey", "hiya", "hello", "heya", "yo"]
    /// Verbs between `name` and the name (`Name ist Weber`).
    static let nameVerbs: Set<String> = ["is", "ist", "lautet"]
    /// Words before `name` that say it is no person's name (`brand name Nike`).
    private static let namedThings: Set<String> = ["brand", "product", "file", "company", "shop", "store", "user", "street", "domain", "produkt"]
    /// Closing formulas: a line of its own after them is a signature.
    private static let closings: Set<String> = [
        "grüße", "grüßen", "gruß", "grüsse", "gruss", "mfg", "lg", "vg", "bg", "glg", "regards", "best", "cheers", "thanks", "thank", "love",
        "sincerely", "wishes", "faithfully", "bye", "ciao", "tschüss", "tschüs", "danke", "dank", "herzlich", "herzliche", "xoxo", "ta", "thx",
        // Kisses and greetings that close a chat message (`xx Rose`, `Sunny greetings⏎Miles`).
        "xx", "xxx", "xo", "hugs", "greetings", "küsse", "bussi",
        // `Alles Liebe` (a greeting word too, which the cue check sees first), `Take care`.
        "liebe", "care", "warmly", "yours", "herzlichst", "liebst", "hochachtungsvoll",
        // A reply's opening before the one addressed (`No problem, Paddy!`, `no worries, ale!`).
        "problem", "worries",
        // Thanks typed in a hurry (`ok thnaks grace!`, `ok dnake, hans-peter!`).
        "thnaks", "thansk", "tahnks", "thanx", "dnake", "dakne", "danek",
    ]
    /// Between a name's words: `von der Heide`, `van Dijk`, `de la Cruz`, `zur Mühlen`.
    static let particles: Set<String> = ["von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "zur", "zum", "zu", "ten", "ter",
                                         "dos", "das", "do", "al", "el", "bin", "ibn", "st", "mac", "vom", "y", "ap",
                                         "ní", "nic", "uí", "ó"]

    /// Words that are never (part of) a name: articles, pronouns, cue words themselves, months,
    /// weekdays, and nouns that follow greetings and roles (`Liebe Grüße`, `Hallo Team`, `Customer Service`).
    private static let stopWords: Set<String> = [
        // Particles after `called` (`nobody called back`), determiners and abbreviations that open a clause (`Jedes Kind`, `5 Min.`).
        // Replies that open an agent's chat line (`Agent: Sure, which address?`, `Agent: Gern, an welche Adresse?`).
        "sure", "gern", "gerne", "certainly", "absolutely", "selbstverständlich", "natürlich",
        // Prizes and offers listed like names (`1st prize: …`, `Offer: 1300 pts`); `Price` and `Preis` are surnames too.
        "prize", "offer",
        // Typos of `address` and words that open a sentence about time (`my adress`, `Nächstes Jahr wird sie 1`).
        "erledigt", "lovely", "adress", "adres", "address", "anschrift", "supplier", "lieferant", "tracking", "avis", "retouren", "returns", "oh", "nächstes", "nächste", "nächsten", "letztes", "letzte", "letzten",
        "back", "again", "away", "today", "yesterday", "tomorrow", "gestern", "heute", "vorhin", "vorgestern", "jedes", "jeder", "jede", "neue", "neuer", "neues", "min", "na", "kamera", "im", "am", "um", "aus", "from",
        // Form labels and tiers (`Author: …`, `bonus for Gold`, `customer data: …`).
        "author", "reviewer", "editor", "autor", "autorin", "data", "daten", "gold", "silver", "silber", "platinum", "platin", "bronze",
        // Channels and systems complained about or contacted (`Beschwerde über Social Media`, `Firmware Kassen v4.12`, `Ansprechpartnerin Agentur:`)
        // and times of day (`lieber abends`).
        "social", "media", "firmware", "agentur", "agency", "abends", "morgens", "mittags", "nachmittags", "vormittags", "nachts",
        // An agent's replies (`Agent: Perfect, Guadalupe!`).
        // Form titles and a phone's abbreviation (`Kundenkarte – Neuanmeldung`, `Fon +41 …`).
        "neuanmeldung", "anmeldung", "registrierung", "fon",
        "perfect", "perfekt", "great", "prima", "klasse", "wunderbar", "brilliant", "fantastic", "excellent", "wonderful", "alright",
        // Product labels (`Farbe Navy`), adverbs after `ich bins`, greetings (`Grüß Gott`, `Dia dhuit`), street abbreviations
        // (`Michigan Ave`) and what a driver carries (`Fahrer: Paket für Herrn …`).
        // Degrees and suffixes after a name (`Anna Barth MBA`, `John Smith Jr.`).
        "mba", "bsc", "msc", "llm", "phd", "md", "dds", "dvm", "esq", "cpa", "jr", "sr",
        "beste", "besten", "farbe", "colour", "color", "wieder", "nochmal", "grüß", "gott", "dia", "dhuit", "ave", "blvd", "paket", "päckchen", "parcel", "package", "sendung", "lieferung", "delivery",
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder", "aber", "ich", "du", "er",
        "sie", "es", "wir", "ihr", "ihnen", "mein", "meine", "meinen", "dein", "deine", "sein", "seine", "unser", "unsere", "euer", "bitte",
        "danke", "kein", "keine", "alle", "allen", "zusammen", "leute", "welt", "grüße", "grüßen", "gruß", "gruss", "grüsse", "glückwunsch",
        "team", "kunde", "kundin", "kunden", "kundinnen", "damen", "herren", "freunde", "freundinnen", "mitglied", "mitglieder", "service",
        "kundenservice", "kundendienst", "support", "filiale", "shop", "store", "the", "a", "an", "and", "or", "but", "i", "you", "he", "she",
        "it", "we", "they", "my", "your", "his", "her", "our", "their", "please", "thanks", "thank", "customer", "customers", "member",
        "this", "thus", "has", "is", "yes", "plus", "always", "perhaps", "news", "does", "goes", "gets", "lets", "its", "unless", "besides",
        "members", "friends", "all", "everyone", "else", "there", "world", "shopper", "fans", "care", "center", "centre", "number", "account",
        "card", "sir", "madam", "frau", "herr", "herrn", "mr", "mrs", "ms", "dr", "prof", "januar", "februar", "märz", "april", "mai",
        "juni", "juli", "august", "september", "oktober", "november", "dezember", "january", "february", "march", "may", "june", "july",
        "october", "december", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "morgen", "abend", "tag", "nacht", "morning", "evening", "afternoon",
        "mitarbeiter", "mitarbeiterin", "kollegen", "kolleginnen", "colleagues", "staff", "sales", "marketing", "newsletter", "gutschein",
        "bestellung", "order", "lieferung", "delivery", "rückruf", "mail", "email", "e-mail", "sms", "telefon", "phone", "hallo", "hi",
        "hey", "hello", "dear", "liebe", "lieber", "wir", "ihre", "ihren", "ihrem", "deren", "dessen", "was", "wer", "wie", "who", "what",
        "id", "nr", "no", "uhr", "valued", "mo", "di", "mi", "do", "fr", "sa", "so", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov", "dec", "dez", "german", "english", "british",
        "american", "french", "italian", "spanish", "polish", "turkish", "dutch", "irish", "scottish", "welsh", "deutsch", "deutsche",
        "deutschen", "victorian", "co", "gmbh", "inc", "ltd", "ne", "nen", "ok", "ta", "ab", "über", "ueber", "agent", "agentin", "system", "bot",
        // Greetings a customer writes in their own language after `Kundin:`.
        "guten", "buongiorno", "bonjour", "bonsoir", "olá", "ola", "hola", "buenos", "merci", "grazie", "danke", "salut", "xin", "salam",
        "merhaba", "dzień", "dobry", "zdravo", "ahoj", "namaste", "geburtstag", "birthday", "herzlichen", "alles", "gute", "happy", "frohe", "merry", "christmas", "weihnachten", "ostern", "easter",
        // Contractions, reply prefixes (`Re:`, `AW:`) and the sides of a pasted chat (`me:`, `them:`, `User:`).
        "i've", "i'm", "i'll", "i'd", "we've", "we're", "we'll", "you're", "you've", "they're", "it's", "that's", "there's", "here's",
        "can't", "don't", "won't", "didn't", "isn't", "doesn't", "let's", "he's", "she's", "what's", "gibt's", "geht's",
        "re", "fw", "fwd", "aw", "wg", "me", "them", "us", "user", "question", "answer", "frage", "antwort",
        "name", "nachname", "vorname", "ja", "nein", "yes", "äh", "ähm", "hm", "hmm", "okay", "genau",
        // Placeholders (`[First name]`), subject lines, and words after `name is` that say it is not given.
        "first", "full", "thema", "betreff", "subject", "with", "not", "missing", "unknown", "unbekannt", "nicht",
        "mitgliedsnr", "kundennr", "kdnr", "ref", "to", "from", "reason", "date", "surname", "forename", "grund",
        // Labels of forms and mail headers (`Von:`, `Tel:`, `IBAN:`), and visitors of a web chat.
        "von", "tel", "handy", "mobil", "fax", "iban", "bic", "geb", "betreff", "datum", "besucher", "besucherin", "nutzer", "nutzerin",
        "visitor", "job", "line", "item", "note", "notes", "status", "update", "benefits", "vorteile", "perks",
        // What is sent to a customer (`Label emailed to …`), a plate's cue (`reg is GE74 JYW`), a chat's `nich` (`geht nich`).
        "label", "receipt", "invoice", "voucher", "link", "ticket", "quote", "reg", "nich",
        // Words that open a closing or a clause in chat (`viele grüße aus …`, `inhaber laut stammdaten …`, `ich heiße seit …`), places
        // after `Vor Ort:`, family words that are no names (`Danke, Mama.`), groups greeted (`Liebe Clubmitglieder`).
        "viele", "vielen", "gemäß", "seit", "super", "vor", "ort", "hast", "mama", "papa",
        "aktion", "clubmitglieder", "vereinsmitglieder", "stammkunden", "volksbank", "sparkasse", "raiffeisenbank",
        // Placeholders in a template (`Dear [Title] [Surname]`), a staff member's role (`Buddy: …`), a prize's winner, `hier`/`here`
        // after a greeting, pet names (`Hallo Schatz`), and words a speaker or a naming cue stands before (`Shipment 1Z…`, `my name
        // is clearly on it`).
        "title", "titel", "anrede", "relations", "buddy", "winner", "gewinner", "gewinnerin", "hier", "here",
        "schatz", "schätzchen", "liebling", "honey", "sweetie", "shipment", "clearly",
        // Brands alone (`Moët & Chandon`, `Lego Technic Porsche`) and practices after `c/o` (`c/o Praxis Sommer`).
        "moët", "chandon", "porsche", "praxis", "kanzlei", "klinik", "atelier",
        // Pronouns and adverbs after a role or cue in chat (`kunde dort`, `ruf mich an`, `the customer only got`, `Agent: Done.`).
        "mich", "dich", "mir", "dir", "ihm", "uns", "euch", "dort", "only", "done", "as", "quick", "base", "on", "file",
        // Labels of product data and briefs (`EAN 4099…`, `Ton: locker`).
        "ean", "sku", "gtin", "ton", "tone",
        // Mail footers and notes (`Sent from my iPhone`, `Call came from …`, `– Bon vom 17.11.`).
        "sent", "call", "bon",
        // Loyalty words and figures that products and placeholders are named after (`<points>`, `Chocolate Santas`, `customer DOB`).
        "points", "punkte", "santa", "dob", "numbers", "nummern", "many", "bank", "sonst",
        // German auxiliaries after a role (`Laut Kunde hat Fahrer …`) and contractions typed without apostrophe (`the points arent there`).
        "hat", "ist", "war", "wird", "hatte", "wurde", "arent", "isnt", "dont", "doesnt", "cant", "wont", "didnt", "wasnt",
    ]
    /// One-word brands and place words that are never (part of) a person's name here.
    private static let brands: Set<String> = [
        "hauschka", "meta", "converse", "savoy", "makita", "kärcher", "einhell", "metabo", "festool", "hilti", "kellogg", "kellogg's", "audi", "tesla", "opel", "skoda", "toyota", "volvo", "nissan", "hyundai", "renault", "peugeot", "mazda",
        "joop", "levi's", "lacoste", "armani", "versace", "prada", "gucci", "chanel", "hermès", "hermes", "esprit", "primark",
        "creuset", "o'polo", "lindt", "puma", "adidas", "nike", "reebok", "barbour", "joules", "boden", "bogner", "oetker", "wolfskin",
        "hilfiger", "vuitton", "lagerfeld", "banani", "martens", "barbie", "pandora", "radley", "thorntons", "dyson", "lego", "playmobil",
        "fisher-price", "ferrero", "rocher", "macbook", "iphone", "ipad", "airpods", "imac", "playstation", "xbox", "galaxy", "kindle", "thermomix",
        "north", "south", "east", "west", "new", "old", "great", "saint", "san", "santa", "lake", "mount", "fort", "port", "upper", "lower",
        // Large cities of the markets served whose names are no common given names.
        "berlin", "dresden", "hamburg", "bremen", "essen", "paris", "london", "york", "boston", "seattle", "atlanta", "houston", "phoenix",
        "denver", "orlando", "memphis", "nashville", "brighton", "bristol", "manchester", "cambridge", "oxford", "dublin", "cork",
        "vienna", "geneva", "raleigh", "cleveland", "portland", "columbus", "zürich", "basel", "salzburg", "graz", "einstein",
    ]
    /// Brands (kitchen, beauty, fashion, food, toys) and places that read as a name, some of them also
    /// surnames (`Rosenthal`, `Bosch`): no name without a cue, a name after one (`Herr Bosch`).
    private static let brandsAndPlacesWithoutCue: Set<String> = [
        // Countries and regions (`Does the card work in Ireland?`).
        "ireland", "england", "scotland", "wales", "britain", "germany", "deutschland", "austria", "österreich", "schweiz", "switzerland",
        "france", "frankreich", "italy", "italien", "spain", "spanien", "poland", "polen", "netherlands", "niederlande", "holland",
        "belgium", "belgien", "denmark", "dänemark", "sweden", "schweden", "norway", "norwegen", "portugal", "greece", "griechenland",
        "turkey", "türkei", "europe", "europa", "america", "amerika", "canada", "kanada", "australia", "australien", "luxemburg",
        "melitta", "rosenthal", "villeroy", "zwilling", "fissler", "kenwood", "kellogg's", "haribo", "bahlsen", "ritter", "milka",
        "nivea", "weleda", "wella", "schwarzkopf", "steiff", "haba", "ravensburger", "schleich", "märklin", "birkenstock", "lowa", "meindl",
        "rieker", "tamaris", "ecco", "clarks", "hobbs", "jigsaw", "mulberry", "ugg", "crocs", "smeg", "miele", "siemens", "bosch",
        "zara", "braun", "philips", "krups", "delonghi", "de'longhi", "sodastream", "tefal", "wmf", "leifheit", "vileda", "kärcher", "tchibo",
        "selfridges", "harrods", "debenhams", "wilko", "argos", "boots", "tesco",
        "sainsbury's", "waitrose", "ocado", "asos", "zalando", "lidl", "aldi", "rewe", "edeka", "ikea", "chloé", "moschino",
        "givenchy", "balenciaga", "burberry", "superdry", "guess", "mango", "benetton", "wolford", "falke", "bugatti",
        "seidensticker", "eterna", "olymp", "brax", "bench", "mustang", "wrangler", "diesel", "replay", 
        "converse", "vans", "asics", "mizuno", "salomon", "patagonia", "fjällräven", "vaude", "schöffel", "maier", "arizona",
        "montblanc", "cartier", "rolex", "omega", "tissot", "swatch", "fossil", "casio", "seiko", "breitling", "junghans",
        "oetker", "kinder", "ferrero", "rittersport", "dallmayr", "jacobs", "eduscho", "lavazza", "illy", "nespresso", "dolce", "gusto",
        "clinique", "lancôme", "lancome", "garnier", "loreal", "l'oréal", "l'oreal", "rimmel", "maybelline", "dior", "guerlain", "sisley",
        "rituals", "lush", "kiehl's", "origins", "aveda", "babor", "lavera", "alverde", "balea", "sebamed", "eucerin", "bepanthen",
        "denby", "portmeirion", "wedgwood", "emsa", "silit", "rösle", "gefu",
        // Capitals, large cities and city districts of the markets served.
        "madrid", "rome", "roma", "lisbon", "lissabon", "prague", "prag", "warsaw", "warschau", "budapest", "brussels", "brüssel",
        "amsterdam", "rotterdam", "copenhagen", "kopenhagen", "stockholm", "oslo", "helsinki", "athens", "athen", "istanbul", "barcelona",
        "münchen", "munich", "köln", "cologne", "frankfurt", "stuttgart", "düsseldorf", "leipzig", "hannover", "nürnberg", "bonn",
        "mannheim", "karlsruhe", "wiesbaden", "münster", "augsburg", "freiburg", "kiel", "lübeck", "rostock", "potsdam", "erfurt",
        "magdeburg", "wien", "innsbruck", "linz", "bern", "luzern", "lausanne", "birmingham", "liverpool", "leeds", "sheffield", "glasgow",
        "edinburgh", "cardiff", "belfast", "leicester", "nottingham", "newcastle", "coventry", "southampton", "plymouth", "norwich",
        "exeter", "bath", "kendal", "elgin", "galway", "limerick", "camden", "kensington", "brixton", "hackney", "islington", "soho",
        "mayfair", "shoreditch", "clapham", "greenwich", "wimbledon", "hampstead", "notting", "covent", "marylebone", "westminster",
        "knightsbridge", "chiswick", "putney", "fulham", "peckham", "stratford", "croydon", "schwabing", "kreuzberg", "neukölln",
        "charlottenburg", "altona", "eppendorf", "sachsenhausen", "ehrenfeld",
    ]

    /// Kinds of shop that stand before or after the name of the person they are named after
    /// (`Schuhhaus Brenner`, `Gallagher's Footwear`, `The Linen Loft`): a shop, not a person.
    private static let shopWords: Set<String> = [
        "schuhhaus", "modehaus", "kaufhaus", "autohaus", "möbelhaus", "sporthaus", "wohnwelt", "drogerie", "bäckerei", "metzgerei",
        "apotheke", "buchhandlung", "optik", "juwelier", "blumenhaus", "gärtnerei", "feinkost", "boutique", "salon", "friseur",
        "weinhandlung", "spielwaren", "raumausstattung", "getränkemarkt", "reisebüro", "café", "restaurant", "hotel", "schuhe",
        "footwear", "outfitters", "deli", "bakery", "florist", "florists", "pharmacy", "hardware", "kitchens", "interiors", "opticians",
        "jewellers", "jewelers", "barbers", "bookshop", "books", "gallery", "loft", "emporium", "trading", "supplies", "stores", "store",
        "shop", "garden", "gardens", "home", "toys", "market", "markets", "supermarket", "sons", "söhne", "brothers", "homeware", "homewares", "living", "fashion", "mode", "moden",
        "centre", "center", "mall", "arcade", "galleria", "plaza", "küchenwelt", "daughters",
    ]
    /// Endings of German shop words (`Buchladen`, `Gartenmarkt`, `Weinhandlung`).
    private static let shopEndings = ["laden", "markt", "handlung", "geschäft", "werkstatt"]
    /// Products named after a brand that reads as a name (`Peter Kaiser-Schuhe`, `Käthe Kruse Puppen`).
    private static let productWords: Set<String> = [
        "schuhe", "schuh", "bluse", "blusen", "jeans", "jacke", "jacken", "hose", "hosen", "tasche", "taschen", "kleid", "kleider", "mantel",
        "puppe", "puppen", "uhr", "uhren", "tasse", "tassen", "shirt", "shirts", "pullover", "stiefel", "sneaker", "kollektion", "serie",
        "geschirr", "grill", "grills", "backform", "backformen", "rasierer", "parfum", "duft", "boots", "shoes", "bag", "bags", "collection",
        "range", "candle", "candles", "kettle", "toaster", "mixer", "palette", "perfume", "jumper", "hoodie", "trainers", "pralinen",
        "hörspiel", "hörspiele", "box", "bettwäsche", "artikel", "satin", "sortiment", "produkte", "ketchup", "relish", "relishes", "senf", "print", "prints",
        "matratze", "matratzen", "mattress", "mattresses", "kissen", "topper", "pillow", "pillows",
    ]

    /// Teams, departments, audiences and occasions that sign or title a text (`Gruß, IT-Support`, `Zielgruppe Pilot`,
    /// `Bonfire Night`): no person's name.
    private static let organisationWords: Set<String> = [
        "team", "support", "einkauf", "non-food", "food", "abteilung", "region", "zielgruppe", "marketing", "vertrieb", "verkauf",
        "kundenservice", "helpdesk", "logistik", "lager", "buchhaltung", "filialleitung", "geschäftsleitung", "night", "weekend", "sale",
        "department", "desk", "crew", "staff", "services", "operations", "security", "branch", "council", "relations", "outlet",
        // Legal forms of companies (`Lieferant Lanz GmbH`, `Hartley Ltd`).
        "gmbh", "ag", "kg", "ohg", "gbr", "mbh", "ltd", "limited", "inc", "llc", "plc", "corp", "llp",
    ]

    /// Whether `lower` names a kind of shop or a team, alone or as the last part of a hyphenated word (`Kranz-Team`).
    static func isShopWord(_ lower: String) -> Bool {
        shopWords.contains(lower) || organisationWords.contains(lower)
            || lower.utf8.count > 7 && shopEndings.contains { lower.hasSuffix($0) }
            || lower.split(separator: "-").last.map { $0 != Substring(lower) && organisationWords.contains(String($0)) } ?? false
    }

    /// Whether `lower` names a product, alone or as the last part of a hyphenated word (`Kaiser-Schuhe`).
    static func isProductWord(_ lower: String) -> Bool {
        productWords.contains(lower) || lower.split(separator: "-").last.map { $0 != Substring(lower) && productWords.contains(String($0)) } ?? false
    }

    /// Whether `lower` is a brand or place that is no name unless a cue says so.
    static func isBrandOrPlace(_ lower: String) -> Bool { brandsAndPlacesWithoutCue.contains(lower) }

    /// Large cities whose names are also common given names (`Charlotte`, `Austin`, `Tyler`), and
    /// the feast of Nikolaus: a place or occasion after a place word (`in`, `aus`, `from`) or standing
    /// alone without a cue, a name otherwise (`Nikolaus Brandstätter`, `Kunde: Nikolaus`).
    private static let givenNameCities: Set<String> = [
        "austin", "dallas", "chester", "lincoln", "sydney", "florence", "madison", "savannah", "charlotte", "jackson", "aurora", "tyler", "milan",
        "nikolaus",
    ]
    /// Words before a place name.
    private static let placeWords: Set<String> = ["in", "aus", "nach", "bei", "from", "near", "of", "around", "nahe", "rund"]

    /// Whether word `index` names a city that is also a given name and reads as the city here:
    /// after a place word, or alone and without a strong cue.
    static func isCity(at index: Int, alone: Bool, context: Context, in words: NameWords) -> Bool {
        guard givenNameCities.contains(words[index].lower) else { return false }
        if index > 0, placeWords.contains(words[index - 1].lower) { return true }
        return alone && context != .strong && context != .naming
    }
    /// Brands and titles shaped like a person's name (`Hugo Boss`, `Calvin Klein`, `Dr. Oetker`), as their first two words:
    /// a run starting with one is no name, while `Petra Klein` still is.
    static let brandPhrases: Set<String> = [
        "hugo boss", "tommy hilfiger", "calvin klein", "ralph lauren", "carl zeiss", "bonfire night", "harvey nichols", "tom tailor", "jack wolfskin", "marc o'polo", "marc cain",
        "betty barclay", "gerry weber", "ted baker", "paul smith", "benjamin blümchen", "bibi blocksberg", "michael kors", "kate spade", "karl lagerfeld", "bruno banani",
        "christian dior", "louis vuitton", "tom ford", "fred perry", "ben sherman", "max mara", "marks spencer", "le creuset",
        "thomas sabo", "jamie oliver", "harry potter", "uncle ben's", "uncle ben", "joseph joseph", "peak performance", "jenny craig",
        "anna karenina", "martin luther", "winnie the", "frau holle", "mercedes-benz", "st louis", "black forest", "levi strauss",
        "jil sander", "canada goose", "meister proper", "sherlock holmes", "jane austen", "north face", "the north", "victoria's secret",
        "tom tailor", "s oliver", "helly hansen", "timberland pro", "hugo boss's", "king charles", "st nicholas", "sankt martin",
        "santa claus", "father christmas", "mr kipling", "karen millen", "tag heuer", "paddington bear", "fjällräven kånken",
        "dr oetker", "tante fanny", "betty crocker", "johnnie walker", "aunt jemima", "mr sheen", "frau antje", "amazing grace", "post office",
        "onkel ben", "onkel ben's", "captain morgan", "jim beam", "dr pepper", "mr muscle", "ronald mcdonald", "käpt'n iglo", "aunt bessie's",
        "jo malone", "martha stewart", "charlotte tilbury", "laura ashley", "marc jacobs", "sonia rykiel", "jack wills", "russell hobbs",
        "molton brown", "jack daniel", "jack daniel's", "ben jerry's", "käthe wohlfahrt", "mon chéri", "estée lauder", "estee lauder",
        "yves saint", "giorgio armani", "stella mccartney", "vivienne westwood", "alexander mcqueen", "victoria beckham", "jimmy choo",
        "tory burch", "mary kay", "john lewis", "charles tyrwhitt", "bobbi brown", "elizabeth arden", "laura mercier",
        "anya hindmarch", "emma bridgewater", "cath kidston", "orla kiely", "joe browns", "ann summers", "dorothy perkins", "miss selfridge",
        "kurt geiger", "russell bromley", "georg jensen", "royal doulton", "josef seibel", "peter hahn", "otto kern", "marc aurel",
        "camel active", "paul hewitt", "daniel wellington", "steve madden", "sam edelman", "kenneth cole", "ralph lauren's",
        "john smedley", "margaret howell", "paul mitchell", "john frieda", "nicky clarke", "lee stafford", "jean paul", "carolina herrera",
        "paco rabanne", "thierry mugler", "jean louis", "victor hugo", "ben sherman's", "chris sports", "frank walder",
        "bettina barty", "rich royal", "tommy jeans", "kenwood chef", "dyson v", "henry hoover", "morphy richards", "breville barista",
        "heston blumenthal", "mary berry", "nigella lawson", "gordon ramsay", "jamie oliver's", "tim mälzer", "alfons schuhbeck",
        "johann lafer", "sarah wiener", "käthe kruse", "peter kaiser", "biene maja", "pippi langstrumpf", "st patrick's", "st patrick",
        "saint patrick's", "saint patrick", "black week", "black friday", "cyber monday", "tante emma", "dr hauschka",
        "boxing day", "mother's day", "father's day", "valentine's day", "aunt bessie's", "aunt bessie",
        "marco tozzi", "annemarie börlind", "julius meinl", "paul green", "bonne maman", "dr scheller", "lee cooper", "pierre cardin", "mr tom",
        "giovanni rana", "granny smith", "frank green", "wolf blass", "vera wang", "yankee candle", "nikolaus schokolade", "mrs meyer", "mrs meyer's", "orville redenbacher", "little debbie", "otto versand", "kylie cosmetics", "frida kahlo", "trader joe's", "newman's own", "uncle joe's", "thomas the", "sophie la", "rose cottage", "mrs doubtfire", "mr bean",
        // Sample names of forms and tests.
        "max mustermann", "erika mustermann", "john doe", "jane doe",
    ]
    /// Forms of address before a name (`Frau`, `Mr`, `Hr.`).
    static let personalTitles: Set<String> = ["herr", "herrn", "frau", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "hr", "fr", "sir", "madam"]
    /// Academic titles inside a title chain (`Frau Dr. med. Ayşe Demir`): passed over before the name.
    static let titleWords: Set<String> = ["dr", "prof", "med", "dent", "rer", "nat", "phil", "jur", "dipl", "ing", "mag", "habil"]

    /// Street types that end a street's or branch's name (`Baker Street`, `Victoria Road`, `Hope Lane`).
    private static let streetTypes: Set<String> = ["street", "road", "lane", "avenue", "drive", "close", "way", "square", "terrace", "crescent",
                                                   "straße", "strasse", "weg", "allee", "platz", "gasse", "ave", "st", "rd", "blvd", "ln", "dr",
                                                   "parade", "place", "gardens", "mews", "quay", "wharf", "esplanade", "promenade", "boulevard", "parkway"]

    /// Whether `lower` is a street type.
    static func isStreetType(_ lower: String) -> Bool { streetTypes.contains(lower) }

    /// Words that end or open a place's name: a name beside them is the place's (`Marc Ville`, `Lake Gregory`, `Port Anna`).
    private static let placeEndings: Set<String> = ["ville", "town", "city"]
    private static let placePrefixes: Set<String> = ["lake", "port", "mount", "fort"]
    /// Whether `lower` ends a place's name (`Ville`, `Town`).
    static func isPlaceEnding(_ lower: String) -> Bool { placeEndings.contains(lower) }
    /// Whether `lower` opens a place's name (`Lake`, `Port`).
    static func isPlacePrefix(_ lower: String) -> Bool { placePrefixes.contains(lower) }

    /// Whether `lower` introduces, greets or signs (`Frau`, `Hallo`, `für`, `Grüße`), is a particle or a brand: never a name's first part.
    static func isCueWord(_ lower: String) -> Bool {
        strongWords.contains(lower) || greetings.contains(lower) || titlesAndGreetings.contains(lower) || weakWords.contains(lower)
            || namingWords.contains(lower) || closings.contains(lower) || particles.contains(lower) || brands.contains(lower)
    }

    /// Whether `lower` greets or signs off (`hallo`, `lieber`, `cheers`, `danke`): a lowercase word ending the clause after it is a name.
    /// `best` and `love` are words too often (`the best stuff.`, `Love always`).
    static func greetsOrCloses(_ lower: String) -> Bool {
        (greetings.contains(lower) || ["dear", "liebe", "lieber", "liebes"].contains(lower) || closings.contains(lower)) && !["best", "love"].contains(lower)
    }

    /// Whether `lower` is what a greeting or a thanks addresses besides a person (`hi guys`, `danke schön`, `thanks so much`).
    static func isAddressedGroup(_ lower: String) -> Bool { isStopWord(lower) || addressedGroups.contains(lower) }

    private static let addressedGroups: Set<String> = [
        "guys", "folks", "mate", "mates", "buddy", "dude", "team", "much", "lot", "lots", "loads", "heaps", "ever", "schön", "sehr", "vielmals",
        "nochmals", "auch", "vorab", "voraus", "lovelies", "lovely", "darlings", "dafür", "trotzdem", "erstmal", "euch", "dir", "zusammen", "miteinander", "leute", "ihr",
        "for", "anyway", "though", "btw", "xx", "xxx", "xo", "und", "and", "von", "from", "aus", "in", "an", "at", "mit", "with", "both",
        "always", "beide", "nein", "yes", "nope", "yep", "yeah", "ja", "jo", "okay", "super", "prima", "perfekt", "perfect", "great", "cool",
        "lads", "ladies", "gents", "everybody", "peeps", "sorry", "again", "nochmal",
    ]

    /// Whether `lower` names a nationality or language (`English`, `Irish`): a word, but also a surname after a given name.
    static func isNationality(_ lower: String) -> Bool { nationalities.contains(lower) }

    private static let nationalities: Set<String> = ["english", "french", "irish", "welsh", "scott", "scottish", "german", "dutch", "british", "american"]

    /// Whether `lower` can never be (part of) a name.
    static func isStopWord(_ lower: String) -> Bool {
        stopWords.contains(lower) || brands.contains(lower) || strongWords.contains(lower) || closings.contains(lower)
            // A team addressed (`Liebes Serviceteam`, `Hallo Kundenteam`).
            || lower.utf8.count > 6 && lower.utf8.suffix(4).elementsEqual("team".utf8)
    }

    /// The context of word `index`: what the words before it (on its line, or the closing formula
    /// before a signature line) say about a name there.
    static func context(before index: Int, in words: NameWords) -> Context {
        if words.startsLine(index), isSignature(at: index, in: words) { return .strong }
        if words.signsAfterBullet(index) { return .signature }
        // A chat speaker (`lea: handy …`, `[14:05] Jade: ok`) or one named in brackets after a role (`Agent (Ffion): …`).
        // In chat, also a speaker who is no lexicon name but labels two or more lines (`melli: …`, `basti: …`).
        // A given name that is also a word (`Link:`, `Jade:`) only in a chat, where more than one line has a speaker.
        if words.isSpeakerLabel(index), NameLexicon.isGivenName(key: words[index].key)
            || NameLexicon.isAnyGivenName(key: words[index].key) && words.speakerLineCount >= 2
            // A capitalized one only named after a role (`Agent (Ffion): …`, `Agent Thanasis: …`): `Besucher: …` is a role itself;
        // or answering a role on the lines between its own (`Jülide: …⏎Agent: …⏎Jülide: …`).
            || ((!words[index].isCapitalized || words.isSpeakerAfterRole(index)) && words[index].text.count >= 2 && words.speakerLines(index) >= 2
                || words.isChatSpeaker(index) || words.answersRole(index)) && !isStopWord(words[index].lower) {
            return .strong
        }
        // A chat line addressed to a group (`sönke → team: …`, `LINH -> TEAM: …`).
        if words.startsLine(index), words.pointsToGroup(index), !isStopWord(words[index].lower) { return .strong }
        // The reply to `Und Ihr Name?` on the next line.
        if words.answersNameQuestion(index), !isStopWord(words[index].lower) { return .naming }
        // The display name of an email address (`From: DESPINA PAPADOPOULOS <papadopoulosd@…>`).
        if words.opensDisplayName(index), !isStopWord(words[index].lower) { return .strong }
        // A name the email address on its line spells (`Katrin;Ströbele;katrin.stroebele@…`).
        if words.isSpelledInEmail(index), !isStopWord(words[index].lower) { return .strong }
        // `c/o Hartmann`: a person or household receiving the post.
        // Not the practice or firm the post goes to (`c/o Praxis Sommer`, `c/o Kanzlei Dr. Ghasemi`).
        if followsCareOf(index, in: words) { return careOfPlaces.contains(words[index].lower) ? .none : .strong }
        if index > 0, followsCareOf(index - 1, in: words), careOfPlaces.contains(words[index - 1].lower) { return .strong }
        // Whoever a contact label names (`Contact on site: Thabo, 07700 …`, `Ansprechpartner vor Ort: Ilse`).
        if words.separator(before: index, contains: ":"), !words.startsLine(index), words[index].isCapitalized,
           let label = (max(0, index - 3)..<index).last(where: { contactLabels.contains(words[$0].lower) }),
           !(label + 1..<index).contains(where: { words.startsLine($0) }) {
            return .strong
        }
        // Whose number a bracket after it names (`Rückruf unter 0721 868621 (süßebier)`), not what kind of number it is (`(mobil)`).
        if words.isBracketedAfterNumber(index), !numberKinds.contains(words[index].lower), !isStopWord(words[index].lower) { return .naming }
        // A cue ending its line with a colon names what follows on the next line, not after a blank line (`für die Kundin:⏎⏎Fallübersicht …`).
        guard index > 0, !words.startsLine(index) || words.separator(before: index, contains: ":") && !words.followsBlankLine(index) else { return .none }
        // There, a word that is no lexicon name opens a sentence, not a name, unless its line is a name's length (`reply to the customer:⏎Direct debit …`).
        if words.startsLine(index), !NameLexicon.isAnyGivenName(key: words[index].key), !NameLexicon.isSurname(words.stem(index)),
           !words.endsLine(index), !(index + 1 < words.count && words.areAdjacent(index, index + 1) && words.endsLine(index + 1)) { return .none }
        // A compound role counts as its last part (`Security-Mitarbeiter Lammer`, `Service-Kundin Jovanović`).
        let cueWord = words[index - 1].lower
        let previous = cueWord.utf8.contains(UInt8(ascii: "-")) ? String(cueWord[cueWord.index(after: cueWord.lastIndex(of: "-")!)...]) : cueWord
        // The customer in the dative or accusative (`beim Kunden Bolliger`, `dem kunden Weber`), not customers (`Kunden Service`).
        if previous == "kunden", index > 1, ["beim", "dem", "den"].contains(words[index - 2].lower), words.areAdjacent(index - 1, index),
           words[index].isCapitalized, !isStopWord(words[index].lower) {
            return .strong
        }
        // In shouted text, a shouted word after a shouted cue is a name only when the lexicon knows it (`KUNDIN ANNA`, not `KUNDE DROHT MIT`).
        let isShouted = { (word: NameWords.Word) in
            word.text.unicodeScalars.dropFirst().first?.properties.isUppercase == true && word.text == word.text.uppercased()
        }
        if words[index - 1].isCapitalized, words[index].isCapitalized, isShouted(words[index - 1]), isShouted(words[index]),
           !NameLexicon.isGivenName(key: words[index].key), !NameLexicon.isPlainSurname(words.stem(index)) {
            return .none
        }
        // A sentence ending between cue and word (`Hallo! Darf ich …`) breaks the cue; the dot of a title (`Mrs.`, `Prof.`) does not.
        // A number between them does too (`innerhalb von 30 Tagen`, `danke für 10 Jahre Treue`).
        // So does a table's cell border (`| Kunde | Summe |`, `Kunde;Straße;PLZ`).
        let gapIsPlain = !["," as Unicode.Scalar, "(", "!", "?", "}", "]", "|", ";", "\t"].contains { words.separator(before: index, contains: $0) }
            && (!words.separator(before: index, contains: ".") || previous.count <= 4) && !words.separatorHasDigit(before: index)
        // A dash after a form's field opens a note's topic, not a name (`Kurz notiert – Marke des Monats`).
        let dashed = formFields.contains(previous) && ["–" as Unicode.Scalar, "—"].contains { words.separator(before: index, contains: $0) }
        // Shop staff in lowercase before a lexicon name (`staff Donna`, `sales assistant Miles`, not `Staff Picks`, `Staff Star award`).
        if gapIsPlain, staffWords.contains(previous), !words[index - 1].isCapitalized,
           NameLexicon.isAnyGivenName(key: words[index].key) || NameLexicon.isPlainSurname(String(words.stem(index).split(separator: "-").first ?? "")) {
            return .strong
        }
        // A greeting or congratulation, a comma and a word ending the clause (`Hallo, özlem!`, `Congratulations, maria!`).
        if words.separator(before: index, contains: ","), words.endsClause(index) || words.endsLine(index), !words.startsLine(index),
           titlesAndGreetings.contains(previous), !personalTitles.contains(previous) {
            return .strong
        }
        if gapIsPlain, !dashed, strongWords.contains(previous) {
            // A form's field (`Empfänger: KOWALENKO, Swetlana`) names; a role labelling a chat line speaks.
            let labelsSpeaker = !titlesAndGreetings.contains(previous) && !formFields.contains(previous) && words.startsLine(index - 1)
                && words.separator(before: index, contains: ":") && !words.startsLine(index)
            return labelsSpeaker ? .speaker : .strong
        }
        // After a sentence's end only a name ending the line (`Danke! Brunhild`, not `Bot: Danke. Hast du den Kaufbeleg?`).
        if closings.contains(previous), words.separator(before: index, contains: ",") || !words.startsLine(index),
           words.endsLine(index) || !["." as Unicode.Scalar, "!", "?"].contains(where: { words.separator(before: index, contains: $0) }) {
            return .signature
        }
        // A relative named after a comma (`ich bin Harros Mutter, Robin.`, `i'm Ricky's mum, Jay.`): a lexicon given name.
        if words[index].isCapitalized, words.separator(before: index, contains: ","), familyRoles.contains(previous), !words.startsLine(index),
           NameLexicon.isAnyGivenName(key: words[index].key) {
            return .strong
        }
        // Whose doorbell to ring (`bitte bei Zieliński klingeln`, `bei von Ahlen läuten`).
        if previous == "bei", (index + 1..<min(words.count, index + 4)).contains(where: { Self.doorbellVerbs.contains(words[$0].lower) }) { return .strong }
        // `— Tom, Electricals`, `- Ivy from Madison`: a name after a dash that signs a note or a testimonial.
        // The name ends the line or is followed by a comma or bracket (`— Tom, Electricals`), unlike a note (`– Hinweis: bitte …`).
        // Mid-line, only a lexicon name signs, or any name after a quotation (`… 2 Mann – Tom`, `„…“ – Resi`, not `Dortmund – Sofa`).
        let signsMidLine = words.startsLine(index) || index == 0 || words.startsLine(index - 1) && !words.areAdjacent(index - 1, index)
            || words.dashFollowsQuotation(index) || NameLexicon.isAnyGivenName(key: words[index].key) || NameLexicon.isSurname(words.stem(index))
        if words.followsSigningDash(index), signsMidLine, words.endsLine(index) || followedByPlace(index, in: words) || index + 1 < words.count
            && (words.separator(before: index + 1, contains: ",") || words.separator(before: index + 1, contains: "(")
                || words.areAdjacent(index, index + 1) && words.endsLine(index + 1)) {
            return .signature
        }
        // `Moin, Till hier!`, `Hiya, Sören here!`
        if greetings.contains(previous), index + 1 < words.count, ["hier", "here"].contains(words[index + 1].lower) { return .strong }
        // `Name: …`, and form fields `Surname: …`, `Vorname: …`, `Name on card: …`, `Name auf der Karte: …`.
        if words.separator(before: index, contains: ":"), !words.startsLine(index), (max(0, index - 4)..<index).contains(where: { label in
            ["name", "surname", "forename", "nachname", "vorname", "familienname"].contains(words[label].lower)
                && (label == index - 1 || !(label + 1..<index).contains(where: { words.startsLine($0) || words.separator(before: $0, contains: ":") }))
        }) {
            return .naming
        }
        // `name Peter Smith`, `Name von Stetten`, but not `brand name Nike`.
        if nameLabels.contains(previous), gapIsPlain, !words.separator(before: index, contains: "."), index < 2 || !namedThings.contains(words[index - 2].lower),
           words[index].isCapitalized || particles.contains(words[index].lower) && index + 1 < words.count && words[index + 1].isCapitalized
            || (NameLexicon.isAnyGivenName(words[index].text) || NameLexicon.isPlainSurname(words[index].text)) && !isStopWord(words[index].lower) {
            return .strong
        }
        // A role written for both genders (`Kontoinhaber/in Jekaterina Iwanowa`).
        if previous == "in", index > 1, strongWords.contains(words[index - 2].lower), words.separator(before: index - 1, contains: "/") { return .strong }
        // `the Young family`, `the Kowalskis`.
        if previous == "the", index + 1 < words.count, words.areAdjacent(index, index + 1), ["family", "household", "residence"].contains(words[index + 1].lower) {
            return .strong
        }
        // A second name after `&` in a signature or after a cue (`Tom & Aditi`, `Frau Anna & Jonas`).
        // Also a second name with the couple's surname (`Cheers,⏎Danielle & Tyrone Khan`).
        if index > 1, words.precededByAmpersand(index), words[index - 1].isCapitalized, words.endsLine(index) || followedByPlace(index, in: words)
            || index + 1 < words.count && words.areAdjacent(index, index + 1) && words[index + 1].isCapitalized && words.endsLine(index + 1) {
            let first = context(before: index - 1, in: words)
            if first == .signature || first == .strong { return first }
        }
        // A signature after a closing formula and a place on the same line: `Viele Grüße aus Köln, Leonie`, `Love from Bristol, Tom`.
        if words.separator(before: index, contains: ","), (max(0, index - 4)..<index).contains(where: { closings.contains(words[$0].lower) }),
           !(max(0, index - 4)..<index).contains(where: { words.startsLine($0) && $0 > 0 && !closings.contains(words[$0].lower) && $0 != index }) {
            return .signature
        }
        if namingWords.contains(previous) { return .naming }
        // `im sarah baker`, `HI IM kwame byrne`: I'm without its apostrophe, before a lowercase given name (not German `im Laden`).
        // After an English greeting or a comma, also a given name that is a word, ending the clause (`hey im grace,`, `help, im grace`).
        if previous == "im", !words[index].isCapitalized, NameLexicon.isGivenName(words[index].text)
            || index > 1 && (englishGreetings.contains(words[index - 2].lower) || words.separator(before: index - 1, contains: ","))
                && (words.endsClause(index) || words.endsLine(index)) && NameLexicon.isAnyGivenName(words[index].text) && !isStopWord(words[index].lower)
            // Or a given name that is a word before a surname (`hello im april murphy and …`).
            || index > 1 && englishGreetings.contains(words[index - 2].lower) && NameLexicon.isAnyGivenName(words[index].text) && index + 1 < words.count
                && words.areAdjacent(index, index + 1) && NameLexicon.isPlainSurname(words.stem(index + 1)) {
            return .strong
        }
        // The writer's name in brackets after `I` (`i (miles) lost my card`, `ich (Maria) habe …`).
        if previous == "i" || previous == "ich", words.separator(before: index, contains: "("), words.closesBracket(index),
           NameLexicon.isAnyGivenName(words[index].text), !isStopWord(words[index].lower) {
            return .strong
        }
        // `ich, John Kägi, geboren …`: the writer's name between commas.
        if previous == "ich", words[index].isCapitalized, words.separator(before: index, contains: ","), !words.startsLine(index) { return .strong }
        // A role and a lexicon name in brackets (`The cashier (Grant) said`, `beim Nachbarn (Sommer, 2. OG)`, not `Absender (UPS)`).
        if words.separator(before: index, contains: "("), strongWords.contains(previous), !titlesAndGreetings.contains(previous), words.closesBracketOrEntry(index),
           NameLexicon.isAnyGivenName(words[index].text) || NameLexicon.isSurname(words[index].text) {
            return .strong
        }
        // A surname in brackets after a role's given name (`Nachbar Raphaela (Mans)`, `Neighbour Grace (Nicholson-Earl)`).
        if index > 1, words.separator(before: index, contains: "("), words[index].isCapitalized, words.closesBracket(index), !isStopWord(words[index].lower),
           words[index - 1].isCapitalized, strongWords.contains(words[index - 2].lower), NameLexicon.isAnyGivenName(key: words[index - 1].key) {
            return .strong
        }
        // A double surname in brackets after a given name that is no word, without a role (`Jürgen (Müller-Lüdenscheidt) hat …`).
        if index > 0, words[index].isCapitalized, words.closesBracket(index), words.separator(before: index, contains: "("),
           words[index].text.contains("-"), words[index].text.split(separator: "-").contains(where: { NameLexicon.isSurname(String($0)) }),
           words[index - 1].isCapitalized, NameLexicon.isGivenName(key: words[index - 1].key) {
            return .strong
        }
        // A given name in brackets after a number (`0160 11 22 745 (Malte)`), whose owner it names.
        if words.separator(before: index, contains: "("), words.separatorHasDigit(before: index) || index > 0 && words[index - 1].text.allSatisfy(\.isNumber),
           words.closesBracketOrEntry(index) { return .weak }
        if index > 1, words[index - 2].lower == "name", nameVerbs.contains(previous) { return .naming }
        if let before = introductionsByLastWord[previous], before.contains("") || index > 1 && before.contains(words[index - 2].lower) { return .strong }
        // A surname signing a note with its writer's initials (`Bearb.: Klein / AK`, `Schön / MS`).
        if words.signsWithInitials(index) { return .strong }
        // Whose name something is in, after a comma (`the card is in my wife's name, Savannah`).
        if words.separator(before: index, contains: ","), nameNouns.contains(previous), !words.startsLine(index),
           words.endsClause(index) || words.endsLine(index), NameLexicon.isAnyGivenName(words[index].text) {
            return .strong
        }
        // Whom to call back (`can you ring Rusty back?`).
        if index + 1 < words.count, words[index + 1].lower == "back", callVerbs.contains(previous), words[index].isCapitalized || words[index].isInLowercase,
           words.areAdjacent(index, index + 1), NameLexicon.isAnyGivenName(words[index].text) {
            return .strong
        }
        if gapIsPlain, weakWords.contains(previous) { return .weak }
        return .none
    }

    /// Whether word `index` comes right after `c/o`.
    private static func followsCareOf(_ index: Int, in words: NameWords) -> Bool {
        index > 1 && words[index - 1].lower == "o" && words[index - 2].lower == "c" && words.separator(before: index - 1, contains: "/")
    }

    /// Whether a place or team follows word `index` in a signature (`… aus der Wohnabteilung`, `… from Homewares`).
    static func followedByPlace(_ index: Int, in words: NameWords) -> Bool {
        index + 1 < words.count && words.areAdjacent(index, index + 1) && ["aus", "from", "vom", "of", "at"].contains(words[index + 1].lower)
    }

    /// Whether word `index` starts a line right after a line with a closing formula, and its line holds only a name.
    static func isSignature(at index: Int, in words: NameWords) -> Bool {
        guard index > 0 else { return false }
        var previous = index - 1
        var checked = 0
        while previous >= 0, checked < 6 {
            if closings.contains(words[previous].lower) { return nameOnlyLine(from: index, in: words) }
            if words.startsLine(previous) { return false }
            previous -= 1
            checked += 1
        }
        return false
    }

    /// Whether the line from word `index` holds at most four capitalized words (any in chat) and
    /// nothing else, or only a place or team after them (`Anja & Mehmet aus der Wohnabteilung`).
    private static func nameOnlyLine(from index: Int, in words: NameWords) -> Bool {
        var last = index
        while last < words.count, last - index < 4 {
            guard words[last].isCapitalized || words[last].isInLowercase || particles.contains(words[last].lower) else { return false }
            if words.endsLine(last) { return true }
            guard last + 1 < words.count else { return false }
            if followedByPlace(last, in: words) { return true }
            // `Lena & Jonas`, `Tom und Aditi`
            if ["und", "and"].contains(words[last + 1].lower), words.areAdjacent(last, last + 1) {
                last += 1
            } else {
                guard words.areAdjacent(last, last + 1) || words.precededByAmpersand(last + 1) else { return false }
            }
            last += 1
        }
        return false
    }
}
