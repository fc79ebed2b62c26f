import Foundation
import Testing
@testable import ChiSoCore

@Suite("Assessment workflow")
struct WorkflowTests {
    static func date(_ text: String) -> Date {
        // dd/MM/yyyy at 12:00 in Vietnam.
        let parts = text.split(separator: "/").map { Int($0)! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = VietnamDate.timeZone
        return calendar.date(from: DateComponents(year: parts[2], month: parts[1], day: parts[0], hour: 12))!
    }

    let deadlines = WorkflowDeadlines(selfAssessment: date("15/12/2026"), explanation: date("05/02/2027"))

    @Test("The happy path: edit, submit, appraise, release, explain, re-examine, finalise, publish")
    func happyPath() throws {
        var state = AssessmentState.draft
        let steps: [(WorkflowAction, String, AssessmentState)] = [
            (.editSelf, "01/12/2026", .draft), (.submit, "10/12/2026", .submitted), (.appraise, "05/01/2027", .appraising),
            (.release, "20/01/2027", .released), (.explain, "01/02/2027", .released), (.reexamine, "06/02/2027", .reexamining),
            (.finalise, "10/02/2027", .finalised), (.publish, "01/03/2027", .published),
        ]
        for (action, day, expected) in steps {
            state = try Workflow.check(action, state: state, now: Self.date(day), deadlines: deadlines, progress: Self.done).get()
            #expect(state == expected, "\(action)")
        }
    }

    @Test("After submission the agency cannot change anything, and is told why")
    func noEditAfterSubmission() {
        let result = Workflow.check(.editSelf, state: .submitted, now: Self.date("11/12/2026"), deadlines: deadlines)
        #expect(result == .failure(.wrongState(.submitted, .editSelf)))
        #expect(WorkflowRefusal.wrongState(.submitted, .editSelf).message(.vietnamese) == "Hồ sơ đã nộp, đang chờ thẩm định.")
    }

    @Test("The self-assessment deadline, and the organiser's exception")
    func deadline() {
        let late = Self.date("16/12/2026")
        let refused = Workflow.check(.editSelf, state: .draft, now: late, deadlines: deadlines)
        #expect(refused == .failure(.selfAssessmentDeadlinePassed(deadlines.selfAssessment)))
        #expect(WorkflowRefusal.selfAssessmentDeadlinePassed(deadlines.selfAssessment).message(.vietnamese)
            == "Đã hết hạn tự đánh giá ngày 15/12/2026.")
        var excepted = deadlines
        excepted.exceptionUntil = Self.date("20/12/2026")
        #expect(Workflow.check(.editSelf, state: .draft, now: late, deadlines: excepted) == .success(.draft))
        #expect(Workflow.check(.submit, state: .draft, now: Self.date("21/12/2026"), deadlines: excepted)
            == .failure(.selfAssessmentDeadlinePassed(deadlines.selfAssessment)))
    }

    @Test("Returning and reopening need a reason")
    func reasons() {
        let now = Self.date("12/12/2026")
        #expect(Workflow.check(.returnToAgency, state: .submitted, now: now, deadlines: deadlines, reason: "  ") == .failure(.reasonRequired))
        #expect(Workflow.check(.returnToAgency, state: .submitted, now: now, deadlines: deadlines, reason: "Thiếu tài liệu") == .success(.returned))
        #expect(Workflow.check(.editSelf, state: .returned, now: now, deadlines: deadlines) == .success(.returned))
        #expect(Workflow.check(.reopen, state: .finalised, now: now, deadlines: deadlines) == .failure(.reasonRequired))
        #expect(Workflow.check(.reopen, state: .published, now: now, deadlines: deadlines, reason: "Sai sót") == .success(.reexamining))
    }

    /// Every leaf appraised; the agency explained one leaf and it was re-examined.
    static let done = AppraisalProgress(unappraised: [], explained: 1, unexamined: [])

    @Test("Only a whole appraisal is released or made final, and only after the explanation round")
    func wholeAppraisal() {
        let before = Self.date("01/02/2027"), after = Self.date("06/02/2027")
        func finalise(_ progress: AppraisalProgress?, at now: Date, from state: AssessmentState = .released) -> Result<AssessmentState, WorkflowRefusal> {
            Workflow.check(.finalise, state: state, now: now, deadlines: deadlines, progress: progress)
        }
        // Straight from appraising (no release, no explanation round): refused whatever the progress.
        #expect(finalise(Self.done, at: after, from: .appraising) == .failure(.wrongState(.appraising, .finalise)))
        // Leaves still to appraise, or progress unknown: refused, naming them.
        #expect(finalise(AppraisalProgress(unappraised: ["1.1", "2.3"]), at: after) == .failure(.notAllAppraised(["1.1", "2.3"])))
        #expect(finalise(nil, at: after) == .failure(.notAllAppraised([])))
        // Before the explanation deadline: refused while nothing was explained, or while an explanation waits.
        #expect(finalise(AppraisalProgress(unappraised: []), at: before) == .failure(.explanationRoundOpen(deadlines.explanation, [])))
        #expect(finalise(AppraisalProgress(unappraised: [], explained: 2, unexamined: ["1.2"]), at: before, from: .reexamining)
            == .failure(.explanationRoundOpen(deadlines.explanation, ["1.2"])))
        // Every explanation re-examined, or the deadline passed: final.
        #expect(finalise(AppraisalProgress(unappraised: [], explained: 2, unexamined: []), at: before, from: .reexamining) == .success(.finalised))
        #expect(finalise(AppraisalProgress(unappraised: []), at: after) == .success(.finalised))
        // Release: every leaf appraised.
        #expect(Workflow.check(.release, state: .appraising, now: before, deadlines: deadlines, progress: AppraisalProgress(unappraised: ["3"]))
            == .failure(.notAllAppraised(["3"])))
        #expect(Workflow.check(.release, state: .appraising, now: before, deadlines: deadlines, progress: nil) == .failure(.notAllAppraised([])))
        // The refusals say why in both languages.
        #expect(WorkflowRefusal.notAllAppraised(["1.1", "2.3"]).message(.vietnamese) == "Chưa thẩm định xong: còn 2 tiêu chí (1.1, 2.3).")
        #expect(WorkflowRefusal.explanationRoundOpen(deadlines.explanation, []).message(.vietnamese)
            == "Chưa thể chốt: đơn vị còn được giải trình đến hết ngày 05/02/2027.")
        #expect(WorkflowRefusal.explanationRoundOpen(deadlines.explanation, ["1.2"]).message(.english)
            == "Not yet: explanations not re-examined (1.2); the explanation deadline is 05/02/2027.")
    }

    @Test("Nothing is final on data not declared complete: finalising names the data sets still provisional, in both languages")
    func undeclaredData() {
        let after = Self.date("06/02/2027")
        let pending = AppraisalProgress(unappraised: [], undeclared: [.tasks, .leaders])
        #expect(Workflow.check(.finalise, state: .released, now: after, deadlines: deadlines, progress: pending)
            == .failure(.sourcesNotDeclared([.tasks, .leaders])))
        // Release and re-examination are not held back: only the final result waits.
        #expect(Workflow.check(.release, state: .appraising, now: after, deadlines: deadlines, progress: pending) == .success(.released))
        #expect(WorkflowRefusal.sourcesNotDeclared([.tasks, .leaders]).message(.vietnamese)
            == "Chưa thể chốt: Sở Nội vụ chưa xác nhận đủ số liệu của kỳ (sổ theo dõi nhiệm vụ, đánh giá của lãnh đạo tỉnh).")
        #expect(WorkflowRefusal.sourcesNotDeclared([.surveys]).message(.english)
            == "Not yet: the organiser has not declared the period's data complete (satisfaction survey results).")
    }

    @Test("Appraising stops at the appraisal deadline; re-examining, releasing and finalising do not")
    func appraisalDeadline() {
        let bound = WorkflowDeadlines(selfAssessment: Self.date("15/12/2026"), appraisal: Self.date("15/01/2027"),
                                      explanation: Self.date("05/02/2027"))
        #expect(Workflow.check(.appraise, state: .appraising, now: Self.date("15/01/2027"), deadlines: bound) == .success(.appraising))
        #expect(Workflow.check(.appraise, state: .appraising, now: Self.date("16/01/2027"), deadlines: bound)
            == .failure(.appraisalDeadlinePassed(Self.date("15/01/2027"))))
        #expect(Workflow.check(.release, state: .appraising, now: Self.date("16/01/2027"), deadlines: bound, progress: Self.done)
            == .success(.released))
        #expect(Workflow.check(.reexamine, state: .released, now: Self.date("06/02/2027"), deadlines: bound) == .success(.reexamining))
        #expect(WorkflowRefusal.appraisalDeadlinePassed(Self.date("15/01/2027")).message(.vietnamese)
            == "Đã hết hạn thẩm định ngày 15/01/2027; Sở Nội vụ có thể gia hạn.")
    }

    @Test("Closing needs a reason and is final: nothing moves a closed assessment")
    func close() {
        let now = Self.date("01/12/2026")
        #expect(Workflow.check(.close, state: .appraising, now: now, deadlines: deadlines) == .failure(.reasonRequired))
        for action in WorkflowAction.allCases {
            #expect(Workflow.check(action, state: .closed, now: now, deadlines: deadlines, reason: "x", progress: Self.done).isSuccess == false)
        }
        #expect(WorkflowRefusal.wrongState(.closed, .editSelf).message(.vietnamese)
            == "Hồ sơ đã đóng (đơn vị không còn trong kỳ): không thể thay đổi.")
    }

    @Test("Explanations only after release and before their deadline")
    func explanation() {
        #expect(Workflow.check(.explain, state: .appraising, now: Self.date("20/01/2027"), deadlines: deadlines)
            == .failure(.wrongState(.appraising, .explain)))
        #expect(Workflow.check(.explain, state: .released, now: Self.date("06/02/2027"), deadlines: deadlines)
            == .failure(.explanationDeadlinePassed(deadlines.explanation)))
    }

    /// The whole cycle: for each step, the states it may start from and the state it leads to.
    static let table: [WorkflowAction: [AssessmentState: AssessmentState]] = [
        .editSelf: [.draft: .draft, .returned: .returned],
        .submit: [.draft: .submitted, .returned: .submitted],
        .returnToAgency: [.submitted: .returned],
        .appraise: [.submitted: .appraising, .appraising: .appraising],
        .release: [.submitted: .released, .appraising: .released],
        .explain: [.released: .released],
        .reexamine: [.released: .reexamining, .reexamining: .reexamining],
        .finalise: [.released: .finalised, .reexamining: .finalised],
        .publish: [.finalised: .published],
        .reopen: [.finalised: .reexamining, .published: .reexamining],
        .close: [.draft: .closed, .returned: .closed, .submitted: .closed, .appraising: .closed, .released: .closed,
                 .reexamining: .closed],
    ]

    @Test("Every step from every state: the next state as the table says, or refused as out of its state", arguments: WorkflowAction.allCases)
    func everyState(action: WorkflowAction) {
        let now = Self.date("01/12/2026")
        let allowed = Self.table[action]!
        for state in AssessmentState.allCases {
            let result = Workflow.check(action, state: state, now: now, deadlines: deadlines, reason: "lý do", progress: Self.done)
            if let next = allowed[state] {
                #expect(result == .success(next), "\(action) from \(state)")
            } else {
                #expect(result == .failure(.wrongState(state, action)), "\(action) from \(state)")
                if case let .failure(refusal) = result {
                    #expect(refusal.message(.vietnamese) != refusal.message(.english))
                    #expect(!refusal.message(.vietnamese).isEmpty)
                }
            }
        }
    }

    @Test("State groupings: who has acted so far, as one table")
    func groupings() {
        let table: [AssessmentState: (edit: Bool, started: Bool, released: Bool, final: Bool)] = [
            .draft: (true, false, false, false), .returned: (true, false, false, false), .submitted: (false, false, false, false),
            .appraising: (false, true, false, false), .released: (false, true, true, false), .reexamining: (false, true, true, false),
            .finalised: (false, true, true, true), .published: (false, true, true, true), .closed: (false, false, false, false),
        ]
        #expect(table.count == AssessmentState.allCases.count)
        for (state, expected) in table {
            #expect(state.agencyMayEdit == expected.edit, "\(state)")
            #expect(state.appraisalStarted == expected.started, "\(state)")
            #expect(state.appraisalReleased == expected.released, "\(state)")
            #expect(state.hasFinalResult == expected.final, "\(state)")
        }
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
