import Testing
@testable import ChiSoCore

/// Assigned tasks: statuses, the period's tally (spec §4) and the inputs
/// sourced leaves get from the application's data.
@Suite("Assigned tasks")
struct TaskTests {
    func date(_ day: Int, _ month: Int, _ year: Int = 2026) -> CivilDate { CivilDate(year: year, month: month, day: day)! }

    func task(_ id: String, due deadline: CivilDate, extendedTo extended: CivilDate? = nil, extendedOn documentDate: CivilDate? = nil,
              done completedOn: CivilDate? = nil) -> AssignedTask {
        AssignedTask(id: id, agency: "SNV", deadline: deadline,
                     extensions: extended.map { [DeadlineExtension(document: "99/UBND-TH", documentDate: documentDate, newDeadline: $0)] } ?? [],
                     completedOn: completedOn)
    }

    // MARK: Statuses

    @Test("An open task is within its deadline up to the deadline day itself")
    func openTask() {
        let open = task("1", due: date(10, 3))
        #expect(open.status(on: date(9, 3)) == .openWithinDeadline)
        #expect(open.status(on: date(10, 3)) == .openWithinDeadline)
        #expect(open.status(on: date(11, 3)) == .openOverdue)
    }

    @Test("A completed task is on time or late from its completion day on")
    func completedTasks() {
        let onTheDay = task("1", due: date(10, 3), done: date(10, 3))
        #expect(onTheDay.status(on: date(9, 3)) == .openWithinDeadline) // not completed yet on 9/3
        #expect(onTheDay.status(on: date(10, 3)) == .doneOnTime)
        #expect(onTheDay.status(on: date(31, 12)) == .doneOnTime)
        let late = task("2", due: date(10, 3), done: date(12, 3))
        #expect(late.status(on: date(10, 3)) == .openWithinDeadline)
        #expect(late.status(on: date(11, 3)) == .openOverdue)
        #expect(late.status(on: date(12, 3)) == .doneLate)
        #expect(late.status(on: date(1, 4)) == .doneLate)
    }

    @Test("An extension replaces the original deadline")
    func extended() {
        let extended = task("1", due: date(10, 3), extendedTo: date(20, 3), extendedOn: date(8, 3))
        #expect(extended.effectiveDeadline == date(20, 3))
        #expect(extended.status(on: date(15, 3)) == .openWithinDeadline) // original passed, extension not yet
        #expect(extended.status(on: date(20, 3)) == .openWithinDeadline)
        #expect(extended.status(on: date(21, 3)) == .openOverdue)
        let doneInExtension = task("2", due: date(10, 3), extendedTo: date(20, 3), done: date(18, 3))
        #expect(doneInExtension.status(on: date(18, 3)) == .doneOnTime)
        #expect(task("3", due: date(10, 3)).effectiveDeadline == date(10, 3))
    }

    @Test("The most recent extension wins: latest document date, then the later recorded; dated before undated")
    func severalExtensions() {
        func deadline(_ extensions: [(CivilDate?, CivilDate)]) -> CivilDate {
            AssignedTask(id: "1", agency: "SNV", deadline: date(10, 3),
                         extensions: extensions.map { DeadlineExtension(document: "x", documentDate: $0.0, newDeadline: $0.1) })
                .effectiveDeadline
        }
        #expect(deadline([(date(1, 3), date(20, 3)), (date(15, 3), date(30, 3)), (date(10, 3), date(25, 3))]) == date(30, 3))
        #expect(deadline([(date(5, 3), date(20, 3)), (date(5, 3), date(18, 3))]) == date(18, 3))
        #expect(deadline([(nil, date(20, 3)), (nil, date(22, 3))]) == date(22, 3))
        #expect(deadline([(date(5, 3), date(20, 3)), (nil, date(25, 3))]) == date(20, 3))
        #expect(deadline([(nil, date(25, 3)), (date(5, 3), date(20, 3))]) == date(20, 3))
    }

    @Test func statusLabels() {
        #expect(TaskStatus.allCases.map { $0.label(.vietnamese) } == [
            "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Chưa hoàn thành, trong hạn", "Chưa hoàn thành, quá hạn",
        ])
        #expect(TaskStatus.openOverdue.label(.english) == "Not completed, overdue")
    }

    // MARK: Tally

    /// Q3 2026 runs from 1/7 to 30/9.
    let q3 = PeriodRange(kind: .quarter, year: 2026, number: 3)!

    /// Thirteen tasks of one agency in and around Q3 2026.
    var tasks: [AssignedTask] {
        [
            task("1", due: date(10, 7), done: date(8, 7)),
            task("2", due: date(31, 7), done: date(31, 7)),
            task("3", due: date(15, 8), done: date(20, 8)),
            task("4", due: date(10, 9), done: date(16, 9)),
            task("5", due: date(1, 8), extendedTo: date(10, 9), extendedOn: date(28, 7), done: date(9, 9)),
            task("6", due: date(30, 6), done: date(5, 7)),
            task("7", due: date(1, 9), done: date(25, 8)),
            task("8", due: date(15, 9)),
            task("9", due: date(20, 9)),
            task("10", due: date(30, 9), done: date(10, 9)),
            task("11", due: date(5, 8), extendedTo: date(5, 10), extendedOn: date(1, 8)),
            task("12", due: date(12, 9), extendedTo: date(18, 9), extendedOn: date(10, 9)),
            task("13", due: date(14, 9), done: date(14, 9)),
        ]
    }

    @Test("Tally while the period runs, computed by hand")
    func tallyDuringThePeriod() {
        // As of 15/9/2026, statuses on 15/9, due = effective deadline in [1/7, 15/9]:
        //   1 (10/7, done 8/7) on time · 2 (31/7, done 31/7) on time · 3 (15/8, done 20/8) late
        //   4 (10/9, done 16/9, after the as-of day) overdue on 15/9
        //   5 (1/8 extended to 10/9, done 9/9) on time against the new deadline
        //   7 (1/9, done 25/8) on time · 13 (14/9, done 14/9) on time
        //   → due 7: on time 5, late 1, overdue 1; rate 100 × 5 / 7 = 71.428… → 71.43.
        // Left out: 6 (due 30/6, before the period); 11 (extended to 5/10, after it).
        // Not yet due, deadline in the period: 8 (15/9, the as-of day itself: still in time),
        //   9 (20/9), 10 (30/9, already done), 12 (extended to 18/9) → 4.
        // Due soon, open with a deadline in [15/9, 22/9]: 8, 9, 12 → 3 (11's 5/10 is too far).
        let tally = TaskTally.tally(tasks, in: q3, asOf: date(15, 9))
        #expect(tally == TaskTally(due: 7, doneOnTime: 5, doneLate: 1, openOverdue: 1, notYetDue: 4, dueSoon: 3))
        #expect(tally.onTimeRate == .of("71.43"))
        #expect(tally.onTimeRate?.scale == 2)
        #expect(tally.onTimeFraction?.onTime == 5 && tally.onTimeFraction?.due == 7)
    }

    @Test("Tally once the period is over: statuses on its last day")
    func tallyAfterThePeriod() {
        // As of 10/10/2026 the figures are taken on 30/9, due = [1/7, 30/9]:
        //   on time 1, 2, 5, 7, 10 (30/9, done 10/9), 13 → 6
        //   late 3, 4 (done 16/9 after its 10/9 deadline) → 2
        //   overdue 8, 9, 12 (open on 30/9, deadlines passed) → 3
        //   → due 11, rate 100 × 6 / 11 = 54.545… → 54.55. Nothing left in the period.
        // Due soon, open with a deadline in (30/9, 7/10]: 11 (5/10) → 1.
        let tally = TaskTally.tally(tasks, in: q3, asOf: date(10, 10))
        #expect(tally == TaskTally(due: 11, doneOnTime: 6, doneLate: 2, openOverdue: 3, notYetDue: 0, dueSoon: 1))
        #expect(tally.onTimeRate == .of("54.55"))
        #expect(TaskTally.tally(tasks, in: q3, asOf: date(10, 10), soonDays: 4).dueSoon == 0)
    }

    @Test("A task due on the period's last day is in time that day, overdue once the period is over")
    func dueOnTheLastDay() {
        let last = [task("1", due: date(30, 9))]
        #expect(TaskTally.tally(last, in: q3, asOf: date(30, 9))
            == TaskTally(due: 0, doneOnTime: 0, doneLate: 0, openOverdue: 0, notYetDue: 1, dueSoon: 1))
        #expect(TaskTally.tally(last, in: q3, asOf: date(1, 10))
            == TaskTally(due: 1, doneOnTime: 0, doneLate: 0, openOverdue: 1, notYetDue: 0, dueSoon: 0))
        let doneThatDay = [task("2", due: date(30, 9), done: date(30, 9))]
        #expect(TaskTally.tally(doneThatDay, in: q3, asOf: date(30, 9)).doneOnTime == 1)
    }

    @Test("No task due: no rate")
    func nothingDue() {
        let before = TaskTally.tally(tasks, in: q3, asOf: date(20, 6))
        #expect(before.due == 0)
        #expect(before.onTimeRate == nil)
        #expect(before.onTimeFraction == nil)
        #expect(before.notYetDue == 11) // all but 6 (due 30/6) and 11 (due 5/10)
        #expect(TaskTally.tally([], in: q3, asOf: date(15, 9)).onTimeRate == nil)
        #expect(TaskTally(due: 3, doneOnTime: 3, doneLate: 0, openOverdue: 0, notYetDue: 0, dueSoon: 0).onTimeRate == 100)
        #expect(TaskTally(due: 3, doneOnTime: 2, doneLate: 1, openOverdue: 0, notYetDue: 0, dueSoon: 0).onTimeRate == .of("66.67"))
        #expect(TaskTally(due: 8, doneOnTime: 1, doneLate: 7, openOverdue: 0, notYetDue: 0, dueSoon: 0).onTimeRate == .of("12.5"))
    }

    // MARK: Sourced inputs

    let sourcedIndex = indexYAML(scale: "37", criteria: """
    - {code: "1", title: Tỷ lệ nhiệm vụ đúng hạn, max: 8, rule: {type: ratio, target: 100}, source: tasks.onTimeRate}
    - {code: "2", title: Nhiệm vụ quá hạn, max: 3, rule: {type: deduct, per: 0.5}, source: tasks.overdue}
    - {code: "3", title: Nhiệm vụ hoàn thành trễ, max: 2, rule: {type: count, per: 0.5}, source: tasks.doneLate}
    - {code: "4", title: Mức độ hài lòng, max: 10, rule: {type: percent}, source: survey}
    - code: "5"
      title: Lãnh đạo tỉnh đánh giá
      max: 5
      rule: {type: levels, levels: [{code: A, points: 5}, {code: B, points: 3}, {code: C, points: 1}]}
      source: leaders
    - code: "6"
      title: Tỷ lệ đúng hạn theo mức
      max: 4
      rule: {type: tiers, tiers: [{min: 90, points: 4}, {min: 70, points: 2}]}
      source: tasks.onTimeRate
    - {code: "7", title: Nguồn không hợp quy tắc, max: 1, rule: {type: yesno}, source: tasks.onTimeRate}
    - {code: "8", title: Không có nguồn, max: 2, rule: {type: percent}}
    - {code: "9", title: Khảo sát trên quy tắc đếm, max: 2, rule: {type: count, per: 1}, source: survey}
    """)

    @Test("Each source becomes the input its rule reads")
    func sourcedInputs() throws {
        let index = try parseIndex(sourcedIndex)
        func node(_ code: String) -> Criterion { index.nodes.first { $0.code == code }! }
        // 7 due: 5 on time, none late, 2 overdue.
        let figures = SourceFigures(
            tasks: TaskTally(due: 7, doneOnTime: 5, doneLate: 0, openOverdue: 2, notYetDue: 1, dueSoon: 1),
            surveys: ["4": .of("85.5"), "8": .of("90"), "9": .of("3")], leaderLevels: ["5": "B"])
        #expect(figures.input(for: node("1")) == .fraction(5, 7))
        #expect(figures.inputText(for: node("1")) == "5/7")
        #expect(figures.input(for: node("2")) == .count(2))
        #expect(figures.inputText(for: node("2")) == "2")
        #expect(figures.input(for: node("3")) == .count(0))
        #expect(figures.input(for: node("4")) == .number(.of("85.5")))
        #expect(figures.inputText(for: node("4")) == "85.5")
        #expect(figures.input(for: node("5")) == .level(1))
        #expect(figures.inputText(for: node("5")) == "B")
        #expect(figures.input(for: node("6")) == .number(.of("71.43")))
        #expect(figures.inputText(for: node("6")) == "71.43")
        // A rate is no yes/no answer, a leaf without a source takes nothing, a percentage is no count.
        #expect(figures.input(for: node("7")) == nil)
        #expect(figures.input(for: node("8")) == nil)
        #expect(figures.input(for: node("9")) == nil)
        // A group takes nothing.
        #expect(figures.input(for: Criterion(code: "G", title: "Nhóm", max: 10, children: [0])) == nil)

        // The values score as typed inputs would: 8 × 5/7 = 5.7143; 3 − 2 × 0.5 = 2.
        let result = try score(index, ["1": "5/7", "2": "2"])
        #expect(result.points(index, "1") == .of("5.7143"))
        #expect(result.points(index, "2") == 2)
    }

    @Test("Values the rule refuses give no input")
    func refusedValues() throws {
        let index = try parseIndex(sourcedIndex)
        func node(_ code: String) -> Criterion { index.nodes.first { $0.code == code }! }
        let figures = SourceFigures(tasks: nil, surveys: ["4": .of("120")], leaderLevels: ["5": "E"])
        #expect(figures.input(for: node("4")) == nil) // above 100 %
        #expect(figures.input(for: node("5")) == nil) // not one of A, B, C
        #expect(figures.inputText(for: node("5")) == nil)
        #expect(SourceFigures(tasks: nil, leaderLevels: ["5": "NA"]).input(for: node("5")) == nil)
        #expect(SourceFigures(tasks: nil, surveys: ["4": .of("-1")]).input(for: node("4")) == nil)
        // No task data at all: every task source is missing.
        for code in ["1", "2", "3", "6"] { #expect(figures.input(for: node(code)) == nil) }
        // No survey or level for the leaf yet.
        #expect(SourceFigures(tasks: nil).input(for: node("4")) == nil)
        #expect(SourceFigures(tasks: nil).input(for: node("5")) == nil)
    }

    @Test("No task due in the period: the rate is N/A, the counts are 0")
    func noTaskDue() throws {
        let index = try parseIndex(sourcedIndex)
        func node(_ code: String) -> Criterion { index.nodes.first { $0.code == code }! }
        let figures = SourceFigures(tasks: TaskTally(due: 0, doneOnTime: 0, doneLate: 0, openOverdue: 0, notYetDue: 3, dueSoon: 1))
        #expect(figures.input(for: node("1")) == .notApplicable)
        #expect(figures.inputText(for: node("1")) == "NA")
        #expect(figures.input(for: node("6")) == .notApplicable)
        #expect(figures.input(for: node("7")) == nil)
        #expect(figures.input(for: node("2")) == .count(0))
        #expect(figures.input(for: node("3")) == .count(0))
    }

    @Test("The why of a sourced leaf names the data, never the agency: no task due, or no data yet; the data sets an index reads")
    func sourcedWhy() throws {
        let index = try parseIndex(sourcedIndex)
        #expect(index.dataSets == [.tasks, .surveys, .leaders])
        #expect(try parseIndex(indexYAML(criteria: "  - {code: \"1\", title: Một, max: 10, rule: {type: yesno}}")).dataSets.isEmpty)
        let sheet = ScoreSheet.stored(.selfAssessed, index: index, inputs: [], evidenceCounts: [:],
                                      sources: SourceFigures(tasks: TaskTally(due: 0, doneOnTime: 0, doneLate: 0, openOverdue: 0, notYetDue: 0, dueSoon: 0)))
        let result = Scorer(index: index).score(tags: [], sheet: sheet)
        let position = { (code: String) in index.nodes.firstIndex { $0.code == code }! }
        for language in [Language.vietnamese, .english] {
            let why = ScoreExplanation(index: index, language: language)
            #expect(why.explain(node: position("1"), in: result) == (language == .vietnamese
                ? "không áp dụng (không có nhiệm vụ nào đến hạn trong kỳ)" : "not applicable (no task fell due in the period)"))
            // No survey result yet: no data, not "not entered".
            #expect(why.explain(node: position("4"), in: result) == (language == .vietnamese ? "chưa có số liệu → 0 điểm" : "no data yet → 0"))
        }
        // A leaf the agency types still says what the agency did.
        #expect(ScoreExplanation(index: index, language: .vietnamese).explain(node: position("8"), in: result) == "chưa nhập → 0 điểm")
    }

    @Test("A manual leaf takes the rate only within its max")
    func manualRate() throws {
        let index = try parseIndex(indexYAML(scale: "110", criteria: """
        - {code: M, title: Tự nhập, max: 100, rule: {type: manual}, source: tasks.onTimeRate}
        - {code: N, title: Tự nhập nhỏ, max: 10, rule: {type: manual, step: 0.5}, source: tasks.onTimeRate}
        """))
        let figures = SourceFigures(tasks: TaskTally(due: 7, doneOnTime: 5, doneLate: 1, openOverdue: 1, notYetDue: 0, dueSoon: 0))
        #expect(figures.input(for: index.nodes[0]) == .number(.of("71.43")))
        #expect(figures.input(for: index.nodes[1]) == nil)
    }
}
