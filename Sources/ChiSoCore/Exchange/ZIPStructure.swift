/// A check of a ZIP file's directory before ZIPFoundation reads it:
/// ZIPFoundation 0.9.20 traps (crashes the whole process) when an offset or
/// size in the directory points past the end of the data, or is a ZIP64
/// value that does not fit. A workbook needs neither: such a file is
/// refused as damaged instead.
enum ZIPStructure {
    static func isSound(_ bytes: [UInt8]) -> Bool {
        func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= bytes.count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        // The end-of-central-directory record: in the last 64 KB + 22 bytes.
        var end: Int?
        var at = bytes.count - 22
        while at >= 0 && at >= bytes.count - 65_557 {
            if u32(at) == 0x0605_4B50 { end = at; break }
            at -= 1
        }
        // A ZIP64 end record before it: a workbook never needs one.
        guard let end, !(end >= 20 && u32(end - 20) == 0x0706_4B50), let count = u16(end + 10), let size = u32(end + 12), let offset = u32(end + 16) else { return false }
        // ZIP64 markers: a workbook never needs them.
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF, offset + size <= end else { return false }
        var entry = offset
        for _ in 0..<count {
            guard u32(entry) == 0x0201_4B50, let compressed = u32(entry + 20), let uncompressed = u32(entry + 24),
                  let nameLength = u16(entry + 28), let extraLength = u16(entry + 30), let commentLength = u16(entry + 32),
                  let local = u32(entry + 42) else { return false }
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else { return false }
            // No ZIP64 extra field (id 1) either.
            var extra = entry + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                guard let id = u16(extra), let length = u16(extra + 2), id != 0x0001 else { return false }
                extra += 4 + length
            }
            // The local header and its data lie inside the file.
            guard u32(local) == 0x0403_4B50, let localName = u16(local + 26), let localExtra = u16(local + 28),
                  local + 30 + localName + localExtra + compressed <= bytes.count else { return false }
            entry = extraEnd + commentLength
            guard entry <= end else { return false }
        }
        return true
    }
}
