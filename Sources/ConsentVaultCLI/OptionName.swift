/// The long option names the tool knows, so a command and its code cannot disagree on a name:
/// a typo is a compile error, not a run-time "unknown option".
enum OptionName: String, Sendable, CaseIterable {
    /// `--adversarial-mb`
    case adversarialMB = "adversarial-mb"
    /// `--after`
    case after
    /// `--all`
    case all
    /// `--batch-size`
    case batchSize = "batch-size"
    /// `--built-in`
    case builtIn = "built-in"
    /// `--captured-at`
    case capturedAt = "captured-at"
    /// `--channel`
    case channel
    /// `--consent`
    case consent
    /// `--corpus`
    case corpus
    /// `--doi-token`
    case doiToken = "doi-token"
    /// `--dry-run`
    case dryRun = "dry-run"
    /// `--email`
    case email
    /// `--entry`
    case entry
    /// `--epochs`
    case epochs
    /// `--erasure-journal`
    case erasureJournal = "erasure-journal"
    /// `--field`
    case field
    /// `--guardian`
    case guardian
    /// `--head`
    case head
    /// `--help`
    case help
    /// `--ip`
    case ip
    /// `--json`
    case json
    /// `--keep`
    case keep
    /// `--keys`
    case keys
    /// `--language`
    case language
    /// `--limit`
    case limit
    /// `--long-text-mb`
    case longTextMB = "long-text-mb"
    /// `--member`
    case member
    /// `--member-number`
    case memberNumber = "member-number"
    /// `--misses`
    case misses
    /// `--name`
    case name
    /// `--out`
    case out
    /// `--outcome`
    case outcome
    /// `--overdue`
    case overdue
    /// `--passphrase`
    case passphrase
    /// `--phone`
    case phone
    /// `--points`
    case points
    /// `--policies`
    case policies
    /// `--purpose`
    case purpose
    /// `--reason`
    case reason
    /// `--received`
    case received
    /// `--request`
    case request
    /// `--role`
    case role
    /// `--samples`
    case samples
    /// `--session`
    case session
    /// `--sizes`
    case sizes
    /// `--strict`
    case strict
    /// `--template`
    case template
    /// `--threshold`
    case threshold
    /// `--token`
    case token
    /// `--type`
    case type
    /// `--vault`
    case vault
    /// `--version`
    case version
    /// `--yes`
    case yes
    /// `--socket`
    case socket
    /// `--server`
    case server
    /// `--listen`
    case listen
    /// `--listen-any`
    case listenAny = "listen-any"
    /// `--max-connections`
    case maxConnections = "max-connections"
    /// `--request-timeout`
    case requestTimeout = "request-timeout"
    /// `--idle-timeout`
    case idleTimeout = "idle-timeout"
}
