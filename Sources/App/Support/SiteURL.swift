import Foundation

/// Every page and action of the web app, each path defined once: `routes.swift`
/// registers `pathComponents` (with `.key` parameters) and the views and controllers
/// build their links, form actions and redirects from `path` (with `.value`s).
///
///     SiteURL.assessment(.value(id), .show).path          // "/assessments/<id>"
///     SiteURL.assessment(.key, .entry(.key)).path          // "/assessments/:assessmentID/entries/:code"
///     SiteURL.assessment(.key, .entry(.key)).pathComponents // ["assessments", ":assessmentID", "entries", ":code"]
///
/// Values are put in the path as they are (a UUID as its `uuidString`), without
/// percent-encoding: fragments and query strings are appended by the caller.
/// No Vapor here (the views use it); the registration is in `SiteURL+Routes.swift`.
/// The JSON API's paths are defined by `APIOperations`.
enum SiteURL: Sendable, Equatable {
    /// A path parameter: `.key` gives the route's pattern (`:name`), `.value` a link.
    enum Parameter<Value> {
        case key
        case value(Value)
    }

    // MARK: Open to anyone

    /// `/assets/:file`
    case asset(Parameter<String>)
    /// `/health`
    case health
    /// `/login`
    case login
    /// `/language/:code`
    case language(Parameter<String>)
    /// `/public`
    case publicPeriods
    /// `/public/periods/:periodID`
    case publicPeriod(Parameter<UUID>)
    /// `/public/periods/:periodID/decision.pdf` (the signed announcing decision, once published)
    case publicDecision(Parameter<UUID>)

    // MARK: Signed in

    /// `/`
    case home
    /// `/logout`
    case logout
    /// `/account/password`
    case accountPassword
    /// `/admin/…`
    case admin(AdminPage)
    /// `/indexes`
    case indexes
    /// `/indexes/:indexID/…`
    case index(Parameter<UUID>, IndexPage)
    /// `/indexes/compare?from=&to=` (two versions side by side)
    case indexComparison
    /// `/indexes/compare.xlsx?from=&to=`
    case indexComparisonXLSX
    /// `/index-drafts` (start a draft: clone a version or upload a file)
    case indexDrafts
    /// `/index-drafts/:draftID/…`
    case indexDraft(Parameter<UUID>, IndexDraftPage)
    /// `/periods`
    case periods
    /// `/periods/new`
    case newPeriod
    /// `/periods/:periodID/…`
    case period(Parameter<UUID>, PeriodPage)
    /// `/tasks`
    case tasks
    /// `/tasks/new`
    case newTask
    /// `/tasks/import`
    case taskImport
    /// `/tasks/import/:importID`
    case taskImportPreview(Parameter<UUID>)
    /// `/tasks/:taskID/…`
    case task(Parameter<UUID>, TaskPage)
    /// `/assessments/:assessmentID/…`
    case assessment(Parameter<UUID>, AssessmentPage)
    /// `/agencies/:agencyID/…` (an agency's own pages; the administration's are `.admin`)
    case agency(Parameter<UUID>, AgencyPage)
    /// `/dashboard`
    case dashboard
    /// `/monitoring`
    case monitoring
    /// `/results/years?group=` (a group's finals over the years)
    case groupYears
    /// `/monitoring/:periodID/agencies/:agencyID`
    case monitoringAgency(period: Parameter<UUID>, agency: Parameter<UUID>)
    /// `/appraisal`
    case appraisalQueue
    /// `/council`
    case council
    /// `/evidence/:linkID`
    case evidence(Parameter<UUID>)

    enum AdminPage: Sendable, Equatable {
        /// `/admin/agencies`
        case agencies
        /// `/admin/agencies/new`
        case newAgency
        /// `/admin/agencies/import`
        case agencyImport
        /// `/admin/agencies/:agencyID`
        case agency(Parameter<UUID>)
        /// `/admin/agencies/changes?kind=&agency=` (a reorganisation: the form, its preview, applying it)
        case agencyChanges
        /// `/admin/users`
        case users
        /// `/admin/users/new`
        case newUser
        /// `/admin/users/import` (an account list: preview, then every row or none)
        case userImport
        /// `/admin/users/bulk` (disable, enable or move the chosen accounts)
        case usersBulk
        /// `/admin/users/credentials/:sheetID` (an import's one-time passwords, each form once)
        case credentialSheet(Parameter<UUID>)
        /// `/admin/users/:userID`
        case user(Parameter<UUID>)
        /// `/admin/users/:userID/password`
        case userPassword(Parameter<UUID>)
        /// `/admin/audit`
        case audit
        /// `/admin/identity`
        case identity
        /// `/admin/identity/groups` (the ranking groups' names)
        case groupNames
    }

    enum IndexPage: Sendable, Equatable {
        /// `/indexes/:indexID`
        case show
        /// `/indexes/:indexID/yaml`
        case yaml
        /// `/indexes/:indexID/xlsx` (the annex workbook)
        case xlsx
        /// `/indexes/:indexID/withdraw`
        case withdraw
        /// `/indexes/:indexID/mapping?from=` (how another version's criteria continue in this one)
        case mapping
    }

    enum IndexDraftPage: Sendable, Equatable {
        /// `/index-drafts/:draftID` (the editor; POST: one change)
        case show
        /// `/index-drafts/:draftID/publish`
        case publish
        /// `/index-drafts/:draftID/delete`
        case delete
        /// `/index-drafts/:draftID/xlsx`
        case xlsx
        /// `/index-drafts/:draftID/dry-run?period=&group=`
        case dryRun
    }

    enum PeriodPage: Sendable, Equatable {
        /// `/periods/:periodID`
        case show
        /// `/periods/:periodID/indexes`
        case assignIndex
        /// `/periods/:periodID/open`
        case open
        /// `/periods/:periodID/publish`
        case publish
        /// `/periods/:periodID/decision` (attach the signed decision)
        case decisionFile
        /// `/periods/:periodID/sources` (declare a data set complete)
        case declareSource
        /// `/periods/:periodID/sources/:dataSet/withdraw`
        case withdrawSource(Parameter<String>)
        /// `/periods/:periodID/assignments`
        case assignments
        /// `/periods/:periodID/assignments/:assignmentID/delete`
        case deleteAssignment(Parameter<UUID>)
        /// `/periods/:periodID/surveys`
        case surveys
        /// `/periods/:periodID/ratings`
        case ratings
        /// `/periods/:periodID/ratings/:agencyID`
        case rating(agency: Parameter<UUID>)
        /// `/periods/:periodID/leaders` (who rates each `leaders` criterion)
        case leaders
        /// `/periods/:periodID/results`
        case results
        /// `/periods/:periodID/results/ranking.csv`
        case rankingCSV
        /// `/periods/:periodID/results/inputs.csv`
        case inputsCSV
        /// `/periods/:periodID/results/agencies.csv`
        case agenciesCSV
        /// `/periods/:periodID/results/ranking.pdf`
        case rankingPDF
        /// `/periods/:periodID/results/ranking.xlsx`
        case rankingXLSX
        /// `/periods/:periodID/results/matrix.xlsx`
        case matrixXLSX
        /// `/periods/:periodID/agencies` (add an agency to an open period)
        case agencies
        /// `/periods/:periodID/deadlines` (move deadlines, with a reason)
        case deadlines
        /// `/periods/:periodID/close` (close early, with a reason)
        case close
    }

    enum TaskPage: Sendable, Equatable {
        /// `/tasks/:taskID`
        case show
        /// `/tasks/:taskID/extensions`
        case extensions
        /// `/tasks/:taskID/evidence`
        case evidence
        /// `/tasks/:taskID/evidence/:evidenceID`
        case evidenceFile(Parameter<UUID>)
    }

    enum AssessmentPage: Sendable, Equatable {
        /// `/assessments/:assessmentID`
        case show
        /// `/assessments/:assessmentID/entries/:code`
        case entry(Parameter<String>)
        /// `/assessments/:assessmentID/entries/:code/evidence`
        case entryEvidence(Parameter<String>)
        /// `/assessments/:assessmentID/entries/:code/evidence/attach`
        case attachEvidence(Parameter<String>)
        /// `/assessments/:assessmentID/evidence/:linkID/delete`
        case deleteEvidence(Parameter<UUID>)
        /// `/assessments/:assessmentID/submit`
        case submit
        /// `/assessments/:assessmentID/return`
        case returnToAgency
        /// `/assessments/:assessmentID/exception`
        case exception
        /// `/assessments/:assessmentID/appraisal`
        case appraisal
        /// `/assessments/:assessmentID/appraisal/confirm`
        case confirmAppraisal
        /// `/assessments/:assessmentID/appraisal/:code`
        case appraise(Parameter<String>)
        /// `/assessments/:assessmentID/release`
        case release
        /// `/assessments/:assessmentID/explanations/:code`
        case explanation(Parameter<String>)
        /// `/assessments/:assessmentID/finalise`
        case finalise
        /// `/assessments/:assessmentID/reopen`
        case reopen
        /// `/assessments/:assessmentID/close` (no result: the agency left the period)
        case close
        /// `/assessments/:assessmentID/acting-chair`
        case actingChair
        /// `/assessments/:assessmentID/deductions/:code`
        case deduction(Parameter<String>)
        /// `/assessments/:assessmentID/results`
        case results
        /// `/assessments/:assessmentID/results/scoresheet.pdf`
        case scoreSheetPDF
        /// `/assessments/:assessmentID/whatif`
        case whatIf
    }

    enum AgencyPage: Sendable, Equatable {
        /// `/agencies/:agencyID/deputies`
        case deputies
        /// `/agencies/:agencyID/deputies/:deputyID`
        case deputy(Parameter<UUID>)
        /// `/agencies/:agencyID/deputies/:deputyID/delete`
        case deleteDeputy(Parameter<UUID>)
        /// `/agencies/:agencyID/years` (its results over the years, through its predecessors)
        case years
    }

    // MARK: Paths

    /// The link (`.value`s) or the route's pattern (`.key`s): `/` and the components.
    var path: String { "/" + pathComponents.joined(separator: "/") }

    /// The components, parameters named as the handlers read them (`request.parameters.get("assessmentID")`).
    var pathComponents: [String] {
        switch self {
        case let .asset(file): ["assets", Self.component(file, "file")]
        case .health: ["health"]
        case .login: ["login"]
        case let .language(code): ["language", Self.component(code, "code")]
        case .publicPeriods: ["public"]
        case let .publicPeriod(period): ["public", "periods", Self.component(period, "periodID")]
        case let .publicDecision(period): ["public", "periods", Self.component(period, "periodID"), "decision.pdf"]
        case .home: []
        case .logout: ["logout"]
        case .accountPassword: ["account", "password"]
        case let .admin(page): ["admin"] + page.pathComponents
        case .indexes: ["indexes"]
        case let .index(index, page): ["indexes", Self.component(index, "indexID")] + page.pathComponents
        case .indexComparison: ["indexes", "compare"]
        case .indexComparisonXLSX: ["indexes", "compare.xlsx"]
        case .indexDrafts: ["index-drafts"]
        case let .indexDraft(draft, page): ["index-drafts", Self.component(draft, "draftID")] + page.pathComponents
        case .periods: ["periods"]
        case .newPeriod: ["periods", "new"]
        case let .period(period, page): ["periods", Self.component(period, "periodID")] + page.pathComponents
        case .tasks: ["tasks"]
        case .newTask: ["tasks", "new"]
        case .taskImport: ["tasks", "import"]
        case let .taskImportPreview(pending): ["tasks", "import", Self.component(pending, "importID")]
        case let .task(task, page): ["tasks", Self.component(task, "taskID")] + page.pathComponents
        case let .assessment(assessment, page): ["assessments", Self.component(assessment, "assessmentID")] + page.pathComponents
        case let .agency(agency, page): ["agencies", Self.component(agency, "agencyID")] + page.pathComponents
        case .dashboard: ["dashboard"]
        case .monitoring: ["monitoring"]
        case .groupYears: ["results", "years"]
        case let .monitoringAgency(period, agency):
            ["monitoring", Self.component(period, "periodID"), "agencies", Self.component(agency, "agencyID")]
        case .appraisalQueue: ["appraisal"]
        case .council: ["council"]
        case let .evidence(link): ["evidence", Self.component(link, "linkID")]
        }
    }

    /// `:name` for a key, the value as it is (`description`: a UUID's `uuidString`) for a link.
    static func component<Value: CustomStringConvertible>(_ parameter: Parameter<Value>, _ name: String) -> String {
        switch parameter {
        case .key: ":" + name
        case let .value(value): value.description
        }
    }
}

extension SiteURL.Parameter: Sendable where Value: Sendable {}
extension SiteURL.Parameter: Equatable where Value: Equatable {}

extension SiteURL.AdminPage {
    var pathComponents: [String] {
        switch self {
        case .agencies: ["agencies"]
        case .newAgency: ["agencies", "new"]
        case .agencyImport: ["agencies", "import"]
        case let .agency(agency): ["agencies", SiteURL.component(agency, "agencyID")]
        case .agencyChanges: ["agencies", "changes"]
        case .users: ["users"]
        case .newUser: ["users", "new"]
        case .userImport: ["users", "import"]
        case .usersBulk: ["users", "bulk"]
        case let .credentialSheet(sheet): ["users", "credentials", SiteURL.component(sheet, "sheetID")]
        case let .user(user): ["users", SiteURL.component(user, "userID")]
        case let .userPassword(user): ["users", SiteURL.component(user, "userID"), "password"]
        case .audit: ["audit"]
        case .identity: ["identity"]
        case .groupNames: ["identity", "groups"]
        }
    }
}

extension SiteURL.IndexPage {
    var pathComponents: [String] {
        switch self {
        case .show: []
        case .yaml: ["yaml"]
        case .xlsx: ["xlsx"]
        case .withdraw: ["withdraw"]
        case .mapping: ["mapping"]
        }
    }
}

extension SiteURL.IndexDraftPage {
    var pathComponents: [String] {
        switch self {
        case .show: []
        case .publish: ["publish"]
        case .delete: ["delete"]
        case .xlsx: ["xlsx"]
        case .dryRun: ["dry-run"]
        }
    }
}

extension SiteURL.PeriodPage {
    var pathComponents: [String] {
        switch self {
        case .show: []
        case .assignIndex: ["indexes"]
        case .open: ["open"]
        case .publish: ["publish"]
        case .decisionFile: ["decision"]
        case .declareSource: ["sources"]
        case let .withdrawSource(set): ["sources", SiteURL.component(set, "dataSet"), "withdraw"]
        case .assignments: ["assignments"]
        case let .deleteAssignment(assignment): ["assignments", SiteURL.component(assignment, "assignmentID"), "delete"]
        case .surveys: ["surveys"]
        case .ratings: ["ratings"]
        case let .rating(agency): ["ratings", SiteURL.component(agency, "agencyID")]
        case .leaders: ["leaders"]
        case .results: ["results"]
        case .rankingCSV: ["results", "ranking.csv"]
        case .inputsCSV: ["results", "inputs.csv"]
        case .agenciesCSV: ["results", "agencies.csv"]
        case .rankingPDF: ["results", "ranking.pdf"]
        case .rankingXLSX: ["results", "ranking.xlsx"]
        case .matrixXLSX: ["results", "matrix.xlsx"]
        case .agencies: ["agencies"]
        case .deadlines: ["deadlines"]
        case .close: ["close"]
        }
    }
}

extension SiteURL.TaskPage {
    var pathComponents: [String] {
        switch self {
        case .show: []
        case .extensions: ["extensions"]
        case .evidence: ["evidence"]
        case let .evidenceFile(file): ["evidence", SiteURL.component(file, "evidenceID")]
        }
    }
}

extension SiteURL.AssessmentPage {
    var pathComponents: [String] {
        switch self {
        case .show: []
        case let .entry(code): ["entries", SiteURL.component(code, "code")]
        case let .entryEvidence(code): ["entries", SiteURL.component(code, "code"), "evidence"]
        case let .attachEvidence(code): ["entries", SiteURL.component(code, "code"), "evidence", "attach"]
        case let .deleteEvidence(link): ["evidence", SiteURL.component(link, "linkID"), "delete"]
        case .submit: ["submit"]
        case .returnToAgency: ["return"]
        case .exception: ["exception"]
        case .appraisal: ["appraisal"]
        case .confirmAppraisal: ["appraisal", "confirm"]
        case let .appraise(code): ["appraisal", SiteURL.component(code, "code")]
        case .release: ["release"]
        case let .explanation(code): ["explanations", SiteURL.component(code, "code")]
        case .finalise: ["finalise"]
        case .reopen: ["reopen"]
        case .close: ["close"]
        case .actingChair: ["acting-chair"]
        case let .deduction(code): ["deductions", SiteURL.component(code, "code")]
        case .results: ["results"]
        case .scoreSheetPDF: ["results", "scoresheet.pdf"]
        case .whatIf: ["whatif"]
        }
    }
}

extension SiteURL.AssessmentPage {
    /// This page of the assessment at `assessmentPath` (`SiteURL.assessment(.value(id), .show).path`, which
    /// ``AssessmentRecord/path`` holds, made once: the assessment page links from every leaf).
    func path(under assessmentPath: String) -> String {
        var path = assessmentPath
        for component in pathComponents {
            path += "/"
            path += component
        }
        return path
    }
}

extension SiteURL.AgencyPage {
    var pathComponents: [String] {
        switch self {
        case .deputies: ["deputies"]
        case let .deputy(deputy): ["deputies", SiteURL.component(deputy, "deputyID")]
        case let .deleteDeputy(deputy): ["deputies", SiteURL.component(deputy, "deputyID"), "delete"]
        case .years: ["years"]
        }
    }
}
