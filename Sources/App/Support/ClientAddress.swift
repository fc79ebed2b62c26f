#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Vapor

/// An address or a CIDR block (`10.0.0.0/8`, `::1`, `fd00::/8`) of proxies to trust.
public struct IPRange: Sendable, Equatable {
    let bytes: [UInt8]
    let prefix: Int

    /// `address` or `address/bits`; nil when it is neither.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let bytes = IPRange.parse(first) else { return nil }
        let bits = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
        guard let bits, (0...(bytes.count * 8)).contains(bits) else { return nil }
        self.bytes = bytes
        self.prefix = bits
    }

    /// The loopback addresses, trusted by `CHISO_TRUST_PROXY=1` (a proxy on the same machine).
    static let loopback = [IPRange("127.0.0.0/8")!, IPRange("::1")!]

    func contains(_ address: [UInt8]) -> Bool {
        guard address.count == bytes.count else { return false }
        var remaining = prefix
        for index in bytes.indices where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if address[index] & mask != bytes[index] & mask { return false }
            remaining -= 8
        }
        return true
    }

    /// The 4 or 16 bytes of an IPv4 or IPv6 address in text (an IPv4-mapped IPv6 address as IPv4).
    static func parse(_ text: String) -> [UInt8]? {
        var four = in_addr()
        if inet_pton(AF_INET, text, &four) == 1 {
            return withUnsafeBytes(of: &four) { Array($0) }
        }
        var six = in6_addr()
        guard inet_pton(AF_INET6, text, &six) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &six) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF { return Array(bytes[12...]) }
        return bytes
    }
}

extension Request {
    /// The client's address. Behind trusted proxies (`CHISO_TRUSTED_PROXIES`), the rightmost
    /// `X-Forwarded-For` entry that is not itself a trusted proxy: each proxy appends the address
    /// it saw, so entries to the left of it are whatever the client chose to send, and only the
    /// peer and the entries our own proxies appended can be believed. Otherwise the peer.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "-"
        let trusted = application.settings.trustedProxies
        guard !trusted.isEmpty, let peerBytes = IPRange.parse(peer), trusted.contains(where: { $0.contains(peerBytes) }) else {
            return peer
        }
        let hops = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            // A proxy of ours never writes garbage: an entry that is no address ends the walk at the last one believed.
            guard let bytes = IPRange.parse(hop) else { return peer }
            if !trusted.contains(where: { $0.contains(bytes) }) { return hop }
        }
        return hops.first ?? peer
    }
}
