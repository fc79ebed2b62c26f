extension Sequence<UInt8> {
    /// Two lower-case hexadecimal digits per byte: how digests (session tokens, evidence files,
    /// index versions, backups) are stored and compared.
    var hexDigits: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
