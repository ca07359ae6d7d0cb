import ConsentVault

/// An error answer (RFC 9457 problem details, `application/problem+json`) with the library's stable
/// `code`: the one place where errors become responses, and what the CLI writes for an error in `--json` mode.
public struct Problem: Error {
    /// The HTTP status.
    public let status: Int
    /// Stable machine-readable code, e.g. `member_not_found`.
    public let code: String
    /// What went wrong, never a value, key or token.
    public let detail: String
    /// What to do about it, if the caller knows (the CLI names its options).
    public var hint: String?

    /// The problem for any error a handler, the parser or a command threw.
    public init(_ error: any Error) {
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
    public init(status: Int, code: String, detail: String, hint: String? = nil) {
        self.status = status
        self.code = code
        self.detail = detail
        self.hint = hint
    }

    /// `{"type", "title", "status", "detail", "code", "hint"?}` (RFC 9457 members plus the stable code).
    public var object: [String: Any] {
        var object: [String: Any] = ["type": "https://consentvault.example/problems/\(code)", "title": HTTPResponse.reason(status),
                                     "status": status, "detail": detail, "code": code]
        if let hint { object["hint"] = hint }
        return object
    }

    /// The response: `object` as `application/problem+json`, with a hint for HTTP clients when none is set.
    var response: HTTPResponse {
        var problem = self
        problem.hint = hint ?? Self.hint(forStatus: status)
        var response = HTTPResponse.json(status, problem.object)
        response.headers = [("Content-Type", "application/problem+json")]
        if status == 401 { response.headers.append(("WWW-Authenticate", "Bearer")) }
        if status == 429 || status == 503 { response.headers.append(("Retry-After", "1")) }
        return response
    }

    /// What an HTTP client can do about a problem with `status`.
    private static func hint(forStatus status: Int) -> String {
        switch status {
        case 401: return "send Authorization: Bearer <token>, with a token from 'consent-vault token create' that is not revoked"
        case 403: return "the token's role does not allow this (Policies/roles.json); the attempt was audited"
        case 404, 405: return "check the id and the path; GET /v1/openapi.json lists the routes and their methods"
        case 408: return "send the whole request within the request timeout"
        case 409: return "the state changed or the value is taken; read it again before retrying"
        case 411, 413, 431: return "send one request of at most 1 MB body and 16 KB headers, with Content-Length"
        case 415: return "send the body as Content-Type: application/json in UTF-8"
        case 422: return "correct the named value; nothing was changed"
        case 429, 503: return "retry after a moment"
        case 500...: return "report this with the time of the request; nothing personal is in this answer"
        default: return "fix the request as the detail says; GET /v1/openapi.json describes every route"
        }
    }

    /// The status a library error answers with.
    private static func status(of error: any VaultError) -> Int {
        switch error {
        case let error as AccessError:
            switch error {
            case .invalidToken: return 401
            case .operationNotAllowed, .purposeNotAllowed, .dpoTokenNeedsDPO: return 403
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
        case let error as SuppressionError:
            switch error {
            case .contactSuppressed: return 409
            case .noSuchEntry: return 404
            case .liftNeedsOneEntry, .notAContactField: return 422
            }
        case is FieldValueError, is RewardError, is ImportError, is PolicyError, is EventError: return 422
        case let error as StorageError:
            switch error {
            case .sqlite(let code, _, _): return code & 0xff == 5 || code & 0xff == 6 ? 503 : 500
            case .vaultNotFound: return 404
            case .vaultExists, .fileExists, .exportFolderNotEmpty: return 409
            case .notAVault, .schemaTooNew, .symbolicLink: return 422
            case .erasureJournal, .corruptRow, .fileWrite, .needsOwnTransaction, .migrationIncomplete: return 500
            }
        case let error as KeyFileError:
            switch error {
            case .notFound: return 404
            case .alreadyExists: return 409
            case .rotationInProgress, .changedOnDisk: return 409
            case .writeFailed: return 500
            default: return 422
            }
        default: return 500
        }
    }
}
