import Vapor

/// Every route, grouped by feature. Each handler asks ``Policy`` before it
/// reads or changes anything (see `RouteMatrixTests`). The paths are ``SiteURL``'s:
/// the same definitions the pages build their links from.
func routes(_ app: Application) throws {
    app.get(.asset(.key), use: AssetsController.serve)
    app.get(.health, use: { _ in "ok" })

    app.get(.login, use: AccountController.loginPage)
    app.post(.login, use: AccountController.login)
    app.get(.language(.key), use: AccountController.switchLanguage)
    app.get(.publicPeriods, use: PublicController.periods)
    app.get(.publicPeriod(.key), use: PublicController.period)
    app.get(.publicDecision(.key), use: PublicationController.decisionFile)

    let signedIn = app.grouped(RequireLogin())
    signedIn.get(.home, use: HomeController.home)
    signedIn.post(.logout, use: AccountController.logout)
    signedIn.get(.accountPassword, use: AccountController.passwordPage)
    signedIn.post(.accountPassword, use: AccountController.changePassword)

    signedIn.get(.admin(.agencies), use: AgencyAdminController.list)
    signedIn.get(.admin(.newAgency), use: AgencyAdminController.newForm)
    signedIn.post(.admin(.agencies), use: AgencyAdminController.create)
    signedIn.get(.admin(.agency(.key)), use: AgencyAdminController.editForm)
    signedIn.post(.admin(.agency(.key)), use: AgencyAdminController.update)
    signedIn.post(.admin(.agencyImport), use: AgencyAdminController.importCSV)

    signedIn.get(.admin(.users), use: UserAdminController.list)
    signedIn.get(.admin(.newUser), use: UserAdminController.newForm)
    signedIn.post(.admin(.users), use: UserAdminController.create)
    signedIn.get(.admin(.user(.key)), use: UserAdminController.editForm)
    signedIn.post(.admin(.user(.key)), use: UserAdminController.update)
    signedIn.post(.admin(.userPassword(.key)), use: UserAdminController.resetPassword)

    signedIn.get(.admin(.audit), use: AuditController.list)
    signedIn.get(.admin(.identity), use: IdentityController.page)
    signedIn.post(.admin(.identity), use: IdentityController.save)
    signedIn.post(.admin(.groupNames), use: IdentityController.saveGroups)

    signedIn.get(.indexes, use: IndexController.list)
    signedIn.post(.indexes, use: IndexController.upload)
    signedIn.get(.index(.key, .show), use: IndexController.show)

    signedIn.get(.periods, use: PeriodController.list)
    signedIn.get(.newPeriod, use: PeriodController.newForm)
    signedIn.post(.periods, use: PeriodController.create)
    signedIn.get(.period(.key, .show), use: PeriodController.show)
    signedIn.post(.period(.key, .assignIndex), use: PeriodController.assignIndex)
    signedIn.post(.period(.key, .open), use: PeriodController.open)
    signedIn.post(.period(.key, .assignments), use: PeriodController.assign)
    signedIn.post(.period(.key, .deleteAssignment(.key)), use: PeriodController.unassign)
    signedIn.post(.period(.key, .publish), use: PublicationController.publish)
    signedIn.on(.POST, .period(.key, .decisionFile), body: .stream, use: PublicationController.attachDecision)
    signedIn.post(.period(.key, .declareSource), use: PublicationController.declareSource)
    signedIn.post(.period(.key, .withdrawSource(.key)), use: PublicationController.withdrawSource)

    signedIn.get(.period(.key, .surveys), use: SourceDataController.surveys)
    signedIn.on(.POST, .period(.key, .surveys), body: .collect(maxSize: "20mb"), use: SourceDataController.importSurveys)
    signedIn.get(.period(.key, .ratings), use: LeaderRatingController.page)
    signedIn.post(.period(.key, .ratings), use: LeaderRatingController.rateGroup)
    signedIn.post(.period(.key, .rating(agency: .key)), use: LeaderRatingController.rate)
    signedIn.post(.period(.key, .leaders), use: LeaderRatingController.assign)

    signedIn.get(.tasks, use: TaskController.list)
    signedIn.get(.newTask, use: TaskController.newForm)
    signedIn.post(.tasks, use: TaskController.create)
    signedIn.get(.taskImport, use: TaskImportController.uploadPage)
    signedIn.on(.POST, .taskImport, body: .collect(maxSize: "20mb"), use: TaskImportController.upload)
    signedIn.get(.taskImportPreview(.key), use: TaskImportController.preview)
    signedIn.post(.taskImportPreview(.key), use: TaskImportController.commit)
    signedIn.get(.task(.key, .show), use: TaskController.show)
    signedIn.post(.task(.key, .show), use: TaskController.update)
    signedIn.post(.task(.key, .extensions), use: TaskController.addExtension)
    signedIn.on(.POST, .task(.key, .evidence), body: .collect(maxSize: ByteCount(value: app.settings.uploadMaxBytes)), use: TaskController.addEvidence)
    signedIn.get(.task(.key, .evidenceFile(.key)), use: TaskController.evidence)

    signedIn.get(.period(.key, .results), use: ResultsController.period)
    signedIn.get(.period(.key, .rankingCSV), use: ResultExportController.rankingCSV)
    signedIn.get(.period(.key, .inputsCSV), use: ResultExportController.inputsCSV)
    signedIn.get(.period(.key, .agenciesCSV), use: ResultExportController.agenciesCSV)
    signedIn.get(.period(.key, .rankingPDF), use: ResultExportController.rankingPDF)
    signedIn.get(.period(.key, .rankingXLSX), use: ResultExportController.rankingXLSX)
    signedIn.get(.period(.key, .matrixXLSX), use: ResultExportController.matrixXLSX)
    signedIn.get(.assessment(.key, .results), use: ResultsController.agency)
    signedIn.get(.assessment(.key, .scoreSheetPDF), use: ResultExportController.scoreSheetPDF)
    signedIn.get(.assessment(.key, .whatIf), use: WhatIfController.page)
    signedIn.post(.assessment(.key, .whatIf), use: WhatIfController.compute)
    signedIn.get(.index(.key, .yaml), use: ResultExportController.indexYAML)

    signedIn.get(.agency(.key, .deputies), use: DeputyController.list)
    signedIn.post(.agency(.key, .deputies), use: DeputyController.create)
    signedIn.post(.agency(.key, .deputy(.key)), use: DeputyController.update)
    signedIn.post(.agency(.key, .deleteDeputy(.key)), use: DeputyController.delete)

    signedIn.get(.dashboard, use: DashboardController.view)
    signedIn.get(.monitoring, use: MonitoringController.overview)
    signedIn.get(.monitoringAgency(period: .key, agency: .key), use: MonitoringController.agency)

    signedIn.get(.assessment(.key, .show), use: AssessmentController.show)
    cycleActions(on: signedIn)
    signedIn.get(.assessment(.key, .attachEvidence(.key)), use: EvidenceController.attachPage)
    signedIn.post(.assessment(.key, .attachEvidence(.key)), use: EvidenceController.attach)
    signedIn.post(.assessment(.key, .deleteEvidence(.key)), use: EvidenceController.detach)
    signedIn.get(.assessment(.key, .appraisal), use: AppraisalController.page)
    signedIn.get(.appraisalQueue, use: AppraisalController.queue)
    signedIn.get(.council, use: CouncilController.overview)
    signedIn.get(.evidence(.key), use: EvidenceController.download)

    // The JSON API: the same handlers and policy, a bearer token instead of a session cookie.
    app.get("api", "openapi.json", use: APIController.openAPI)
    let api = app.grouped("api", "v1").grouped(BearerAuthentication()).grouped(RequireLogin()).grouped(DeclaredFieldsOnly())
    APIOperations.register(on: api)
}

/// The steps of the cycle on one assessment, for the pages (the API registers the same handlers from APIOperations).
private func cycleActions(on signedIn: any RoutesBuilder) {
    signedIn.post(.assessment(.key, .entry(.key)), use: AssessmentController.saveEntry)
    signedIn.on(.POST, .assessment(.key, .entryEvidence(.key)), body: .stream, use: EvidenceController.upload)
    signedIn.post(.assessment(.key, .submit), use: AssessmentController.submit)
    signedIn.post(.assessment(.key, .returnToAgency), use: AssessmentController.returnToAgency)
    signedIn.post(.assessment(.key, .exception), use: AssessmentController.grantException)
    signedIn.post(.assessment(.key, .confirmAppraisal), use: AppraisalController.confirmRest)
    signedIn.post(.assessment(.key, .appraise(.key)), use: AppraisalController.appraise)
    signedIn.post(.assessment(.key, .release), use: AppraisalController.release)
    signedIn.post(.assessment(.key, .explanation(.key)), use: AppraisalController.explain)
    signedIn.post(.assessment(.key, .finalise), use: AppraisalController.finalise)
    signedIn.post(.assessment(.key, .reopen), use: AppraisalController.reopen)
    signedIn.post(.assessment(.key, .actingChair), use: AppraisalController.nameActingChair)
    signedIn.post(.assessment(.key, .deduction(.key)), use: DeductionController.record)
}
