import ConsentVault

/// An error answer (RFC 9457 problem details, `application/problem+json`) with the library's stable
/// `code`: the one place where errors become responses.
struct Problem: Error {
    /// The HTTP status.
    let status: Int
    /// Stable machine-readable code, e.g. `member_not_found`.
    let code: String
    /// What went wrong, never a value, key or token.
    let detail: String

    /// The problem for any error a handler or the parser threw.
    init(_ error: any Error) {
        switch error {
        case let problem as Problem: self = problem
        case let error as HTTPParseError:
            let code = switch error {
            case .badRequest: "bad_request"
            case .lengthRequired: "length_required"
            case .bodyTooLarge: "body_too_large"
            case .headersTooLarge: "headers_too_large"
            case .versionNotSupported: "version_not_supported"
            }
            let detail = if case .badRequest(let why) = error { why } else { HTTPResponse.reason(error.status) }
            self.init(status: error.status, code: code, detail: detail)
        case let error as any VaultError: self.init(status: Self.status(of: error), code: error.code, detail: error.description)
        default: self.init(status: 500, code: "internal", detail: "the service failed unexpectedly")
        }
    }

    /// A problem with its parts.
    init(status: Int, code: String, detail: String) {
        self.status = status
        self.code = code
        self.detail = detail
    }

    /// The response: `{"type","title","status","detail","code"}`.
    var response: HTTPResponse {
        var response = HTTPResponse.json(status, ["type": "https://consentvault.example/problems/\(code)", "title": HTTPResponse.reason(status),
                                                  "status": status, "detail": detail, "code": code])
        response.headers = [("Content-Type", "application/problem+json")]
        if status == 401 { response.headers.append(("WWW-Authenticate", "Bearer")) }
        return response
    }

    /// The status a library error answers with.
    private static func status(of error: any VaultError) -> Int {
        switch error {
        case let error as AccessError:
            switch error {
            case .invalidToken: return 401
            case .operationNotAllowed, .purposeNotAllowed: return 403
            case .unknownTokenName: return 404
            case .tokenNameTaken: return 409
            case .unknownRole, .invalidTokenName: return 422
            }
        case let error as MemberError:
            switch error {
            case .memberNotFound, .invalidMemberID: return 404
            case .duplicateValue, .erased: return 409
            case .noFields: return 422
            case .integrity, .dataKeyIntegrity: return 500
            }
        case let error as ConsentError:
            if case .nothingToWithdraw = error { return 409 }
            return 422
        case let error as RequestError:
            if case .unknownRequest = error { return 404 }
            return 422
        case let error as PromptError:
            if case .unknownSession = error { return 404 }
            return 422
        case is FieldValueError, is RewardError, is ImportError, is PolicyError: return 422
        case let error as StorageError:
            if case .sqlite(let code, _, _) = error, code & 0xff == 5 || code & 0xff == 6 { return 503 }
            return 500
        default: return 500
        }
    }
}
