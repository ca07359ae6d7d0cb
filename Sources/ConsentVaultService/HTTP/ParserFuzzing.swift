/// The libFuzzer entry point for the request parser (`.ci/fuzz … http-request`) and its corpus
/// replay: any bytes must parse, be incomplete, or be refused, never crash; and a request must
/// parse the same whether its bytes arrive at once or split in two.
package enum ParserFuzzing {
    /// Checks the parser on `bytes` (`precondition`s, so a violation is a crash the fuzzer reports).
    package static func parse(_ bytes: [UInt8]) {
        var limits = HTTPLimits()
        limits.maximumBodyBytes = 4096
        let parser = RequestParser(limits: limits)
        let whole = try? parser.parse(bytes)
        if case .request(_, let consumed)? = whole {
            precondition(consumed > 0 && consumed <= bytes.count, "consumed bytes out of range")
        }
        guard bytes.count > 1 else { return }
        let prefix = Array(bytes[..<(bytes.count / 2)])
        if case .request(let early, let consumed)? = try? parser.parse(prefix) {
            // A request complete in the first half must be the same request in the whole input.
            guard case .request(let later, let consumedLater)? = whole else { preconditionFailure("a complete prefix became invalid") }
            precondition(early == later && consumed == consumedLater, "the prefix parsed differently")
        }
    }
}
