@testable import ConsentVaultService
import Foundation
import Testing

@Suite("OpenAPI document: in step with the route table")
struct OpenAPITests {
    /// `METHOD /path` for every operation the document lists.
    private func documented() throws -> Set<String> {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
    }

    @Test("every route the server has is documented, and the document names no route the server lacks")
    func routesMatch() throws {
        let served = Set(Router.routes.map { "\($0.method) \($0.pattern)" } + ["GET /v1/health", "GET /v1/openapi.json"])
        let listed = try documented()
        #expect(served.subtracting(listed).isEmpty, "not in the OpenAPI document: \(served.subtracting(listed).sorted())")
        #expect(listed.subtracting(served).isEmpty, "documented but not served: \(listed.subtracting(served).sorted())")
    }

    @Test("every operation that needs a token can answer with a problem; the two public ones need none")
    func securityIsStated() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for (path, operations) in paths {
            for (method, operation) in operations {
                let isPublic = ["/v1/health", "/v1/openapi.json"].contains(path)
                #expect((operation["security"] as? [Any])?.isEmpty == (isPublic ? true : nil), "\(method) \(path)")
                #expect(isPublic || (operation["responses"] as? [String: Any])?["default"] != nil, "\(method) \(path) names no problem answer")
            }
        }
    }
}
