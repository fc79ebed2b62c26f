// Malformed inputs for the core's readers, shared by the unit tests
// (Tests/ChiSoCoreTests/HostileInputTests.swift) and the longer campaign
// (bench/fuzz: run.py compiles this file into its worker beside FuzzMain.swift).
// Every input is made from a seeded `Dice`, so any case can be made again.

/// SplitMix64: small, fast and the same on every platform.
public struct Dice: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678 }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    public mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int.random(in: 0..<bound, using: &self) }
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// What a mutation may add: the syntax of the file's format.
public enum Dialect: Sendable {
    case yaml, csv, xml, text

    public var tokens: [String] {
        switch self {
        case .yaml:
            ["&a ", "*a", "<<: *a\n", "!!binary ", "!!str ", "!!python/object:x ", "!custom ", "? ", "- ", ": ", "{", "}",
             "[", "]", "|\n", ">-\n", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "#", "'", "\"", "\t", "~",
             "null", "\\u0000", "\\x", "@", "`", "&b [*a, *a, *a, *a]", "\n  - ", "\n    ", "code: ", "children: ",
             "rule: {type: levels, levels: [{code: A, points: 1}]}", "max: ", "criteria: "]
        case .csv:
            [",", "\"", "\"\"", "\n", "\r", "\r\n", ";", "NA", "-", "0,5", "1/0", "0/0", "/", "có", ",\"\n\"", "\u{FEFF}",
             "\u{00A0}", "\t", "=SUM(A1)", "PK\u{3}\u{4}"]
        case .xml:
            ["<", ">", "&", "&amp;", "&#0;", "&#x10FFFF;", "&#xD800;", "&#99999999;", "&lt;", "&undefined;", "<![CDATA[x",
             "]]>", "<!--", "-->", "<?pi x?>", "<!DOCTYPE x [<!ENTITY e \"eee\">]>", "&e;", " xmlns:x=\"\"", "x:",
             " r=\"XFD1048577\"", " r=\"A0\"", " t=\"s\"", " t=\"d\"", " t=\"inlineStr\"", " s=\"999999\"", "</row>", "<row>",
             "<c>", "</c>", "<v>", "</v>", "<is><t>", "</t></is>", "_x0000_", "_xD800_", "_x", " r=\"\"",
             "<row r=\"1048576\">", "<c r=\"XFD1\">", "<si>", "</si>", "xml:space=\"preserve\""]
        case .text:
            [",", "/", "-", ".", ":", "T", " ", "0", "9", "\u{00A0}", "\u{0301}", "٣", "１", "NA", "e5"]
        }
    }
}

public enum HostileBytes {
    /// Numbers at or past every limit a reader might have, written as a file would.
    public static let hugeNumbers = ["99999999999999999999999999999", "-99999999999999999999", "9223372036854775808",
                                     "18446744073709551616", "1e308", "1e309", "-1e-400", "0.000000000000000000001", "NaN",
                                     "-inf", "-0", "1048577", "16385", "2958466", "2147483647", "-2147483648",
                                     "1" + String(repeating: "0", count: 400), "0," + String(repeating: "9", count: 60)]
    /// Row numbers past 32 bits and at 64: the campaign's, left out of the unit tests.
    public static let rowNumbers = ["2147483648", "4294967296", "9223372036854775807", "-9223372036854775808"]
    public static let invalidUTF8: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0x80], [0xE1, 0xBA], [0xED, 0xA0, 0x80],
                                                [0xF4, 0x90, 0x80, 0x80], [0xFE, 0xFF], [0xC3]]
    public static let byteOrderMarks: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF],
                                                   [0x00, 0x00, 0xFE, 0xFF]]
}

/// Mutations of a valid file: the unit tests' (small enough for a debug build) or the campaign's (larger).
public struct Mutator: Sendable {
    /// At most this many copies of a repeated chunk.
    public var repeats: Int
    /// Lengths of the long lines inserted.
    public var longLines: [Int]
    /// The numbers put in place of a number.
    public var numbers: [String]

    /// 1 MB lines are left to the release-mode campaign: a debug build reads them too slowly.
    public static let unitTests = Mutator(repeats: 200, longLines: [1000, 10_000, 100_000], numbers: HostileBytes.hugeNumbers)
    public static let campaign = Mutator(repeats: 2000, longLines: [10_000, 100_000, 1_000_000],
                                         numbers: HostileBytes.hugeNumbers + HostileBytes.rowNumbers)

    /// One to three mutations of `input`; their names go to `log`.
    public func mutate(_ input: [UInt8], _ dice: inout Dice, _ dialect: Dialect, log: inout [String]) -> [UInt8] {
        var bytes = input
        for _ in 0...dice.below(3) { bytes = mutateOnce(bytes, &dice, dialect, log: &log) }
        return bytes
    }

    public func mutateOnce(_ input: [UInt8], _ dice: inout Dice, _ dialect: Dialect, log: inout [String]) -> [UInt8] {
        var bytes = input
        let at = dice.below(bytes.count + 1)
        func span() -> Range<Int> {
            let start = dice.below(bytes.count + 1)
            return start..<min(bytes.count, start + 1 + dice.below(dice.chance(80) ? 16 : 400))
        }
        switch dice.below(16) {
        case 0:
            log.append("bit flips")
            for _ in 0...dice.below(4) where !bytes.isEmpty { bytes[dice.below(bytes.count)] ^= 1 << UInt8(dice.below(8)) }
        case 1:
            log.append("random bytes inserted at \(at)")
            bytes.insert(contentsOf: (0...dice.below(8)).map { _ in UInt8.random(in: 0...255, using: &dice) }, at: at)
        case 2:
            let range = span()
            log.append("bytes \(range) deleted")
            bytes.removeSubrange(range)
        case 3:
            log.append("truncated at \(at)")
            bytes.removeSubrange(at...)
        case 4:
            let range = span()
            let chunk = Array(bytes[range])
            if dice.chance(20) {
                let copies = 1 + dice.below(repeats)
                log.append("bytes \(range) repeated \(copies) times")
                bytes.insert(contentsOf: Array(repeating: chunk, count: copies).flatMap { $0 }, at: range.upperBound)
            } else {
                log.append("bytes \(range) copied to \(at)")
                bytes.insert(contentsOf: chunk, at: min(at, bytes.count))
            }
        case 5:
            log.append("two lines swapped")
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            if lines.count > 1 { lines.swapAt(dice.below(lines.count), dice.below(lines.count)) }
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case 6:
            let number = dice.pick(numbers)
            log.append("a number replaced by \(number.prefix(30))")
            let digits = bytes.indices.filter { (48...57).contains(bytes[$0]) }
            if var start = digits.isEmpty ? nil : digits[dice.below(digits.count)] {
                // The whole number, so that the result is the huge number itself.
                while start > 0, (48...57).contains(bytes[start - 1]) || bytes[start - 1] == 46 { start -= 1 }
                var end = start
                while end < bytes.count, (48...57).contains(bytes[end]) || bytes[end] == 46 { end += 1 }
                bytes.replaceSubrange(start..<end, with: Array(number.utf8))
            } else {
                bytes.insert(contentsOf: Array(number.utf8), at: at)
            }
        case 7:
            log.append("NUL bytes at \(at)")
            bytes.insert(contentsOf: Array(repeating: 0, count: 1 + dice.below(3)), at: at)
        case 8:
            log.append("invalid UTF-8 at \(at)")
            bytes.insert(contentsOf: dice.pick(HostileBytes.invalidUTF8), at: at)
        case 9:
            let mark = dice.pick(HostileBytes.byteOrderMarks)
            let first = dice.chance(70)
            log.append("byte-order mark \(mark) \(first ? "first" : "at \(at)")")
            bytes.insert(contentsOf: mark, at: first ? 0 : at)
        case 10:
            let style = dice.below(3)
            log.append(["CRLF", "CR", "mixed"][style] + " line ends")
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes {
                if byte == UInt8(ascii: "\n") {
                    switch style == 2 ? dice.below(3) : style {
                    case 0: out += [13, 10]
                    case 1: out.append(13)
                    default: out.append(10)
                    }
                } else {
                    out.append(byte)
                }
            }
            bytes = out
        case 11:
            let quote = dice.pick(["\"", "'", "{", "[", "<", "\"\"\""])
            log.append("unbalanced \(quote) at \(at)")
            bytes.insert(contentsOf: Array(quote.utf8), at: at)
        case 12:
            let length = dice.pick(longLines)
            log.append("a line of \(length) bytes at \(at)")
            let filler = dice.pick(["a", "9", " ", ",", "ệ", "\""])
            bytes.insert(contentsOf: Array(String(repeating: filler, count: length / filler.utf8.count).utf8), at: at)
        case 13:
            let range = span()
            log.append("bytes \(range) replaced by a special byte")
            bytes.replaceSubrange(range, with: [dice.pick(Array(",;\"'\n\r\t:-&*!|>%@`#{}[]<>=/\\".utf8))])
        default:
            let token = dice.pick(dialect.tokens)
            log.append("\(token.debugDescription.prefix(40)) inserted at \(at)")
            bytes.insert(contentsOf: Array(token.utf8), at: at)
        }
        return bytes
    }

    /// Random bytes of one of three kinds: anything, printable text with the
    /// dialect's separators, or a soup of the dialect's tokens and seed words.
    public func randomInput(_ dice: inout Dice, _ dialect: Dialect, words: [String] = []) -> [UInt8] {
        let length = dice.chance(90) ? dice.below(300) : dice.below(20_000)
        switch dice.below(3) {
        case 0:
            return (0..<length).map { _ in UInt8.random(in: 0...255, using: &dice) }
        case 1:
            let alphabet = Array("abcXYZ019 ,.;:-_/\"'\n\r\t{}[]<>&*#=!|%@".utf8)
            return (0..<length).map { _ in dice.pick(alphabet) }
        default:
            let pool = dialect.tokens + words + numbers.prefix(8)
            var bytes: [UInt8] = []
            while bytes.count < length / 4 { bytes += Array(dice.pick(pool).utf8) }
            return bytes
        }
    }
}

public enum ZIPTraps {
    /// Why reading `bytes` would trap in ZIPFoundation 0.9 (known issues, see
    /// `HostileWorkbookTests.zipOffsetPastTheEnd` and `zip64OffsetPastInt64`), nil
    /// when it would not. Such inputs are skipped so that the campaigns can run
    /// on; remove this check once `XLSXReader` no longer traps on them.
    ///
    /// It follows ZIPFoundation's reading of an archive: the last end record,
    /// then each central-directory entry and its local header, stopping where
    /// ZIPFoundation stops. A memory archive traps when it seeks past its end
    /// and reads (`Archive+MemoryFile.swift:59`); any archive traps on a ZIP64
    /// offset past `Int64.max` (`Data+Serialization.swift:40`): ZIP64 records
    /// are all skipped.
    public static func knownTrap(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), bytes.count >= 22 else { return nil }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func hasZIP64Field(_ range: Range<Int>) -> Bool {
            range.count >= 2 && (range.lowerBound..<(range.upperBound - 1)).contains { bytes[$0] == 1 && bytes[$0 + 1] == 0 }
        }
        let count = bytes.count
        guard let end = stride(from: count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 }) else { return nil }
        if end >= 20, u32(end - 20) == 0x0706_4B50 { return "a ZIP64 end of central directory" }
        var directory = u32(end + 16)
        for _ in 0..<u16(end + 10) {
            if directory > count { return "a central directory past the end" }
            guard directory + 46 <= count, u32(directory) == 0x0201_4B50 else { return nil }
            let name = u16(directory + 28), extra = u16(directory + 30), comment = u16(directory + 32)
            guard directory + 46 + name + extra + comment <= count else { return nil }
            if hasZIP64Field((directory + 46 + name)..<(directory + 46 + name + extra)) { return "a ZIP64 extra field" }
            let flags = u16(directory + 8), method = u16(directory + 10)
            let compressed = u32(directory + 20), uncompressed = u32(directory + 24), local = u32(directory + 42)
            if local > count { return "a local header past the end" }
            guard local + 30 <= count, u32(local) == 0x0403_4B50 else { return nil }
            let localName = u16(local + 26), localExtra = u16(local + 28)
            guard local + 30 + localName + localExtra <= count else { return nil }
            if hasZIP64Field((local + 30 + localName)..<(local + 30 + localName + localExtra)) { return "a ZIP64 extra field" }
            if flags & 8 != 0, local + 30 + localName + localExtra + (method != 0 ? compressed : uncompressed) > count {
                return "a data descriptor past the end"
            }
            if flags & 1 != 0 { return nil } // encrypted: ZIPFoundation stops listing
            directory += 46 + name + extra + comment
        }
        return nil
    }
}
