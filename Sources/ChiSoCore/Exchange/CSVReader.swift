/// A problem on one line of a file (CSV rows, mostly), in both languages.
public struct LineProblem: Sendable, Hashable {
    public var line: Int
    public var english: String
    public var vietnamese: String

    public init(line: Int, english: String, vietnamese: String) {
        self.line = line
        self.english = english
        self.vietnamese = vietnamese
    }

    public func message(_ language: Language) -> String {
        language == .vietnamese ? vietnamese : english
    }

    /// `FILE:LINE: message`.
    public func formatted(file: String, language: Language = .english) -> String {
        "\(file):\(line): \(message(language))"
    }
}

/// Every problem found in one file.
public struct LineProblems: Error, Sendable {
    public var problems: [LineProblem]
    public init(_ problems: [LineProblem]) { self.problems = problems }
}

/// RFC 4180 CSV, as Excel and LibreOffice write it: a UTF-8 byte-order mark
/// is skipped, lines may end in CRLF or LF, quoted fields may hold commas,
/// quotes (doubled) and line breaks. Each record reports the line it starts
/// on. Blank lines are skipped.
public enum CSVReader {
    /// Calls `body` with each record's starting line and fields. The fields
    /// array is reused between calls: copy it to keep it.
    public static func forEachRecord(
        in bytes: [UInt8], _ body: (_ line: Int, _ fields: [String]) throws(LineProblems) -> Void
    ) throws(LineProblems) {
        if let bad = firstInvalidUTF8Line(bytes) {
            throw LineProblems([LineProblem(
                line: bad,
                english: "the file is not UTF-8 text (save it as \"CSV UTF-8\")",
                vietnamese: "tệp không phải văn bản UTF-8 (hãy lưu dưới dạng \"CSV UTF-8\")")])
        }
        var fields: [String] = []
        fields.reserveCapacity(8)
        var scratch: [UInt8] = []
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        let end = bytes.count
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(LineProblems) in
            while position < end {
                let recordLine = line
                // A blank line is no record.
                if buffer[position] == lf || buffer[position] == cr {
                    if buffer[position] == cr, position + 1 < end, buffer[position + 1] == lf { position += 1 }
                    position += 1
                    line += 1
                    continue
                }
                fields.removeAll(keepingCapacity: true)
                var recordDone = false
                while !recordDone {
                    if position < end, buffer[position] == quote {
                        // Quoted field.
                        scratch.removeAll(keepingCapacity: true)
                        position += 1
                        var closed = false
                        while position < end {
                            let byte = buffer[position]
                            if byte == quote {
                                if position + 1 < end, buffer[position + 1] == quote {
                                    scratch.append(quote)
                                    position += 2
                                    continue
                                }
                                position += 1
                                closed = true
                                break
                            }
                            if byte == lf { line += 1 }
                            scratch.append(byte)
                            position += 1
                        }
                        guard closed else {
                            throw LineProblems([LineProblem(
                                line: recordLine,
                                english: "a quoted field opened here is never closed",
                                vietnamese: "một ô mở dấu ngoặc kép ở đây nhưng không đóng lại")])
                        }
                        // Anything between the closing quote and the next separator is kept as text.
                        while position < end, buffer[position] != comma, buffer[position] != lf, buffer[position] != cr {
                            scratch.append(buffer[position])
                            position += 1
                        }
                        fields.append(SpreadsheetFormula.restored(String(decoding: scratch, as: UTF8.self)))
                    } else {
                        let start = position
                        while position < end, buffer[position] != comma, buffer[position] != lf, buffer[position] != cr {
                            position += 1
                        }
                        fields.append(SpreadsheetFormula.restored(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)))
                    }
                    // Separator or end of record.
                    if position < end, buffer[position] == comma {
                        position += 1
                    } else {
                        if position < end, buffer[position] == cr { position += 1 }
                        if position < end, buffer[position] == lf { position += 1 }
                        line += 1
                        recordDone = true
                    }
                }
                try body(recordLine, fields)
            }
        }
    }

    /// The line of the first byte sequence that is not UTF-8, if any.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        // Fast path: pure ASCII or valid UTF-8 as a whole.
        if bytes.allSatisfy({ $0 < 0x80 }) { return nil }
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var line = 1
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[start..<offset], as: UTF8.self) == nil { return line }
            line += 1
            start = offset + 1
        }
        return line
    }
}

extension CSVReader {
    /// The header's column positions, by name; problems for unknown, missing
    /// and repeated columns.
    public static func columns(
        header: [String], line: Int, required: [String], optional: [String]
    ) -> (positions: [String: Int], problems: [LineProblem]) {
        var positions: [String: Int] = [:]
        var problems: [LineProblem] = []
        let known = required + optional
        for (offset, rawName) in header.enumerated() {
            let name = rawName.trimmingSpaces.lowercased()
            if !known.contains(name) {
                problems.append(LineProblem(
                    line: line,
                    english: "unknown column \"\(rawName)\" (expected \(known.joined(separator: ",")))",
                    vietnamese: "cột \"\(rawName)\" không hợp lệ (cần các cột \(known.joined(separator: ",")))"))
            } else if positions[name] != nil {
                problems.append(LineProblem(line: line, english: "column \(name) appears twice",
                                            vietnamese: "cột \(name) bị lặp lại"))
            } else {
                positions[name] = offset
            }
        }
        for name in required where positions[name] == nil {
            problems.append(LineProblem(line: line, english: "missing column \(name)", vietnamese: "thiếu cột \(name)"))
        }
        return (positions, problems)
    }
}
