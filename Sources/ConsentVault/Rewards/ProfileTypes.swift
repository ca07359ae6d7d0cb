/// The field worth asking a member for now, with the notice to show.
public struct ProfileSuggestion: Sendable, Equatable {
    /// The field to ask for.
    public let field: String
    /// The purpose the member would consent to.
    public let purpose: String
    /// Points the share would earn.
    public let points: Int
    /// The notice to show, in the member's language.
    public let noticeText: String
    /// Version of the notice shown (recorded with the consent).
    public let noticeVersion: Int
    /// The notice's language (`de` or `en`).
    public let language: String
}

/// What a profile share did: the consent it was recorded under and what it earned.
public struct ShareResult: Sendable, Equatable {
    /// Who shared.
    public let member: MemberID
    /// The field shared.
    public let field: String
    /// State of the consent the share was recorded under.
    public let consentState: ConsentState
    /// Points earned by this share (empty when nothing new was earned).
    public let awards: [Award]
    /// Balance afterwards.
    public let balance: Int
}
