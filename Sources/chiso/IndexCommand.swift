import ArgumentParser
import ChiSoCore

/// `chiso index check FILE`
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Work with index (Bộ chỉ số) files: YAML or Excel (.xlsx).",
        subcommands: [Check.self, Convert.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate an index file: a summary and exit 0, or every problem (FILE:LINE: node CODE: message, or FILE: SHEET, ROW, COLUMN: message for a workbook) and exit 1."
        )

        @Argument(help: "The index file: YAML, or an Excel workbook (.xlsx).")
        var file: String

        @Option(help: "Language of messages: en or vi.")
        var lang: Language = .english

        func run() throws {
            let bytes = try Console.readOrExit(file)
            do {
                let read = try IndexFile.read(bytes, format: IndexFile.Format(fileName: file, content: bytes))
                Console.out(IndexSummary(read.index).text(language: lang))
            } catch {
                Console.err(error.formatted(file: file, language: lang))
                throw ExitCode(1)
            }
        }
    }

    /// `chiso index convert IN OUT`
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert an index between YAML (.yaml, .yml) and Excel (.xlsx), the formats from the extensions. A refused input: every problem on standard error, exit 1, nothing written."
        )

        @Argument(help: "The index to read: .yaml, .yml or .xlsx.")
        var input: String

        @Argument(help: "The file to write: .yaml, .yml or .xlsx.")
        var output: String

        @Option(help: "Language of messages: en or vi.")
        var lang: Language = .english

        func run() throws {
            guard let from = IndexFile.Format(fileName: input), let to = IndexFile.Format(fileName: output) else {
                Console.err([lang == .vietnamese
                    ? "chỉ chuyển được giữa .yaml, .yml và .xlsx (theo phần mở rộng của tên tệp)"
                    : "convert works between .yaml, .yml and .xlsx (by the files' extensions)"])
                throw ExitCode(1)
            }
            let bytes = try Console.readOrExit(input)
            let read: IndexFile.Read
            do {
                read = try IndexFile.read(bytes, format: from)
            } catch {
                Console.err(error.formatted(file: input, language: lang))
                throw ExitCode(1)
            }
            do {
                let written = try IndexFile.write(read.table, format: to)
                try Console.write(written, to: output)
            } catch {
                Console.err(["\(output): \(error)"])
                throw ExitCode(1)
            }
            Console.out(lang == .vietnamese
                ? "Đã ghi \(output): \(read.index.id), \(read.index.leafPositions.count) tiêu chí thành phần."
                : "Wrote \(output): \(read.index.id), \(read.index.leafPositions.count) leaves.\n")
        }
    }
}
