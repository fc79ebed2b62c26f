import Foundation
@testable import ChiSoCore

/// Folders the tests read from, found from this file's location.
enum Paths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let specExamples = fixtures.appendingPathComponent("spec-examples")
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let indexes = repository.appendingPathComponent("Resources/indexes")
    static let samples = repository.appendingPathComponent("Resources/samples")

    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}

/// An index read from YAML text, failing the test with every problem.
func parseIndex(_ yaml: String) throws -> Index {
    do {
        return try IndexReader.read(yaml: yaml)
    } catch {
        throw TestFailure(error.problems.map { "\($0.line): \($0.subject): \($0.english)" }.joined(separator: "\n"))
    }
}

/// The problems an index's YAML yields (empty when it is valid).
func problems(_ yaml: String) -> [IndexProblem] {
    do {
        _ = try IndexReader.read(yaml: yaml)
        return []
    } catch {
        return error.problems
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A small valid index around some criteria YAML (indented by 2 under `criteria:`).
func indexYAML(
    scale: String = "10", naPolicy: String = "rescale", caps: String = "", criteria: String, extra: String = ""
) -> String {
    """
    id: test
    title: Bộ chỉ số thử
    scale: \(scale)
    naPolicy: \(naPolicy)
    \(caps)
    classes:
      - {code: XS, title: Xuất sắc, min: 90}
      - {code: T, title: Tốt, min: 80}
      - {code: K, title: Khá, min: 70}
      - {code: TB, title: Trung bình, min: 50}
      - {code: Y, title: Yếu, min: 0}
    criteria:
    \(criteria)
    \(extra)
    """
}

/// Scores one agency given `code: value` (and optional evidence) pairs.
func score(_ index: Index, tags: [String] = [], _ inputs: [String: String], evidence: [String: Int] = [:]) throws -> AgencyScore {
    var sheet = ScoreSheet(for: index)
    let items = index.itemsByCode()
    for (code, text) in inputs {
        guard let item = items[code] else { throw TestFailure("no item \(code)") }
        let value: InputValue
        switch InputReading.read(text, for: item, in: index) {
        case let .success(read): value = read
        case let .failure(problem): throw TestFailure("\(code)=\(text): \(problem.english)")
        }
        sheet[item] = Entry(value: value, evidence: evidence[code] ?? 1)
    }
    return Scorer(index: index).score(tags: tags, sheet: sheet)
}

extension AgencyScore {
    func points(_ index: Index, _ code: String) -> DecimalNumber? {
        index.nodes.firstIndex { $0.code == code }.map { nodes[$0].points }
    }
}

extension DecimalNumber {
    /// Test shorthand: a literal known to be a valid number.
    static func of(_ text: String) -> DecimalNumber { DecimalNumber(text)! }
}
