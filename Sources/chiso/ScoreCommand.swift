import ArgumentParser
import ChiSoCore

/// `chiso score --index INDEX.yaml --agencies AGENCIES.csv --inputs INPUTS.csv`
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score agencies offline: CSV (or JSON with the breakdown) on standard output.",
        discussion: """
        Writes one row per agency, grouped by ranking group and ranked inside it. \
        Missing inputs are warnings on standard error. Any invalid file or row is an error: \
        every one is listed as FILE:LINE: message, nothing goes to standard output, and the exit status is 1.
        """
    )

    @Option(help: "The index (Bộ chỉ số) YAML file.")
    var index: String

    @Option(help: "The agency list CSV: code,name,group,tags.")
    var agencies: String

    @Option(help: "The score inputs CSV: agency,criterion,value,evidence.")
    var inputs: String

    @Option(help: "csv or json (json adds the per-node breakdown).")
    var format: ScoreRun.Format = .csv

    @Option(help: "Language of messages and explanations: en or vi.")
    var lang: Language = .english

    func run() throws {
        var files: [ScoreRun.File] = []
        for path in [index, agencies, inputs] {
            files.append(ScoreRun.File(path: path, bytes: try Console.readOrExit(path)))
        }
        let outcome = ScoreRun.run(index: files[0], agencies: files[1], inputs: files[2], format: format, language: lang)
        Console.err(outcome.standardError)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
        Console.out(outcome.standardOutput)
    }
}

extension ScoreRun.Format: ExpressibleByArgument {}
