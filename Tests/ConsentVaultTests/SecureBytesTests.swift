@testable import ConsentVault
import Testing

@Suite("Protected memory: keys made in one allocation stay separate and alive")
struct SecureBytesTests {
    @Test("keys of one allocation are distinct, the right length, and readable after the others are gone")
    func keysOfOneAllocation() throws {
        var keys = try SecureBytes.randomKeys(64, length: 32)
        #expect(keys.allSatisfy { $0.count == 32 })
        let copies = keys.map { key in key.withUnsafeBytes { Array($0) } }
        #expect(Set(copies).count == 64, "every key differs")
        // Writing one key changes only that key.
        keys[1].withUnsafeMutableBytes { $0.initializeMemory(as: UInt8.self, repeating: 0xAB) }
        #expect(keys[0].withUnsafeBytes { Array($0) } == copies[0] && keys[2].withUnsafeBytes { Array($0) } == copies[2])
        // The last key keeps the allocation alive after every other view is released.
        let last = keys[63]
        keys.removeAll()
        #expect(last.withUnsafeBytes { Array($0) } == copies[63])
    }
}
