extension StringProtocol {
    /// The text without leading and trailing white space (Unicode `White_Space`, which includes
    /// line breaks). Works on scalars directly, without a round trip through `NSString`.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
