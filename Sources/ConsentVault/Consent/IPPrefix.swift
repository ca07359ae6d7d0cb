/// Cuts IP addresses to their network: IPv4 to /24, IPv6 to /48, so no full address is stored.
enum IPPrefix {
    /// `192.0.2.0/24` for `192.0.2.77`; `2001:db8:1::/48` for an IPv6 address; nil if not an address.
    static func network(of address: String) -> String? {
        let octets = address.split(separator: ".", omittingEmptySubsequences: false)
        if octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) {
            return "\(octets[0]).\(octets[1]).\(octets[2]).0/24"
        }
        guard address.contains(":"), address.allSatisfy({ $0.isHexDigit || $0 == ":" }) else { return nil }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        let head = halves[0].split(separator: ":").map(String.init)
        let tail = halves.count == 2 ? halves[1].split(separator: ":").map(String.init) : []
        let groups = head + Array(repeating: "0", count: max(0, 8 - head.count - tail.count)) + tail
        guard groups.count == 8, groups.allSatisfy({ $0.count <= 4 }) else { return nil }
        return groups.prefix(3).map { String(Int($0, radix: 16) ?? 0, radix: 16) }.joined(separator: ":") + "::/48"
    }
}
