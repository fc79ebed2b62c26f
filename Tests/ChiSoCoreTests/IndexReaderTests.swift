import Testing
@testable import ChiSoCore

/// Validation per spec §1: every problem, each with its line.
@Suite("Reading and validating index files")
struct IndexReaderTests {
    /// (line, problem code) pairs found in `yaml`.
    func found(_ yaml: String) -> [String] {
        problems(yaml).map { "\($0.line) \($0.code)" }
    }

    @Test("The shipped indexes are valid", arguments: ["so-2026.yaml", "xa-2026.yaml"])
    func shipped(file: String) throws {
        let yaml = String(decoding: try Paths.bytes(Paths.indexes.appendingPathComponent(file)), as: UTF8.self)
        let index = try parseIndex(yaml)
        #expect(index.scale == 100)
        #expect(index.roots.reduce(DecimalNumber.zero) { $0 + index.nodes[$1].max } == 100)
        #expect(index.leafPositions.count >= 40)
    }

    @Test("The spec's example index reads into the expected tree")
    func example() throws {
        let yaml = String(decoding: try Paths.bytes(Paths.specExamples.appendingPathComponent("case-7/index.yaml")), as: UTF8.self)
        let index = try parseIndex(yaml)
        #expect(index.id == "case-7")
        #expect(index.roots.map { index.nodes[$0].code } == ["I", "II", "III", "IV"])
        #expect(index.nodes[index.roots[0]].children.map { index.nodes[$0].code } == ["1.1", "1.2"])
        #expect(index.bonusCap == 0)
        #expect(index.bonus.map(\.code) == ["B1", "B2"])
        #expect(index.bonus[1].rule == .manual(max: 2, step: .of("0.5")))
        let leaf = index.nodes.first { $0.code == "1.2.1" }!
        #expect(leaf.leaf?.evidenceRequired == true)
        #expect(leaf.allowNA)
        #expect(leaf.line == 38)
        #expect(index.nodes.first { $0.code == "1.2" }!.notApplicableFor == ["dvsn"])
    }

    @Test("Every problem in a broken file is reported with its line")
    func everyProblem() {
        let yaml = """
        id: Bad_Id
        title: Hỏng
        scale: 10
        naPolicy: sometimes
        colour: blue
        classes:
          - {code: A, title: a, min: 50}
          - {code: B, title: b, min: 60}
          - {code: A, title: c, min: 10}
        criteria:
          - code: "1"
            title: Một
            max: 6
            children:
              - code: "1.1"
                title: Lá thiếu quy tắc
                max: 2
              - code: "1.2"
                title: Bậc
                max: 3
                rule: {type: tiers, tiers: [{min: 80, points: 2}, {min: 90, points: 4}]}
                notAplicableFor: [x]
          - code: "1"
            title: Trùng mã
            max: 3
            rule: {type: magic}
          - code: "3"
            title: Số sai
            max: -1
            rule: {type: count, per: 0}
          - code: "4"
            title: Nhóm có luật
            max: 1
            allowNA: true
            rule: {type: yesno}
            children:
              - {code: "4.1", title: x, max: 1, rule: {type: levels, levels: [{code: A, points: 2}, {code: A, points: 1}]}}
          - code: "5"
            title: Tỷ lệ
            max: 1
            rule: {type: ratio, target: 0, per: 2}
            evidence: maybe
            source: weather
        bonus:
          - {code: "3", title: Trùng với tiêu chí, rule: {type: count, per: 1}}
          - {code: B2, title: Thưởng tay, rule: {type: manual}}
          - {code: B3, title: Sai loại, rule: {type: tiers}}
        """
        let lines = found(yaml)
        let expected = [
            "1 bad-id", "4 bad-na-policy", "5 unknown-field", "8 classes-not-decreasing", "9 duplicate-class",
            "9 last-class-not-zero", "13 group-max-exceeds-children", "15 leaf-without-rule", "21 tier-exceeds-max",
            "21 tiers-not-decreasing", "22 unknown-field", "23 duplicate-code", "26 unknown-rule-type",
            "29 negative-number", "30 zero", "34 leaf-only-field", "35 group-with-rule", "37 duplicate-level",
            "37 level-exceeds-max", "41 zero", "41 unknown-field", "42 bad-evidence", "43 unknown-source",
            "45 duplicate-code", "46 missing-field", "47 bad-adjustment-rule",
        ]
        for line in expected {
            #expect(lines.contains(line), "missing \(line) in \(lines)")
        }
        // The sum check is skipped when a top-level max is itself broken (no misleading second error).
        #expect(!lines.contains { $0.hasSuffix("scale-mismatch") })
        #expect(lines == lines.sorted { Int($0.split(separator: " ")[0])! < Int($1.split(separator: " ")[0])! })
    }

    @Test("Top-level max values must add up to scale")
    func scaleMismatch() {
        let yaml = indexYAML(scale: "100", criteria: """
        - {code: A, title: a, max: 40, rule: {type: yesno}}
        - {code: B, title: b, max: 50, rule: {type: yesno}}
        """)
        #expect(found(yaml) == ["3 scale-mismatch"])
        #expect(problems(yaml)[0].english == "the top-level max values add up to 90, not to scale 100")
    }

    @Test("A smaller group max is a cap, not an error")
    func groupCapIsValid() {
        let yaml = indexYAML(scale: "2", criteria: """
        - code: G
          title: g
          max: 2
          children:
          - {code: a, title: a, max: 2, rule: {type: yesno}}
          - {code: b, title: b, max: 2, rule: {type: yesno}}
        """)
        #expect(found(yaml) == [])
    }

    @Test("Misspelt fields are reported with a suggestion")
    func typo() {
        let yaml = indexYAML(scale: "1", criteria: """
        - {code: A, title: a, max: 1, rule: {type: yesno}, notAplicableFor: [x]}
        """)
        let problem = problems(yaml).first
        #expect(problem?.code == "unknown-field")
        #expect(problem?.english == "unknown field notAplicableFor (did you mean notApplicableFor?)")
        #expect(problem?.line == 13)
        #expect(problem?.subject == "node A")
    }

    @Test("Required top-level fields", arguments: ["id", "title", "scale", "classes", "criteria"])
    func requiredFields(field: String) {
        let full = indexYAML(scale: "1", criteria: "- {code: A, title: a, max: 1, rule: {type: yesno}}")
        let lines = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var kept: [String] = []
        var skipping = false
        for line in lines {
            if line.hasPrefix("\(field):") { skipping = true; continue }
            if skipping, line.hasPrefix(" ") || line.hasPrefix("-") { continue }
            skipping = false
            kept.append(line)
        }
        #expect(problems(kept.joined(separator: "\n")).contains { $0.code == "missing-field" && $0.english.hasSuffix(field) })
    }

    @Test("Numbers: 0,5 and 0.5 alike; exponents, negatives and text refused")
    func numbers() throws {
        let good = try parseIndex(indexYAML(scale: "1", criteria: """
        - {code: A, title: a, max: "0,5", rule: {type: yesno}}
        - {code: B, title: b, max: 0.5, rule: {type: manual, step: "0,25"}}
        """))
        #expect(good.nodes[0].max == good.nodes[1].max)
        #expect(good.nodes[1].leaf?.rule == .manual(step: .of("0.25")))
        for bad in ["1e0", ".5", "+1", "one", "[1]"] {
            let yaml = indexYAML(scale: "1", criteria: "- {code: A, title: a, max: \(bad), rule: {type: yesno}}")
            #expect(problems(yaml).contains { $0.code == "not-a-number" && $0.line == 13 }, "\(bad)")
        }
    }

    @Test("Classes must strictly decrease and end at 0")
    func classes() {
        let yaml = """
        id: t
        title: t
        scale: 1
        classes:
          - {code: A, title: a, min: 50}
          - {code: B, title: b, min: 50}
          - {code: C, title: c, min: 5, leaderRating: GIOI}
        criteria:
          - {code: X, title: x, max: 1, rule: {type: yesno}}
        """
        #expect(found(yaml) == ["6 classes-not-decreasing", "7 bad-leader-rating", "7 last-class-not-zero"])
    }

    @Test("Syntax errors and duplicate keys name their line")
    func syntax() {
        #expect(found("id: t\ntitle: [unclosed\nscale: 1\n").first?.hasSuffix("yaml-syntax") == true)
        let duplicate = problems("id: t\ntitle: a\ntitle: b\n")
        #expect(duplicate.count == 1)
        #expect(duplicate.first?.code == "yaml-syntax")
        #expect(duplicate.first?.line == 2)
        #expect(found("") == ["1 empty-file"])
        #expect(found("- just\n- a list\n") == ["1 not-a-mapping"])
    }

    @Test("YAML syntax problems are said in the reader's language, with what usually causes them, never in the parser's English")
    func syntaxInWords() {
        let cases: [(String, String)] = [
            ("id: t\ncriteria:\n  - code: A\n   - code: B\n", "thiếu dấu '-' ở đầu một mục của danh sách"),
            ("id: t\ntitle: Chỉ số: năm 2026: bản 2\n", "dấu ':' không đúng chỗ"),
            ("id: t\ntitle: [chưa đóng\nscale: 1\n", "thiếu dấu ',' hoặc ']'"),
            ("id: t\ntitle: @tên\n", "có ký tự không được đứng đầu giá trị"),
            ("id: t\ncriteria:\n\t- code: A\n", "thụt lề bằng phím Tab"),
            ("id: t\ntitle: a\ntitle: b\n", "trường bị lặp: 'title'"),
        ]
        for (yaml, words) in cases {
            let problem = problems(yaml).first
            #expect(problem?.code == "yaml-syntax", "\(yaml)")
            #expect(problem?.vietnamese.hasPrefix("không đúng cú pháp YAML: \(words)") == true, "\(problem?.vietnamese ?? "") for \(yaml)")
            // None of libyaml's own words.
            for english in ["did not find", "mapping values", "found character", "while parsing", "indicator"] {
                #expect(problem?.vietnamese.contains(english) == false, "\(problem?.vietnamese ?? "")")
            }
        }
    }

    @Test("allowNA, evidence and source belong to leaves only")
    func leafOnlyFields() {
        let yaml = indexYAML(scale: "1", criteria: """
        - code: G
          title: g
          max: 1
          evidence: required
          source: survey
          children:
          - {code: a, title: a, max: 1, rule: {type: yesno}}
        """)
        #expect(found(yaml) == ["16 leaf-only-field", "17 leaf-only-field"])
    }

    @Test("Unknown rule fields and missing rule fields")
    func ruleFields() {
        let yaml = indexYAML(scale: "3", criteria: """
        - {code: a, title: a, max: 1, rule: {type: yesno, target: 5}}
        - {code: b, title: b, max: 1, rule: {type: count}}
        - {code: c, title: c, max: 1, rule: {type: tiers, tiers: []}}
        """)
        #expect(found(yaml) == ["13 unknown-field", "14 missing-field", "15 no-tiers"])
    }

    @Test("Problems are given in both languages")
    func bilingual() {
        let problem = problems(indexYAML(scale: "1", criteria: "- {code: A, title: a, max: 0, rule: {type: yesno}}")).first
        #expect(problem?.english == "max must be greater than 0")
        #expect(problem?.vietnamese == "max phải lớn hơn 0")
        #expect(problem?.formatted(file: "x.yaml") == "x.yaml:13: node A: max must be greater than 0")
    }
}

@Suite("Index files from other editors")
struct IndexEncodingTests {
    @Test("A UTF-8 byte-order mark before the YAML is accepted")
    func byteOrderMark() throws {
        let yaml = "\u{FEFF}" + indexYAML(scale: "1", criteria: "- {code: A, title: a, max: 1, rule: {type: yesno}}")
        #expect(try parseIndex(yaml).id == "test")
    }

    @Test("A count too large to be plausible says so")
    func hugeCount() {
        guard case let .failure(problem) = InputReading.read("1000000001", rule: .count(per: 1, cap: nil), max: 1) else {
            Issue.record("accepted")
            return
        }
        #expect(problem.english == "a count above 1000000000 is not plausible (1000000001)")
    }
}
