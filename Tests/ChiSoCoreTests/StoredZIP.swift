/// ZIP archives of stored (uncompressed) files: enough to write small
/// workbooks, well-formed or broken, without a ZIP library. Shared by the
/// XLSX reader tests, the hostile-input tests and the fuzz campaign
/// (bench/fuzz/run.py builds this file into its worker).
enum StoredZIP {
    /// An archive of `files`, each a path and its bytes.
    static func archive(_ files: [(String, [UInt8])]) -> [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        for (path, data) in files {
            let name = Array(path.utf8)
            // Version needed, flags (UTF-8 names), method (stored), time, date,
            // CRC-32, compressed and uncompressed sizes, name and extra lengths.
            let fields = [le16(20), le16(0x0800), le16(0), le16(0), le16(0x21), le32(crc32(data)),
                          le32(data.count), le32(data.count), le16(name.count), le16(0)].flatMap { $0 }
            // Comment length, disk, internal and external attributes, local header offset.
            let location = [le16(0), le16(0), le16(0), le32(0), le32(archive.count)].flatMap { $0 }
            archive += le32(0x0403_4B50) + fields + name + data
            directory += le32(0x0201_4B50) + le16(20) + fields + location + name
        }
        let end = [le32(0x0605_4B50), le16(0), le16(0), le16(files.count), le16(files.count),
                   le32(directory.count), le32(archive.count), le16(0)].flatMap { $0 }
        return archive + directory + end
    }

    /// An archive of text files (UTF-8).
    static func archive(texts files: [(String, String)]) -> [UInt8] {
        archive(files.map { ($0, Array($1.utf8)) })
    }

    static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    static func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
    static func le32(_ value: UInt32) -> [UInt8] { le32(Int(value)) }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        return crc
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }
}
