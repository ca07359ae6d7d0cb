// swift-tools-version:6.0
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode plus the upcoming features that keep
/// C types out of the public API (`InternalImportsByDefault`) and make existentials explicit.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ConsentVault",
    products: [
        .library(name: "ConsentVault", targets: ["ConsentVault"]),
        .executable(name: "consent-vault", targets: ["consent-vault"]),
    ],
    targets: [
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "ConsentVault", dependencies: ["CSodium", "CSQLite"], exclude: ["Requests/export-v1.schema.json"],
                swiftSettings: strictSettings),
        .target(name: "ConsentVaultCLI", dependencies: ["ConsentVault"], swiftSettings: strictSettings),
        .executableTarget(name: "consent-vault", dependencies: ["ConsentVaultCLI"], swiftSettings: strictSettings),
        .testTarget(name: "ConsentVaultTests", dependencies: ["ConsentVault"], exclude: ["Fixtures"], swiftSettings: strictSettings),
        .testTarget(name: "CLITests", dependencies: ["ConsentVault", "ConsentVaultCLI"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)

/// libFuzzer targets, one per input surface. They exist only when `.ci/fuzz` builds them (it sets
/// CONSENT_VAULT_FUZZ and `-sanitize=fuzzer,address`), so ordinary builds and tests never see them.
if Context.environment["CONSENT_VAULT_FUZZ"] != nil {
    let fuzzTargets = ["redactor": "ConsentVault", "policy-loader": "ConsentVault", "field-normalizers": "ConsentVault",
                       "import-line": "ConsentVault", "cli-arguments": "ConsentVaultCLI"]
    for (name, library) in fuzzTargets.sorted(by: { $0.key < $1.key }) {
        package.targets.append(.executableTarget(name: "fuzz-\(name)", dependencies: [.target(name: library)],
                                                 path: "Tests/Fuzz/Targets/\(name)", swiftSettings: strictSettings))
    }
}
