import Fluent

/// Every migration, in order. A landed migration is never edited: a change
/// to the schema is a new numbered folder.
enum Migrations {
    static let all: [any Migration] = [
        CreateAgencies(),
        CreateUsers(),
        CreateIndexVersions(),
        CreatePeriods(),
        CreateAssessments(),
        CreateEvidence(),
        CreateAuditEvents(),
        CreateSessions(),
        CreateDeadlineExceptions(),
        CreateAppraisal(),
        CreateAPITokens(),
        CreateTasksAndSources(),
        CreateDeputies(),
        CreateLookupIndexes(),
        CreateHardening(),
        CreateTaskEvidence(),
        DropUnreadPoints(),
        AddFirstSubmission(),
        AddActingChair(),
        CreateDeductionDocuments(),
        CreatePublicationRecords(),
        CreateSourceDeclarations(),
        CreateKeptEntries(),
        CreateLeaderAssignments(),
        CreateAgencyGroups(),
        BackfillDemoIdentity(),
        CreateIndexDrafts(),
        CreateCriterionMappings(),
        CreateAgencyHistory(),
        CreatePeriodAdministration(),
        CreateAccountImports(),
    ]
}
