/// Reading and writing decimal numbers as text.
///
/// The contract (spec §3.1) writes numbers as `-?[0-9]+([.,][0-9]+)?`:
/// `0,5` and `0.5` alike, no exponent, no `+`, no leading `.`.
extension DecimalNumber {
    public enum ParseError: Error, Equatable, Sendable {
        /// Not of the form `-?[0-9]+([.,][0-9]+)?`.
        case notANumber
        /// More than ``maxSignificantDigits`` digits or ``maxDecimalPlaces`` places.
        case tooManyDigits
    }

    public static let maxSignificantDigits = 18
    public static let maxDecimalPlaces = 10

    /// Parses `-?[0-9]+([.,][0-9]+)?`; nothing else (no spaces, no exponent).
    public static func parse(_ text: some StringProtocol) throws(ParseError) -> DecimalNumber {
        let result: Result<DecimalNumber, ParseError>? = text.utf8.withContiguousStorageIfAvailable { buffer in
            Result { () throws(ParseError) in try parse(bytes: buffer) }
        }
        if let result { return try result.get() }
        return try parse(bytes: Array(text.utf8))
    }

    /// Parses a number, or `nil` when it is not one.
    public init?(_ text: some StringProtocol) {
        guard let value = try? DecimalNumber.parse(text) else { return nil }
        self = value
    }

    static func parse<C: Collection<UInt8>>(bytes: C) throws(ParseError) -> DecimalNumber {
        var index = bytes.startIndex
        guard index != bytes.endIndex else { throw .notANumber }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index = bytes.index(after: index)
        }
        var significand: Int64 = 0
        var significantDigits = 0
        var integerDigits = 0
        var fractionDigits = 0
        var seenSeparator = false
        while index != bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenSeparator { fractionDigits += 1 } else { integerDigits += 1 }
                if significand != 0 || byte != UInt8(ascii: "0") { significantDigits += 1 }
                if significantDigits > maxSignificantDigits || fractionDigits > maxDecimalPlaces {
                    // Keep scanning: a malformed tail is "not a number", not "too long".
                    if !restIsDigits(bytes, from: bytes.index(after: index)) { throw .notANumber }
                    throw .tooManyDigits
                }
                significand = significand * 10 + Int64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard !seenSeparator, integerDigits > 0 else { throw .notANumber }
                seenSeparator = true
            default:
                throw .notANumber
            }
            index = bytes.index(after: index)
        }
        guard integerDigits > 0, !seenSeparator || fractionDigits > 0 else { throw .notANumber }
        let sig = Int128(significand)
        return DecimalNumber(significand: negative ? -sig : sig, scale: fractionDigits)
    }

    private static func restIsDigits<C: Collection<UInt8>>(_ bytes: C, from start: C.Index) -> Bool {
        var seenSeparator = false
        for byte in bytes[start...] {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): continue
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if seenSeparator { return false }
                seenSeparator = true
            default: return false
            }
        }
        return true
    }
}

extension DecimalNumber: CustomStringConvertible {
    /// The shortest exact form with a `.`: `12.5`, `8`, `-0.25`.
    public var description: String {
        normalized.plainText(decimalSeparator: ".", groupSeparator: nil)
    }

    /// Exactly `places` decimals (rounded half away from zero), with a `.`:
    /// `82.91`, `83.00`. This is how `chiso score` writes its figures.
    public func fixed(_ places: Int) -> String {
        rounded(places: places).plainText(decimalSeparator: ".", groupSeparator: nil)
    }

    /// Vietnamese convention: decimal comma, thousands dot: `1.234,5`, `85,5`.
    /// With `places`, exactly that many decimals (`85,50`).
    public func vietnamese(places: Int? = nil) -> String {
        let value = places.map { rounded(places: $0) } ?? normalized
        return value.plainText(decimalSeparator: ",", groupSeparator: ".")
    }

    /// As a person reads it in `language`: `85,5` in Vietnamese, as written in the index (`85.5`) in English.
    public func text(_ language: Language) -> String {
        switch language {
        case .vietnamese: vietnamese()
        case .english: description
        }
    }

    /// English convention: `1,234.5`.
    public func english(places: Int? = nil) -> String {
        let value = places.map { rounded(places: $0) } ?? normalized
        return value.plainText(decimalSeparator: ".", groupSeparator: ",")
    }

    func plainText(decimalSeparator: String, groupSeparator: String?) -> String {
        let digits = String(significand.magnitude)
        var integerPart: Substring
        var fractionPart: String
        if scale == 0 {
            integerPart = Substring(digits)
            fractionPart = ""
        } else if digits.count > scale {
            integerPart = digits.dropLast(scale)
            fractionPart = String(digits.suffix(scale))
        } else {
            integerPart = "0"
            fractionPart = String(repeating: "0", count: scale - digits.count) + digits
        }
        var integerText = String(integerPart)
        if let groupSeparator, integerText.count > 3 {
            var grouped: [Character] = []
            for (offset, character) in integerText.reversed().enumerated() {
                if offset > 0, offset % 3 == 0 { grouped.append(contentsOf: groupSeparator) }
                grouped.append(character)
            }
            integerText = String(grouped.reversed())
        }
        let sign = significand < 0 ? "-" : ""
        return fractionPart.isEmpty ? sign + integerText : sign + integerText + decimalSeparator + fractionPart
    }
}
