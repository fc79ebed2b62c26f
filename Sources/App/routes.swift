import Vapor

/// Every route, grouped by feature. Each handler asks ``Policy`` before it
/// reads or changes anything (see `RouteMatrixTests`).
func routes(_ app: Application) throws {
    app.get("assets", ":file", use: AssetsController.serve)
    app.get("health", use: { _ in "ok" })

    app.get("login", use: AccountController.loginPage)
    app.post("login", use: AccountController.login)
    app.get("language", ":code", use: AccountController.switchLanguage)
    app.get("public", use: PublicController.periods)
    app.get("public", "periods", ":periodID", use: PublicController.period)

    let signedIn = app.grouped(RequireLogin())
    signedIn.get(use: HomeController.home)
    signedIn.post("logout", use: AccountController.logout)
    signedIn.get("account", "password", use: AccountController.passwordPage)
    signedIn.post("account", "password", use: AccountController.changePassword)

    let agencies = signedIn.grouped("admin", "agencies")
    agencies.get(use: AgencyAdminController.list)
    agencies.get("new", use: AgencyAdminController.newForm)
    agencies.post(use: AgencyAdminController.create)
    agencies.get(":agencyID", use: AgencyAdminController.editForm)
    agencies.post(":agencyID", use: AgencyAdminController.update)
    agencies.post("import", use: AgencyAdminController.importCSV)

    let users = signedIn.grouped("admin", "users")
    users.get(use: UserAdminController.list)
    users.get("new", use: UserAdminController.newForm)
    users.post(use: UserAdminController.create)
    users.get(":userID", use: UserAdminController.editForm)
    users.post(":userID", use: UserAdminController.update)
    users.post(":userID", "password", use: UserAdminController.resetPassword)

    signedIn.get("admin", "audit", use: AuditController.list)

    let indexes = signedIn.grouped("indexes")
    indexes.get(use: IndexController.list)
    indexes.post(use: IndexController.upload)
    indexes.get(":indexID", use: IndexController.show)

    let periods = signedIn.grouped("periods")
    periods.get(use: PeriodController.list)
    periods.get("new", use: PeriodController.newForm)
    periods.post(use: PeriodController.create)
    periods.get(":periodID", use: PeriodController.show)
    periods.post(":periodID", "indexes", use: PeriodController.assignIndex)
    periods.post(":periodID", "open", use: PeriodController.open)
    periods.post(":periodID", "assignments", use: PeriodController.assign)
    periods.post(":periodID", "assignments", ":assignmentID", "delete", use: PeriodController.unassign)
    periods.post(":periodID", "publish", use: PeriodController.publish)

    periods.get(":periodID", "surveys", use: SourceDataController.surveys)
    periods.on(.POST, ":periodID", "surveys", body: .collect(maxSize: "20mb"), use: SourceDataController.importSurveys)
    periods.get(":periodID", "ratings", use: SourceDataController.ratings)
    periods.post(":periodID", "ratings", ":agencyID", use: SourceDataController.rate)

    let tasks = signedIn.grouped("tasks")
    tasks.get(use: TaskController.list)
    tasks.get("new", use: TaskController.newForm)
    tasks.post(use: TaskController.create)
    tasks.get("import", use: TaskImportController.uploadPage)
    tasks.on(.POST, "import", body: .collect(maxSize: "20mb"), use: TaskImportController.upload)
    tasks.get("import", ":importID", use: TaskImportController.preview)
    tasks.post("import", ":importID", use: TaskImportController.commit)
    tasks.get(":taskID", use: TaskController.show)
    tasks.post(":taskID", use: TaskController.update)
    tasks.post(":taskID", "extensions", use: TaskController.addExtension)
    tasks.on(.POST, ":taskID", "evidence", body: .collect(maxSize: ByteCount(value: app.settings.uploadMaxBytes)), use: TaskController.addEvidence)
    tasks.get(":taskID", "evidence", ":evidenceID", use: TaskController.evidence)

    periods.get(":periodID", "results", use: ResultsController.period)
    periods.get(":periodID", "results", "ranking.csv", use: ResultExportController.rankingCSV)
    periods.get(":periodID", "results", "inputs.csv", use: ResultExportController.inputsCSV)
    periods.get(":periodID", "results", "agencies.csv", use: ResultExportController.agenciesCSV)
    periods.get(":periodID", "results", "ranking.pdf", use: ResultExportController.rankingPDF)
    periods.get(":periodID", "results", "ranking.xlsx", use: ResultExportController.rankingXLSX)
    periods.get(":periodID", "results", "matrix.xlsx", use: ResultExportController.matrixXLSX)
    signedIn.get("assessments", ":assessmentID", "results", use: ResultsController.agency)
    signedIn.get("assessments", ":assessmentID", "results", "scoresheet.pdf", use: ResultExportController.scoreSheetPDF)
    signedIn.get("assessments", ":assessmentID", "whatif", use: WhatIfController.page)
    signedIn.post("assessments", ":assessmentID", "whatif", use: WhatIfController.compute)
    indexes.get(":indexID", "yaml", use: ResultExportController.indexYAML)

    let deputies = signedIn.grouped("agencies", ":agencyID", "deputies")
    deputies.get(use: DeputyController.list)
    deputies.post(use: DeputyController.create)
    deputies.post(":deputyID", use: DeputyController.update)
    deputies.post(":deputyID", "delete", use: DeputyController.delete)

    signedIn.get("dashboard", use: DashboardController.view)
    signedIn.get("monitoring", use: MonitoringController.overview)
    signedIn.get("monitoring", ":periodID", "agencies", ":agencyID", use: MonitoringController.agency)

    let assessments = signedIn.grouped("assessments", ":assessmentID")
    assessments.get(use: AssessmentController.show)
    cycleActions(on: assessments)
    assessments.get("entries", ":code", "evidence", "attach", use: EvidenceController.attachPage)
    assessments.post("entries", ":code", "evidence", "attach", use: EvidenceController.attach)
    assessments.post("evidence", ":linkID", "delete", use: EvidenceController.detach)
    assessments.get("appraisal", use: AppraisalController.page)
    signedIn.get("appraisal", use: AppraisalController.queue)
    signedIn.get("council", use: CouncilController.overview)
    signedIn.get("evidence", ":linkID", use: EvidenceController.download)

    // The JSON API: the same handlers and policy, a bearer token instead of a session cookie.
    app.get("api", "openapi.json", use: APIController.openAPI)
    let api = app.grouped("api", "v1").grouped(BearerAuthentication()).grouped(RequireLogin()).grouped(DeclaredFieldsOnly())
    APIOperations.register(on: api)
}

/// The steps of the cycle on one assessment, for the pages (the API registers the same handlers from APIOperations).
private func cycleActions(on assessment: any RoutesBuilder) {
    assessment.post("entries", ":code", use: AssessmentController.saveEntry)
    assessment.on(.POST, "entries", ":code", "evidence", body: .stream, use: EvidenceController.upload)
    assessment.post("submit", use: AssessmentController.submit)
    assessment.post("return", use: AssessmentController.returnToAgency)
    assessment.post("exception", use: AssessmentController.grantException)
    assessment.post("appraisal", "confirm", use: AppraisalController.confirmRest)
    assessment.post("appraisal", ":code", use: AppraisalController.appraise)
    assessment.post("release", use: AppraisalController.release)
    assessment.post("explanations", ":code", use: AppraisalController.explain)
    assessment.post("finalise", use: AppraisalController.finalise)
    assessment.post("reopen", use: AppraisalController.reopen)
}
