import Foundation

// The policy files in the repository's Policies/ folder, byte for byte, so that a binary run from any folder
// can create a vault without them. `BuiltInPoliciesTests` fails when the two differ: copy the file back in here.

extension PolicySet {
    /// The default policy set shipped in `Policies/`, compiled in; used when no policy folder is given or found.
    public static var builtIn: PolicySet {
        get throws { try decode(builtInDocuments.mapValues { Data($0.utf8) }) }
    }

    /// Writes the built-in policy files into `directory` (a new or empty folder; a file is never
    /// overwritten), for a retailer to edit and load with `--policies`.
    public static func exportBuiltIn(to directory: String) throws {
        try PrivateFiles.prepareFolder(directory)
        for (name, text) in builtInDocuments.sorted(by: { $0.key < $1.key }) {
            try PrivateFiles.write(Data(text.utf8), to: (directory as NSString).appendingPathComponent(name))
        }
    }

    /// The default policy files by name, as text.
    static let builtInDocuments: [String: String] = [
        "controller.json": #"""
{
  "version": 1,
  "controller": {
    "name": "Beispiel Handel GmbH",
    "address": "Musterstraße 1, 20095 Hamburg",
    "email": "kundenservice@example.com",
    "phone": "+49 40 1234567",
    "website": "https://www.example.com"
  },
  "data_protection_officer": {
    "name": "Datenschutzbeauftragte der Beispiel Handel GmbH",
    "address": "Musterstraße 1, 20095 Hamburg",
    "email": "datenschutz@example.com"
  },
  "supervisory_authority": {
    "name": "Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit",
    "address": "Ludwig-Erhard-Straße 22, 20459 Hamburg",
    "website": "https://datenschutz-hamburg.de"
  }
}

"""#,
        "fields.json": #"""
{
  "version": 1,
  "default_country": "DE",
  "fields": [
    {
      "name": "email",
      "type": "email",
      "party": "first",
      "category": "user.contact.email",
      "indexed": true,
      "unique": true,
      "max_length": 254,
      "description": "Email address for the loyalty account and, with consent, newsletters.",
      "label": {
        "de": "E-Mail-Adresse",
        "en": "Email address"
      }
    },
    {
      "name": "phone",
      "type": "phone",
      "party": "first",
      "category": "user.contact.phone_number",
      "indexed": true,
      "unique": false,
      "max_length": 16,
      "description": "Phone number, stored in E.164 form.",
      "label": {
        "de": "Telefonnummer",
        "en": "Phone number"
      }
    },
    {
      "name": "first_name",
      "type": "name",
      "party": "first",
      "category": "user.name.first",
      "indexed": false,
      "max_length": 100,
      "description": "Given name.",
      "label": {
        "de": "Vorname",
        "en": "First name"
      }
    },
    {
      "name": "last_name",
      "type": "name",
      "party": "first",
      "category": "user.name.last",
      "indexed": false,
      "max_length": 100,
      "description": "Family name.",
      "label": {
        "de": "Nachname",
        "en": "Last name"
      }
    },
    {
      "name": "birthday",
      "type": "date_of_birth",
      "party": "zero",
      "category": "user.demographic.date_of_birth",
      "indexed": false,
      "max_length": 10,
      "description": "Date of birth, shared by the member for birthday rewards.",
      "label": {
        "de": "Geburtsdatum",
        "en": "Date of birth"
      }
    },
    {
      "name": "clothing_size",
      "type": "enum",
      "party": "zero",
      "category": "user.demographic.profile",
      "indexed": false,
      "max_length": 4,
      "values": [
        "XS",
        "S",
        "M",
        "L",
        "XL",
        "XXL",
        "XXXL",
        "32",
        "34",
        "36",
        "38",
        "40",
        "42",
        "44",
        "46",
        "48",
        "50",
        "52",
        "54",
        "56",
        "58",
        "60",
        "62",
        "64",
        "66"
      ],
      "description": "Clothing size: XS to XXXL or EU numeric sizes.",
      "label": {
        "de": "Kleidergröße",
        "en": "Clothing size"
      }
    },
    {
      "name": "shoe_size",
      "type": "enum",
      "party": "zero",
      "category": "user.demographic.profile",
      "indexed": false,
      "max_length": 4,
      "values": [
        "16",
        "16.5",
        "17",
        "17.5",
        "18",
        "18.5",
        "19",
        "19.5",
        "20",
        "20.5",
        "21",
        "21.5",
        "22",
        "22.5",
        "23",
        "23.5",
        "24",
        "24.5",
        "25",
        "25.5",
        "26",
        "26.5",
        "27",
        "27.5",
        "28",
        "28.5",
        "29",
        "29.5",
        "30",
        "30.5",
        "31",
        "31.5",
        "32",
        "32.5",
        "33",
        "33.5",
        "34",
        "34.5",
        "35",
        "35.5",
        "36",
        "36.5",
        "37",
        "37.5",
        "38",
        "38.5",
        "39",
        "39.5",
        "40",
        "40.5",
        "41",
        "41.5",
        "42",
        "42.5",
        "43",
        "43.5",
        "44",
        "44.5",
        "45",
        "45.5",
        "46",
        "46.5",
        "47",
        "47.5",
        "48",
        "48.5",
        "49",
        "49.5",
        "50",
        "50.5",
        "51",
        "51.5",
        "52"
      ],
      "description": "EU shoe size, half sizes allowed.",
      "label": {
        "de": "Schuhgröße",
        "en": "Shoe size"
      }
    },
    {
      "name": "address",
      "type": "address",
      "party": "first",
      "category": "user.contact.address",
      "indexed": false,
      "max_length": 400,
      "description": "Postal address: street, house number, postal code, city, country.",
      "label": {
        "de": "Anschrift",
        "en": "Address"
      }
    },
    {
      "name": "preferred_store",
      "type": "text",
      "party": "zero",
      "category": "user.behavior.purchase_history",
      "indexed": false,
      "max_length": 64,
      "description": "The store the member prefers, by store id or name.",
      "label": {
        "de": "Lieblingsfiliale",
        "en": "Favourite store"
      }
    },
    {
      "name": "member_number",
      "type": "member_number",
      "party": "first",
      "category": "user.unique_id",
      "indexed": true,
      "unique": true,
      "max_length": 16,
      "pattern": "CV[0-9]{8}",
      "description": "Loyalty card number printed on the member's card.",
      "label": {
        "de": "Mitgliedsnummer",
        "en": "Member number"
      }
    },
    {
      "name": "purchase_receipts",
      "type": "text",
      "party": "first",
      "category": "user.behavior.purchase_history",
      "indexed": false,
      "max_length": 4096,
      "description": "Receipt references of purchases with the loyalty card; subject to the commercial and tax retention duty.",
      "label": {
        "de": "Kassenbons",
        "en": "Purchase receipts"
      }
    }
  ]
}

"""#,
        "purposes.json": #"""
{
  "version": 1,
  "purposes": [
    {
      "id": "loyalty_account",
      "description": {
        "de": "Führung des Kundenkontos im Bonusprogramm",
        "en": "Running the member's loyalty account"
      },
      "lawful_basis": "contract",
      "fields": [
        "email",
        "first_name",
        "last_name",
        "member_number",
        "phone",
        "address",
        "purchase_receipts"
      ],
      "retention": {
        "days": 1095,
        "after": "account_closed"
      },
      "double_opt_in": false,
      "minimum_age": 16
    },
    {
      "id": "email_marketing",
      "description": {
        "de": "Newsletter und Angebote per E-Mail",
        "en": "Newsletters and offers by email"
      },
      "lawful_basis": "consent",
      "fields": [
        "email",
        "first_name"
      ],
      "notice": {
        "version": 1,
        "text": {
          "de": "Ich möchte Angebote und Neuigkeiten per E-Mail erhalten. Widerruf jederzeit möglich.",
          "en": "I would like to receive offers and news by email. I can withdraw at any time."
        }
      },
      "retention": {
        "days": 730,
        "after": "consent_withdrawn"
      },
      "double_opt_in": true,
      "doi_token_hours": 72,
      "minimum_age": 16,
      "consent_valid_days": 730,
      "direct_marketing": true
    },
    {
      "id": "birthday_rewards",
      "description": {
        "de": "Geburtstagsgutschein",
        "en": "Birthday reward"
      },
      "lawful_basis": "consent",
      "fields": [
        "birthday"
      ],
      "notice": {
        "version": 1,
        "text": {
          "de": "Ich teile meinen Geburtstag, um einen Geburtstagsgutschein zu erhalten.",
          "en": "I share my birthday to receive a birthday reward."
        }
      },
      "retention": {
        "days": 30,
        "after": "consent_withdrawn"
      },
      "double_opt_in": false,
      "minimum_age": 16,
      "on_withdrawal": "delete",
      "direct_marketing": true
    },
    {
      "id": "personalized_offers",
      "description": {
        "de": "Persönliche Angebote nach Größe und Lieblingsfiliale",
        "en": "Personal offers by size and favourite store"
      },
      "lawful_basis": "consent",
      "fields": [
        "clothing_size",
        "shoe_size",
        "preferred_store",
        "birthday"
      ],
      "notice": {
        "version": 1,
        "text": {
          "de": "Ich möchte Angebote passend zu meinen Größen und meiner Lieblingsfiliale erhalten.",
          "en": "I would like offers that match my sizes and favourite store."
        }
      },
      "retention": {
        "days": 30,
        "after": "consent_withdrawn"
      },
      "double_opt_in": false,
      "minimum_age": 16,
      "on_withdrawal": "delete",
      "direct_marketing": true
    },
    {
      "id": "ai_personalization",
      "description": {
        "de": "KI-gestützte persönliche Texte",
        "en": "AI-assisted personal texts"
      },
      "lawful_basis": "consent",
      "fields": [
        "first_name",
        "birthday",
        "clothing_size",
        "shoe_size",
        "preferred_store"
      ],
      "notice": {
        "version": 1,
        "text": {
          "de": "Meine freigegebenen Angaben dürfen in verallgemeinerter Form für KI-generierte Texte genutzt werden.",
          "en": "My shared details may inform AI-generated texts, in generalized form."
        }
      },
      "retention": {
        "days": 30,
        "after": "consent_withdrawn"
      },
      "double_opt_in": false,
      "minimum_age": 18,
      "on_withdrawal": "restrict",
      "direct_marketing": true
    },
    {
      "id": "analytics",
      "description": {
        "de": "Statistik über das Bonusprogramm, nur aggregiert",
        "en": "Loyalty program statistics, aggregates only"
      },
      "lawful_basis": "legitimate_interest",
      "fields": [
        "birthday",
        "clothing_size",
        "shoe_size",
        "preferred_store"
      ],
      "retention": {
        "days": 365,
        "after": "collected"
      },
      "double_opt_in": false,
      "minimum_age": 0,
      "aggregate_only": true
    },
    {
      "id": "legal_claims",
      "description": {
        "de": "Aufbewahrungspflichten und Rechtsansprüche",
        "en": "Retention duties and legal claims"
      },
      "lawful_basis": "legal_obligation",
      "fields": [
        "first_name",
        "last_name",
        "address",
        "member_number",
        "purchase_receipts",
        "email"
      ],
      "retention": {
        "days": 2920,
        "after": "collected"
      },
      "double_opt_in": false,
      "minimum_age": 0
    }
  ]
}

"""#,
        "roles.json": #"""
{
  "version": 1,
  "roles": [
    {
      "id": "enrollment",
      "description": "Enrollment services: store members and their consents",
      "operations": [
        "events.read",
        "member.enroll",
        "member.set",
        "member.unset",
        "member.find",
        "member.list",
        "member.read",
        "consent.grant",
        "consent.withdraw",
        "consent.confirm",
        "consent.show",
        "profile.next",
        "profile.share",
        "profile.decline",
        "rewards.balance",
        "rewards.ledger",
        "prompt.redact",
        "prompt.demask"
      ],
      "read_purposes": [
        "loyalty_account"
      ]
    },
    {
      "id": "dpo",
      "description": "Data Protection Officer: access, history, audit, requests",
      "operations": [
        "events.read",
        "member.find",
        "member.list",
        "member.read",
        "consent.show",
        "consent.history",
        "audit.verify",
        "audit.show",
        "audit.head",
        "rewards.balance",
        "rewards.ledger",
        "report.profiling",
        "dsr.open",
        "dsr.list",
        "dsr.show",
        "dsr.extend",
        "dsr.close",
        "dsr.export",
        "dsr.erase",
        "retention.run",
        "backup.create",
        "backup.restore",
        "prompt.redact",
        "suppression.list",
        "suppression.lift"
      ],
      "read_purposes": [
        "*"
      ]
    },
    {
      "id": "marketing",
      "description": "Marketing tools: reads under active consent for marketing purposes only",
      "operations": [
        "member.read",
        "member.list",
        "report.profiling",
        "prompt.redact",
        "prompt.build",
        "events.read"
      ],
      "read_purposes": [
        "email_marketing",
        "birthday_rewards",
        "personalized_offers",
        "ai_personalization"
      ]
    },
    {
      "id": "admin",
      "description": "Administrators: keys, policies, tokens",
      "operations": [
        "keys.rotate",
        "keys.retire",
        "keys.status",
        "policy.apply",
        "policy.show",
        "token.create",
        "token.list",
        "token.revoke",
        "audit.verify",
        "audit.head",
        "rewards.adjust",
        "rewards.birthdays",
        "rewards.balance",
        "rewards.ledger",
        "backup.create",
        "backup.restore",
        "retention.run"
      ],
      "read_purposes": []
    }
  ]
}

"""#,
        "rewards.json": #"""
{
  "version": 1,
  "decline_cooldown_days": 90,
  "report_minimum_group_size": 10,
  "asks": [
    {
      "field": "birthday",
      "purpose": "birthday_rewards",
      "channels": [
        "app",
        "web",
        "store",
        "callcenter"
      ]
    },
    {
      "field": "clothing_size",
      "purpose": "personalized_offers",
      "channels": [
        "app",
        "web",
        "store"
      ]
    },
    {
      "field": "shoe_size",
      "purpose": "personalized_offers",
      "channels": [
        "app",
        "web",
        "store"
      ]
    },
    {
      "field": "preferred_store",
      "purpose": "personalized_offers",
      "channels": [
        "app",
        "web"
      ]
    }
  ],
  "rules": [
    {
      "id": "share_birthday",
      "version": 1,
      "description": "Birthday shared for the first time",
      "trigger": {
        "type": "field_first_shared",
        "field": "birthday"
      },
      "points": 100,
      "requires_consent": "birthday_rewards",
      "minimum_age": 16,
      "scope": "lifetime"
    },
    {
      "id": "share_clothing_size",
      "version": 1,
      "description": "Clothing size shared for the first time",
      "trigger": {
        "type": "field_first_shared",
        "field": "clothing_size"
      },
      "points": 50,
      "requires_consent": "personalized_offers",
      "minimum_age": 16,
      "scope": "lifetime"
    },
    {
      "id": "share_shoe_size",
      "version": 1,
      "description": "Shoe size shared for the first time",
      "trigger": {
        "type": "field_first_shared",
        "field": "shoe_size"
      },
      "points": 50,
      "requires_consent": "personalized_offers",
      "minimum_age": 16,
      "scope": "lifetime"
    },
    {
      "id": "share_preferred_store",
      "version": 1,
      "description": "Favourite store shared for the first time",
      "trigger": {
        "type": "field_first_shared",
        "field": "preferred_store"
      },
      "points": 30,
      "requires_consent": "personalized_offers",
      "minimum_age": 16,
      "scope": "lifetime"
    },
    {
      "id": "email_double_opt_in",
      "version": 1,
      "description": "Newsletter subscription confirmed",
      "trigger": {
        "type": "doi_confirmed",
        "purpose": "email_marketing"
      },
      "points": 200,
      "requires_consent": "email_marketing",
      "minimum_age": 16,
      "scope": "lifetime"
    },
    {
      "id": "profile_complete",
      "version": 1,
      "description": "Profile completed: birthday, sizes and favourite store",
      "trigger": {
        "type": "profile_completed",
        "fields": [
          "birthday",
          "clothing_size",
          "shoe_size",
          "preferred_store"
        ]
      },
      "points": 250,
      "requires_consent": "personalized_offers",
      "minimum_age": 16,
      "scope": "lifetime"
    },
    {
      "id": "birthday_bonus",
      "version": 1,
      "description": "Happy birthday: once a calendar year",
      "trigger": {
        "type": "birthday"
      },
      "points": 500,
      "requires_consent": "birthday_rewards",
      "minimum_age": 16,
      "scope": "calendar_year",
      "cap": {
        "total_awards_per_year": 100000
      }
    }
  ]
}

"""#,
        "retention.json": #"""
{
  "version": 1,
  "legal_holds": [
    {
      "id": "purchase_receipts",
      "applies_when_field_present": "purchase_receipts",
      "fields": [
        "purchase_receipts",
        "first_name",
        "last_name",
        "address"
      ],
      "years": 8,
      "basis": "HGB § 257 / AO § 147: booking vouchers 8 years from the end of the year they were made (since BEG IV)",
      "purpose": "legal_claims"
    },
    {
      "id": "points_accounting",
      "records": "points_ledger",
      "years": 8,
      "basis": "HGB § 257 / AO § 147: points owed are a liability; their bookings are kept as accounting records, pseudonymized, 8 years from the end of the year of each booking"
    },
    {
      "id": "consent_proof",
      "records": "consent_events",
      "years": 3,
      "basis": "GDPR Art. 17(3)(e), Art. 7(1): proof of consent for the regular limitation period (BGB § 195)"
    }
  ],
  "points_ledger_on_erasure": "pseudonymize",
  "rules": [
    {
      "id": "zero_party_after_inactivity",
      "action": "delete_zero_party_fields",
      "after_days": 730,
      "description": "Zero-party data is deleted 24 months after the member's last activity"
    },
    {
      "id": "inactive_members",
      "action": "erase_member",
      "after_days": 1095,
      "description": "Members inactive for 3 years are erased"
    },
    {
      "id": "expire_pending_double_opt_in",
      "action": "expire_pending_double_opt_in",
      "after_days": 30,
      "description": "Unconfirmed double opt-ins expire after 30 days"
    }
  ]
}

"""#,
        "wording.json": #"""
{
  "version": 1,
  "time_zone": "Europe/Berlin",
  "lawful_bases": {
    "consent": { "de": "Ihre Einwilligung", "en": "your consent" },
    "contract": { "de": "Vertrag (Bonusprogramm)", "en": "contract (loyalty programme)" },
    "legal_obligation": { "de": "gesetzliche Pflicht", "en": "legal obligation" },
    "legitimate_interest": { "de": "berechtigtes Interesse", "en": "legitimate interest" }
  },
  "consent_states": {
    "active": { "de": "erteilt", "en": "given" },
    "pending": { "de": "wartet auf Ihre Bestätigung", "en": "awaiting your confirmation" },
    "withdrawn": { "de": "widerrufen", "en": "withdrawn" },
    "denied": { "de": "abgelehnt", "en": "declined" },
    "expired": { "de": "abgelaufen", "en": "expired" },
    "needs_reconsent": { "de": "neu zu bestätigen", "en": "to be confirmed again" },
    "none": { "de": "nicht erteilt", "en": "not given" },
    "not_consent_based": { "de": "keine Einwilligung nötig", "en": "no consent needed" }
  },
  "consent_events": {
    "grant": { "de": "Einwilligung erteilt", "en": "consent given" },
    "deny": { "de": "abgelehnt", "en": "declined" },
    "withdraw": { "de": "widerrufen", "en": "withdrawn" },
    "doi_sent": { "de": "Bestätigungs-E-Mail gesendet", "en": "confirmation email sent" },
    "doi_confirmed": { "de": "bestätigt", "en": "confirmed" },
    "expire": { "de": "abgelaufen", "en": "expired" }
  },
  "sources": {
    "store": { "de": "Filiale", "en": "store" },
    "app": { "de": "App", "en": "app" },
    "web": { "de": "Website", "en": "website" },
    "callcenter": { "de": "Telefon (Kundenservice)", "en": "phone (customer service)" },
    "phone": { "de": "Telefon", "en": "phone" },
    "import": { "de": "Übernahme aus dem Vorgängersystem", "en": "transfer from the previous system" },
    "email": { "de": "E-Mail", "en": "email" },
    "letter": { "de": "Brief", "en": "letter" }
  },
  "recipients": {
    "enrollment": { "de": "Anmeldung und Kundenservice", "en": "sign-up and customer service" },
    "marketing": { "de": "Marketing (nur mit Einwilligung)", "en": "marketing (with consent only)" },
    "dpo": { "de": "Datenschutzbeauftragte(r)", "en": "data protection officer" },
    "admin": { "de": "Systemverwaltung", "en": "system administration" },
    "other": { "de": "interne Stelle", "en": "internal department" }
  },
  "retention_after": {
    "consent_withdrawn": { "de": "nach Widerruf der Einwilligung", "en": "after the consent is withdrawn" },
    "account_closed": { "de": "nach Ende der Mitgliedschaft", "en": "after the membership ends" },
    "collected": { "de": "nach Erhebung", "en": "after collection" }
  },
  "request_types": {
    "access": { "de": "Auskunft", "en": "access" },
    "portability": { "de": "Datenübertragung", "en": "data portability" },
    "erasure": { "de": "Löschung", "en": "erasure" },
    "rectification": { "de": "Berichtigung", "en": "rectification" },
    "restriction": { "de": "Einschränkung der Verarbeitung", "en": "restriction of processing" },
    "objection": { "de": "Widerspruch", "en": "objection" }
  },
  "point_rules": {
    "share_birthday": { "de": "Geburtstag geteilt", "en": "shared your birthday" },
    "share_clothing_size": { "de": "Kleidergröße geteilt", "en": "shared your clothing size" },
    "share_shoe_size": { "de": "Schuhgröße geteilt", "en": "shared your shoe size" },
    "share_preferred_store": { "de": "Lieblingsfiliale geteilt", "en": "shared your favourite store" },
    "email_double_opt_in": { "de": "Newsletter-Anmeldung bestätigt", "en": "confirmed the newsletter sign-up" },
    "profile_complete": { "de": "Profil vollständig", "en": "completed your profile" },
    "birthday_bonus": { "de": "Geburtstagsbonus", "en": "birthday bonus" }
  }
}

"""#,
    ]
}
