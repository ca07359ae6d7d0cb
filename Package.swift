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
        .target(name: "ConsentVault", dependencies: ["CSodium", "CSQLite"], exclude: ["Requests/export-v1.schema.json", "Redaction/Lexicons/NOTICE.md", "Redaction/Lexicons/GFDL-1.2.txt"],
                swiftSettings: strictSettings),
        .target(name: "ConsentVaultService", dependencies: ["ConsentVault"], swiftSettings: strictSettings),
        .target(name: "ConsentVaultCLI", dependencies: ["ConsentVault", "ConsentVaultService"], swiftSettings: strictSettings),
        .executableTarget(name: "consent-vault", dependencies: ["ConsentVaultCLI"], swiftSettings: strictSettings),
        .testTarget(name: "ConsentVaultTests", dependencies: ["ConsentVault", "ConsentVaultCLI", "ConsentVaultService"], exclude: ["Fixtures"], swiftSettings: strictSettings),
        .testTarget(name: "EmbeddingTests", dependencies: ["ConsentVault"], swiftSettings: strictSettings),
        .testTarget(name: "CLITests", dependencies: ["ConsentVault", "ConsentVaultCLI", "ConsentVaultService"], exclude: ["Fixtures"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)

/// The libFuzzer executable (one for every input surface; `.ci/fuzz` names the surface in
/// CONSENT_VAULT_FUZZ_TARGET). It exists only when `.ci/fuzz` builds it with CONSENT_VAULT_FUZZ set
/// and `-sanitize=fuzzer,address`, so ordinary builds and tests never see it.
if Context.environment["CONSENT_VAULT_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "consent-vault-fuzz", dependencies: ["ConsentVault", "ConsentVaultCLI", "ConsentVaultService"],
                                             path: "Tests/Fuzz/Target", swiftSettings: strictSettings))
}
