import ChiSoCore
import Vapor

/// One operation of the JSON API: the route it registers, the handler it runs, the types it reads
/// and answers, and what the document says of it. Routes and document come from this one list
/// (``APIOperations/register(on:)``, ``OpenAPIDocument``), so neither can drift from the other,
/// and the document's fields come from the request and response types themselves.
struct APIOperation: Sendable {
    enum Body: Sendable {
        /// A JSON object of some of `type`'s fields (all of them when `only` is nil), no other field allowed.
        case fields(any Decodable.Type, only: [String]? = nil, required: [String] = [], notes: [String: APISchema.FieldNote] = [:])
        /// A JSON object of a named type, no other field allowed.
        case named(any Decodable.Type)
        /// A multipart form with one file, field `file`.
        case file(required: Bool)
        /// A JSON object of string values under keys the handler names (`level-<criterion code>`).
        case strings
    }

    enum Answer: Sendable {
        /// JSON of `type` (an array when `list`).
        case json(any Decodable.Type, String, list: Bool = false)
        /// `{"ok", "message", "location"}`: what a page would redirect to.
        case done(String = "Done")
        /// Something other than JSON.
        case other(String)
    }

    var method: HTTPMethod
    /// Below `/api/v1`, as Vapor reads it (`:assessmentID` a parameter).
    var path: [String]
    var summary: String
    var query: (type: any Decodable.Type, only: [String], notes: [String: APISchema.FieldNote])?
    var body: Body?
    var answer: Answer
    var errors: [Int]
    var collect: HTTPBodyStreamStrategy = .collect
    var handler: @Sendable (Request) async throws -> Response

    init<Answered: AsyncResponseEncodable>(_ method: HTTPMethod, _ path: String, _ summary: String,
                                           query: (type: any Decodable.Type, only: [String], notes: [String: APISchema.FieldNote])? = nil,
                                           body: Body? = nil, answer: Answer = .done(), errors: [Int], collect: HTTPBodyStreamStrategy = .collect,
                                           use handler: @escaping @Sendable (Request) async throws -> Answered) {
        self.method = method
        self.path = path.split(separator: "/").map(String.init)
        self.summary = summary
        self.query = query
        self.body = body
        self.answer = answer
        self.errors = errors
        self.collect = collect
        self.handler = { request in try await handler(request).encodeResponse(for: request) }
    }

    /// As the document names it: `/api/v1/assessments/{assessmentID}`.
    var documentPath: String {
        "/api/v1/" + path.map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0 }.joined(separator: "/")
    }

    /// The body's fields when it is a JSON object that allows no other (for ``DeclaredFieldsOnly``).
    var declaredFields: Set<String>? {
        switch body {
        case let .fields(type, only, _, _): Set(only ?? APIOperations.bodyFields(of: type).map(\.name))
        case let .named(type): Set(APIOperations.bodyFields(of: type).map(\.name))
        case .file, .strings, nil: nil
        }
    }
}

enum APIOperations {
    /// Who may see the assessment, one leaf, a period: refused, unknown or not signed in.
    static let read = [401, 403, 404, 405, 415]
    /// A step of the cycle: also a bad or refused value, and the wrong state.
    static let act = [400, 401, 403, 404, 405, 409, 415, 422]

    static let all: [APIOperation] = [
        .init(.GET, "me", "Who the token acts as", answer: .json(APIController.Me.self, "The user"), errors: [401, 405, 415],
              use: APIController.me),
        .init(.GET, "agencies", "The agencies active on a day (default today), as named that day, with the codes of their predecessors and successors",
              query: (AgencyAdminController.ListQuery.self, ["asOf"], ["asOf": .described("YYYY-MM-DD or dd/mm/yyyy; default today")]),
              answer: .json(APIController.AgencyList.self, "OK"), errors: [400, 401, 405, 415], use: APIController.agencies),
        .init(.GET, "assessments", "Assessments this user may see", answer: .json(APIController.Summary.self, "Assessments", list: true),
              errors: [401, 405, 415], use: APIController.assessments),
        .init(.GET, "assessments/:assessmentID", "One assessment, every leaf with its points (appraisal when visible)",
              answer: .json(APIController.Assessment.self, "The assessment"), errors: read, use: APIController.assessment),
        .init(.POST, "assessments/:assessmentID/entries/:code",
              "Save a leaf's self-assessment or propose a bonus item (optimistic concurrency: send the revision you read)",
              body: .fields(AssessmentController.EntryForm.self, required: ["revision"]), errors: act, use: AssessmentController.saveEntry),
        .init(.POST, "assessments/:assessmentID/entries/:code/evidence",
              "Upload an evidence file for a leaf (multipart, field `file`; PDF, PNG, JPEG, Word, Excel or ZIP by content; size limit CHISO_UPLOAD_MAX_MB)",
              body: .file(required: true), errors: act + [413], collect: .stream, use: EvidenceController.upload),
        .init(.POST, "assessments/:assessmentID/submit", "The head submits", errors: act, use: AssessmentController.submit),
        .init(.POST, "assessments/:assessmentID/return", "The organiser returns, with a reason",
              body: .fields(AssessmentController.ReasonForm.self, only: ["reason"], required: ["reason"]), errors: act,
              use: AssessmentController.returnToAgency),
        .init(.POST, "assessments/:assessmentID/exception", "The organiser allows editing after the deadline",
              body: .fields(AssessmentController.ReasonForm.self, only: ["until", "reason"], required: ["until", "reason"], notes: ["until": .format("date")]),
              errors: act, use: AssessmentController.grantException),
        .init(.POST, "assessments/:assessmentID/appraisal/confirm", "Confirm every untouched leaf assigned to this appraiser",
              errors: act, use: AppraisalController.confirmRest),
        .init(.POST, "assessments/:assessmentID/appraisal/:code", "Confirm (no value) or adjust (value and comment) a leaf",
              body: .fields(AppraisalController.AppraiseForm.self), errors: act, use: AppraisalController.appraise),
        .init(.POST, "assessments/:assessmentID/deductions/:code",
              "The organiser or the council records a deduction with its document (number, date, issuing body) and a reason",
              body: .fields(DeductionController.Form.self, required: ["value", "number", "issuedOn", "issuer", "reason"],
                            notes: ["issuedOn": .format("date")]),
              errors: act, use: DeductionController.record),
        .init(.POST, "assessments/:assessmentID/release", "The chair releases the preliminary result", errors: act,
              use: AppraisalController.release),
        .init(.POST, "assessments/:assessmentID/explanations/:code", "The agency explains a leaf, a bonus or a deduction item",
              body: .fields(AppraisalController.ExplainForm.self, required: ["explanation"]), errors: act, use: AppraisalController.explain),
        .init(.POST, "assessments/:assessmentID/finalise", "The chair finalises", errors: act, use: AppraisalController.finalise),
        .init(.POST, "assessments/:assessmentID/reopen", "The admin reopens, with a reason",
              body: .fields(AppraisalController.ReasonForm.self, required: ["reason"]), errors: act, use: AppraisalController.reopen),
        .init(.POST, "periods/:periodID/publish", "The organiser publishes the period, recording the decision that announces it",
              body: .fields(PublicationController.PublishForm.self, required: ["number", "signedOn", "issuer", "signer", "signerPosition"],
                            notes: ["signedOn": .format("date")]),
              errors: act, use: PublicationController.publish),
        .init(.POST, "periods/:periodID/sources", "The organiser declares a data set (tasks, surveys, leaders) complete for the period",
              body: .fields(PublicationController.DeclareForm.self, required: ["dataSet", "checkedOn"], notes: ["checkedOn": .format("date")]),
              errors: act, use: PublicationController.declareSource),
        .init(.POST, "periods/:periodID/assignments", "The organiser assigns an appraiser to a node",
              body: .fields(PeriodController.AssignmentForm.self, required: ["indexCode", "criterionCode", "userID"]),
              errors: [400, 401, 403, 404, 405, 415, 422], use: PeriodController.assign),
        .init(.GET, "evidence/:linkID", "An evidence file's content", answer: .other("The file, with its recognised content type"),
              errors: read, use: EvidenceController.download),
        .init(.GET, "tasks", "The task register with each task's status on a day (agency users: their own agency)",
              query: (TaskController.ListQuery.self, ["agency", "asOf", "page", "limit"], [
                  "agency": .described("agency code"), "asOf": .described("YYYY-MM-DD or dd/mm/yyyy; default today"),
                  "page": .init(description: "page number, from 1 (default 1) to \(Limits.page)", minimum: 1, maximum: Limits.page),
                  "limit": .init(description: "tasks per page (default \(APIController.taskPageSize), at most \(APIController.taskPageSizeMax))",
                                 minimum: 1, maximum: APIController.taskPageSizeMax),
              ]),
              answer: .json(APIController.TaskList.self, "OK"), errors: [400] + read, use: APIController.tasks),
        .init(.POST, "tasks", "The task office registers a task", body: .named(TaskController.TaskForm.self), answer: .done("OK"),
              errors: [400, 401, 403, 405, 415, 422], use: TaskController.create),
        .init(.POST, "tasks/:taskID", "The task office updates a task (completion included)", body: .named(TaskController.TaskForm.self),
              answer: .done("OK"), errors: [400, 401, 403, 404, 405, 415, 422], use: TaskController.update),
        .init(.POST, "tasks/:taskID/extensions", "The task office records a deadline extension",
              body: .named(TaskController.ExtensionForm.self), answer: .done("OK"), errors: [400, 401, 403, 404, 405, 415, 422],
              use: TaskController.addExtension),
        .init(.GET, "periods/:periodID/monitoring", "Provisional scores, task figures and sourced inputs as of today",
              answer: .json(APIController.Monitoring.self, "OK"), errors: [400] + read, use: APIController.monitoring),
        .init(.GET, "periods/:periodID/progress",
              "Where every agency stands: state, leaves entered, evidence missing, score as it stands, deadline and exception",
              query: (PeriodProgress.Filter.self, ["state", "group", "q"], [
                  "state": .values(AssessmentState.allCases.map(\.rawValue)), "group": .described("ranking group code"),
                  "q": .described("part of the agency's name or code"),
              ]),
              answer: .json(APIController.PeriodProgressJSON.self, "OK"), errors: [400] + read, use: APIController.progress),
        .init(.GET, "periods/:periodID/results",
              "Final results per group: ranking, class, the head's proposed rating (agencies: once published)",
              answer: .json(APIController.Results.self, "Results"), errors: [400] + read, use: APIController.results),
        .init(.POST, "periods/:periodID/surveys",
              "The organiser imports survey results (CSV or .xlsx: agency,criterion,percentage,survey,sample_size); all rows or none",
              body: .file(required: false), answer: .done("OK"), errors: act + [413], collect: .collect(maxSize: "20mb"),
              use: SourceDataController.importSurveys),
        .init(.POST, "periods/:periodID/ratings/:agencyID",
              "A provincial leader gives levels on the `leaders` criteria assigned to them (fields level-<criterion code>; another leader's criterion: 403 not_your_criterion)",
              body: .strings, answer: .done("OK"), errors: act, use: LeaderRatingController.rate),
    ]

    /// The types the document names, with what the types alone cannot say.
    static let named: [APISchema.Named] = [
        .init(name: "Error", type: APIErrorBody.self),
        .init(name: "Done", type: APIDone.self),
        .init(name: "Me", type: APIController.Me.self),
        .init(name: "Summary", type: APIController.Summary.self),
        .init(name: "Agency", type: APIController.AgencyJSON.self, notes: ["began": .described("YYYY-MM-DD")]),
        .init(name: "AgencyList", type: APIController.AgencyList.self, notes: ["asOf": .described("YYYY-MM-DD")]),
        .init(name: "Leaf", type: APIController.Leaf.self),
        .init(name: "Assessment", type: APIController.Assessment.self),
        .init(name: "TaskExtension", type: APIController.TaskExtensionJSON.self, notes: ["newDeadline": .described("YYYY-MM-DD")]),
        .init(name: "Task", type: APIController.TaskJSON.self, notes: ["status": .values(TaskStatus.allCases.map(\.rawValue))]),
        .init(name: "TaskList", type: APIController.TaskList.self, notes: ["total": .described("tasks in all pages")]),
        .init(name: "TaskInput", type: TaskController.TaskForm.self,
              description: "Dates as dd/mm/yyyy or YYYY-MM-DD. Validated like an imported row.", closed: true),
        .init(name: "ExtensionInput", type: TaskController.ExtensionForm.self, closed: true),
        .init(name: "TaskFigures", type: APIController.TaskFigures.self),
        .init(name: "AgencyMonitoring", type: APIController.AgencyMonitoring.self),
        .init(name: "Monitoring", type: APIController.Monitoring.self),
        .init(name: "StateCount", type: APIController.StateCount.self, notes: ["state": .values(AssessmentState.allCases.map(\.rawValue))]),
        .init(name: "AgencyProgress", type: APIController.AgencyProgress.self,
              notes: ["state": .values(AssessmentState.allCases.map(\.rawValue)), "stage": .values(["selfAssessed", "appraised", "final"]),
                      "deadline": .described("YYYY-MM-DD"), "exceptionUntil": .described("YYYY-MM-DD"), "submittedOn": .described("YYYY-MM-DD")]),
        .init(name: "PeriodProgress", type: APIController.PeriodProgressJSON.self),
        .init(name: "RankedAgency", type: APIController.RankedAgency.self),
        .init(name: "GroupRanking", type: APIController.GroupRanking.self),
        .init(name: "Results", type: APIController.Results.self),
    ]

    /// A request type's fields as the API takes them: the pages' CSRF field is not one.
    static func bodyFields(of type: any Decodable.Type) -> [FieldReader.Field] {
        FieldReader.fields(of: type).filter { $0.name != PageContext.csrfField }
    }

    /// Registers every operation below `/api/v1` on `api`.
    static func register(on api: any RoutesBuilder) {
        for operation in all {
            api.on(operation.method, operation.path.map { PathComponent(stringLiteral: $0) }, body: operation.collect,
                   use: operation.handler)
        }
    }
}

/// What a step answers the API with: the message and the page a browser would have been sent to.
struct APIDone: Content {
    var ok: String
    var message: String
    var location: String
}
