/// `chiso score` as a function of its three files' contents (spec §5), so
/// that tests run it without a process and the CLI only reads and writes.
public enum ScoreRun {
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    /// A named file's contents.
    public struct File: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    public struct Outcome: Sendable {
        /// Empty whenever any file was refused.
        public var standardOutput: String
        /// Problems (`FILE:LINE: message`) or warnings, one per line.
        public var standardError: [String]
        /// 0 when scored, 1 when a file was refused.
        public var exitCode: Int32
    }

    public static func run(index indexFile: File, agencies agencyFile: File, inputs inputFile: File,
                           format: Format = .csv, language: Language = .english) -> Outcome {
        func refused(_ lines: [String]) -> Outcome {
            Outcome(standardOutput: "", standardError: lines, exitCode: 1)
        }
        let index: Index
        do {
            index = try IndexReader.read(yaml: String(decoding: indexFile.bytes, as: UTF8.self))
        } catch {
            return refused(error.problems.map { $0.formatted(file: indexFile.path, language: language) })
        }
        let agencies: [Agency]
        do {
            agencies = try AgencyListReader.read(agencyFile.bytes)
        } catch {
            return refused(error.problems.map { $0.formatted(file: agencyFile.path, language: language) })
        }
        let sheets: [ScoreSheet]
        do {
            sheets = try InputsReader.read(inputFile.bytes, index: index, agencies: agencies)
        } catch {
            return refused(error.problems.map { $0.formatted(file: inputFile.path, language: language) })
        }
        let report = ScoreReport(index: index, agencies: agencies, sheets: sheets, keepBreakdown: format == .json)
        let output = format == .json ? report.json(language: language) : report.csv()
        return Outcome(standardOutput: output,
                       standardError: report.missingInputWarnings(file: inputFile.path, language: language),
                       exitCode: 0)
    }
}
