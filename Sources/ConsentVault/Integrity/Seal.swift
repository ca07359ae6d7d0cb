/// The keyed BLAKE2b seal over a set of rows: a label that names what is sealed (vault, member or
/// table), then every row's table name and values, each length-prefixed and typed, so no two
/// different row sets encode alike.
struct Seal {
    private var bytes: [UInt8] = []

    /// Starts a seal for `label`, e.g. `member|<vault id>|<member id>`.
    init(label: String) {
        append(Array("cv1|seal|\(label)".utf8), tag: 0x4c)
    }

    /// Adds `rows` in the order given (stores select them in a fixed order).
    mutating func add(_ rows: [Row]) {
        for row in rows {
            append(Array(row.table.utf8), tag: 0x52)
            for value in row.values {
                switch value {
                case .null: append([], tag: 0x30)
                case .integer(let number): append(withUnsafeBytes(of: number.bigEndian, Array.init), tag: 0x49)
                case .text(let text): append(Array(text.utf8), tag: 0x54)
                case .blob(let blob): append(blob, tag: 0x42)
                case .real(let number): append(withUnsafeBytes(of: number.bitPattern.bigEndian, Array.init), tag: 0x46)
                }
            }
        }
    }

    /// The 32-byte seal under `key`.
    func value(key: SecureBytes) throws -> [UInt8] {
        try KeyDerivation.keyedHash(bytes, key: key)
    }

    private mutating func append(_ part: [UInt8], tag: UInt8) {
        bytes.append(tag)
        bytes.append(contentsOf: withUnsafeBytes(of: UInt32(part.count).bigEndian, Array.init))
        bytes.append(contentsOf: part)
    }
}
