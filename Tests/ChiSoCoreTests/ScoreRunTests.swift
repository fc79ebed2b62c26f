import Foundation
import Testing
@testable import ChiSoCore

/// `chiso score` end to end, without a process: the spec's worked examples
/// byte for byte, and refusals of bad files with their lines (spec §5).
@Suite("Scoring files")
struct ScoreRunTests {
    func file(_ name: String, _ text: String) -> ScoreRun.File {
        ScoreRun.File(path: name, bytes: Array(text.utf8))
    }

    func example(_ name: String) throws -> (ScoreRun.File, ScoreRun.File, ScoreRun.File) {
        let folder = Paths.specExamples.appendingPathComponent(name)
        return (ScoreRun.File(path: "index.yaml", bytes: try Paths.bytes(folder.appendingPathComponent("index.yaml"))),
                ScoreRun.File(path: "agencies.csv", bytes: try Paths.bytes(folder.appendingPathComponent("agencies.csv"))),
                ScoreRun.File(path: "inputs.csv", bytes: try Paths.bytes(folder.appendingPathComponent("inputs.csv"))))
    }

    @Test("The spec's worked examples, byte for byte", arguments: ["case-7", "case-8"])
    func workedExample(name: String) throws {
        let (index, agencies, inputs) = try example(name)
        let outcome = ScoreRun.run(index: index, agencies: agencies, inputs: inputs)
        let expected = String(decoding: try Paths.bytes(Paths.specExamples.appendingPathComponent("\(name)/expected.csv")), as: UTF8.self)
        #expect(outcome.exitCode == 0)
        #expect(outcome.standardOutput == expected)
        // Every missing input is one warning (an empty list would pass `allSatisfy`: the count is pinned).
        #expect(outcome.standardError.count == ["case-7": 17, "case-8": 10][name])
        #expect(outcome.standardError.allSatisfy { $0.hasPrefix("inputs.csv: agency ") && $0.contains(": no input for ") })
    }

    @Test("The spec's invalid inputs are refused with their lines")
    func invalidExample() throws {
        let (index, agencies, inputs) = try example("invalid-inputs")
        let outcome = ScoreRun.run(index: index, agencies: agencies, inputs: inputs)
        #expect(outcome.exitCode == 1)
        #expect(outcome.standardOutput.isEmpty)
        for prefix in ["inputs.csv:6: duplicate of line 4", "inputs.csv:10: unknown agency SO-KHONG-CO",
                       "inputs.csv:125: criterion 2.1: a count cannot be negative", "inputs.csv:126: criterion 2.2: not a number"] {
            #expect(outcome.standardError.contains { $0.hasPrefix(prefix) }, "\(prefix)")
        }
        #expect(outcome.standardError.count == 4)
    }

    @Test("The same example in the shape Excel saves it: BOM, CRLF, quoted fields")
    func excelShape() throws {
        let (index, agencies, inputs) = try example("case-7")
        func excel(_ file: ScoreRun.File) -> ScoreRun.File {
            let text = String(decoding: file.bytes, as: UTF8.self)
            let crlf = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
            return ScoreRun.File(path: file.path, bytes: [0xEF, 0xBB, 0xBF] + Array(crlf.utf8))
        }
        let quotedInputs = String(decoding: inputs.bytes, as: UTF8.self)
            .replacingOccurrences(of: "SO001,2.1,6,1", with: "\"SO001\",\"2.1\",\"6\",\"1\"")
        let outcome = ScoreRun.run(index: index, agencies: excel(agencies),
                                   inputs: excel(ScoreRun.File(path: "inputs.csv", bytes: Array(quotedInputs.utf8))))
        let expected = String(decoding: try Paths.bytes(Paths.specExamples.appendingPathComponent("case-7/expected.csv")), as: UTF8.self)
        #expect(outcome.standardOutput == expected)
    }

    let index = #"""
    id: t
    title: t
    scale: 10
    classes:
      - {code: D, title: Đạt, min: 5}
      - {code: K, title: Không đạt, min: 0}
    criteria:
      - code: G
        title: g
        max: 10
        children:
          - {code: a, title: a, max: 4, rule: {type: count, per: 1}}
          - {code: b, title: b, max: 3, rule: {type: tiers, tiers: [{min: 90, points: 3}]}, evidence: required}
          - {code: c, title: c, max: 3, rule: {type: levels, levels: [{code: A, points: 3}, {code: B, points: 1}]}, notApplicableFor: [nho]}
    bonus:
      - {code: T, title: thưởng, rule: {type: count, per: 1, cap: 1}}
    """#
    let agencies = #"""
    code,name,group,tags
    S1,"Sở A, B và ""C""",so,
    S2,Sở 2,so,nho
    X1,Xã 1,xa,

    """#

    func run(_ inputs: String, format: ScoreRun.Format = .csv, language: Language = .english) -> ScoreRun.Outcome {
        ScoreRun.run(index: file("index.yaml", index), agencies: file("agencies.csv", agencies),
                     inputs: file("inputs.csv", inputs), format: format, language: language)
    }

    @Test("Output: grouped, ranked, quoted, numbers with 2 decimals; warnings for missing inputs")
    func output() {
        let outcome = run(#"""
        agency,criterion,value,evidence
        S1,a,4,
        S1,b,95,1
        S1,c,B,0
        S2,a,3,0
        S2,b,90,1
        S2,c,NA,0
        X1,a,2,0
        X1,T,5,0
        """#)
        #expect(outcome.exitCode == 0)
        #expect(outcome.standardOutput == #"""
        group,rank,agency,name,raw,applicable_max,normalized,bonus,deduction,final,class
        so,1,S2,Sở 2,6.00,7.00,8.57,0.00,0.00,8.57,D
        so,2,S1,"Sở A, B và ""C""",8.00,10.00,8.00,0.00,0.00,8.00,D
        xa,1,X1,Xã 1,2.00,10.00,2.00,1.00,0.00,3.00,K

        """#)
        #expect(outcome.standardError == ["inputs.csv: agency X1: no input for b", "inputs.csv: agency X1: no input for c"])
    }

    @Test("Every error of every row, with the line where the record starts")
    func errors() {
        let outcome = run(#"""
        agency,criterion,value,evidence
        S1,a,-1,0
        S1,b,"9
        5",1
        S9,G,x,0
        S1,a,2,0
        S2,c,NA,0
        S1,c,NA,0
        S1,c,Z,0
        X1,b,9/10,abc
        ,,,
        X1,b,91,-1
        X1,T,NA,0
        X1,zz,1,0
        X1,a,2.5,0
        X1,a,2

        """#)
        #expect(outcome.exitCode == 1)
        #expect(outcome.standardOutput.isEmpty)
        let lines = outcome.standardError
        let expected = [
            "inputs.csv:2: criterion a: a count cannot be negative (-1)",
            "inputs.csv:3: criterion b: not a number",
            "inputs.csv:5: unknown agency S9",
            "inputs.csv:5: criterion G is a group; give inputs for its sub-criteria",
            "inputs.csv:6: duplicate of line 2 (agency S1, criterion a)",
            "inputs.csv:8: criterion c: NA is not allowed",
            "inputs.csv:9: duplicate of line 8 (agency S1, criterion c)",
            "inputs.csv:9: criterion c: unknown level \"Z\" (use A, B)",
            "inputs.csv:10: criterion b: not a number (\"9/10\")",
            "inputs.csv:10: evidence must be a whole number ≥ 0, not \"abc\"",
            "inputs.csv:12: evidence must be a whole number ≥ 0, not \"-1\"",
            "inputs.csv:13: criterion T: NA is not allowed for a bonus or deduction item",
            "inputs.csv:14: unknown criterion zz",
            "inputs.csv:15: criterion a: a count must be a whole number (2.5)",
            "inputs.csv:16: expected 4 fields, found 3",
        ]
        for prefix in expected {
            #expect(lines.contains { $0.hasPrefix(prefix) }, "missing: \(prefix)\nin \(lines)")
        }
        // S2's c is N/A by its tag, so NA is accepted there (line 7); line 11 is blank.
        #expect(!lines.contains { $0.hasPrefix("inputs.csv:7:") || $0.hasPrefix("inputs.csv:11:") })
        #expect(lines.count == expected.count + 1) // line 12 also has a duplicate (X1,b)
    }

    @Test("Bad headers and bad agency lists are refused before any row")
    func badFiles() {
        let header = run("agency,criterion,valeur\nS1,a,1\n")
        #expect(header.standardError == [
            "inputs.csv:1: unknown column \"valeur\" (expected agency,criterion,value,evidence)",
            "inputs.csv:1: missing column value",
        ])
        let list = ScoreRun.run(index: file("index.yaml", index),
                                agencies: file("agencies.csv", "code,name,group\nS1,Sở 1,so\nS1,Sở 1 bis,so\nS2,Sở 2,\n"),
                                inputs: file("inputs.csv", "agency,criterion,value\n"))
        #expect(list.exitCode == 1)
        #expect(list.standardError == [
            "agencies.csv:3: agency code S1 is already used at line 2",
            "agencies.csv:4: agency S2: the group is empty",
        ])
        let broken = ScoreRun.run(index: file("index.yaml", "id: t\n"), agencies: file("agencies.csv", agencies),
                                  inputs: file("inputs.csv", "agency,criterion,value\n"))
        #expect(broken.exitCode == 1)
        #expect(broken.standardError.allSatisfy { $0.hasPrefix("index.yaml:1: index: missing field") })
        let latin1 = ScoreRun.run(index: file("index.yaml", index), agencies: file("agencies.csv", agencies),
                                  inputs: ScoreRun.File(path: "inputs.csv", bytes: Array("agency,criterion,value\nS1,a,".utf8) + [0xE9, 0x0A]))
        #expect(latin1.standardError == ["inputs.csv:2: the file is not UTF-8 text (save it as \"CSV UTF-8\")"])
        let unclosed = run("agency,criterion,value\nS1,a,\"1\nS1,b,2\n")
        #expect(unclosed.standardError == ["inputs.csv:2: a quoted field opened here is never closed"])
    }

    @Test("JSON: the same rows with the breakdown of every node")
    func json() throws {
        let outcome = run("agency,criterion,value,evidence\nS1,a,4,0\nS1,b,95,0\nS1,c,B,0\nS2,a,1,0\n", format: .json, language: .vietnamese)
        #expect(outcome.exitCode == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as! [[String: Any]]
        #expect(rows.count == 3)
        #expect(rows.map { $0["agency"] as! String } == ["S1", "S2", "X1"])
        let s1 = rows[0]
        #expect(s1["final"] as? NSNumber == 5)
        #expect(s1["class"] as? String == "D")
        let group = (s1["criteria"] as! [[String: Any]])[0]
        let children = group["children"] as! [[String: Any]]
        #expect(children.map { $0["code"] as! String } == ["a", "b", "c"])
        #expect(children[1]["why"] as? String == "thiếu tài liệu kiểm chứng → 0")
        #expect(children[1]["input"] as? String == "95")
        #expect(children[0]["why"] as? String == "4 × 1 = 4 điểm")
        let s2 = rows[1]
        let s2c = ((s2["criteria"] as! [[String: Any]])[0]["children"] as! [[String: Any]])[2]
        #expect(s2c["applicable"] as? Bool == false)
        #expect(s2c["why"] as? String == "không áp dụng (đơn vị có nhãn nho)")
        #expect((rows[2]["missing"] as! [String]) == ["a", "b", "c"])
    }
}
