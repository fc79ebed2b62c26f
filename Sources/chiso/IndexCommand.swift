import ArgumentParser
import ChiSoCore

/// `chiso index check FILE`
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Work with index (Bộ chỉ số) YAML files.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate an index file: a summary and exit 0, or every problem as FILE:LINE: node CODE: message and exit 1."
        )

        @Argument(help: "The index YAML file.")
        var file: String

        @Option(help: "Language of messages: en or vi.")
        var lang: Language = .english

        func run() throws {
            let bytes: [UInt8]
            switch Console.read(file) {
            case let .success(read): bytes = read
            case let .failure(failure):
                Console.err([failure.message])
                throw ExitCode(1)
            }
            do {
                let index = try IndexReader.read(yaml: String(decoding: bytes, as: UTF8.self))
                Console.out(IndexSummary(index).text(language: lang))
            } catch {
                Console.err(error.problems.map { $0.formatted(file: file, language: lang) })
                throw ExitCode(1)
            }
        }
    }
}
