/// Where an assigned task stands on a given day (domain README, "Assigned
/// tasks"): every task is in exactly one of these four statuses.
public enum TaskStatus: String, Sendable, CaseIterable, Codable {
    /// Completed on or before its (effective) deadline.
    case doneOnTime
    /// Completed after its deadline.
    case doneLate
    /// Not completed yet, and the deadline (that day included) has not passed.
    case openWithinDeadline
    /// Not completed, and the deadline has passed.
    case openOverdue

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.doneOnTime, .vietnamese): "Hoàn thành đúng hạn"
        case (.doneOnTime, .english): "Completed on time"
        case (.doneLate, .vietnamese): "Hoàn thành quá hạn"
        case (.doneLate, .english): "Completed late"
        case (.openWithinDeadline, .vietnamese): "Chưa hoàn thành, trong hạn"
        case (.openWithinDeadline, .english): "Not completed, within the deadline"
        case (.openOverdue, .vietnamese): "Chưa hoàn thành, quá hạn"
        case (.openOverdue, .english): "Not completed, overdue"
        }
    }
}

/// A deadline extended by the assigning authority (gia hạn), by a document.
public struct DeadlineExtension: Sendable, Hashable {
    /// Number and sign of the extending document (`123/UBND-TH`).
    public var document: String
    /// The document's date, when known.
    public var documentDate: CivilDate?
    /// The deadline that replaces the earlier one.
    public var newDeadline: CivilDate

    public init(document: String, documentDate: CivilDate? = nil, newDeadline: CivilDate) {
        self.document = document
        self.documentDate = documentDate
        self.newDeadline = newDeadline
    }
}

/// A task assigned to an agency by a provincial document, as the tracking
/// system knows it.
public struct AssignedTask: Sendable, Hashable {
    public var id: String
    /// Code of the agency the task is assigned to.
    public var agency: String
    /// The deadline set by the assigning document.
    public var deadline: CivilDate
    /// Extensions granted, in the order they were recorded.
    public var extensions: [DeadlineExtension]
    /// The day the task was completed; `nil` while it is open.
    public var completedOn: CivilDate?

    public init(id: String, agency: String, deadline: CivilDate, extensions: [DeadlineExtension] = [],
                completedOn: CivilDate? = nil) {
        self.id = id
        self.agency = agency
        self.deadline = deadline
        self.extensions = extensions
        self.completedOn = completedOn
    }

    /// The deadline the task is held to: the new deadline of the most
    /// recent extension, else the original one (spec §4: an extended task
    /// counts against its new deadline).
    ///
    /// The most recent extension is the one with the latest document date;
    /// between equal dates the one recorded later wins. An extension without
    /// a date ranks below every dated one, and undated extensions rank among
    /// themselves by the order they were recorded.
    public var effectiveDeadline: CivilDate {
        var latest: DeadlineExtension?
        for candidate in extensions {
            guard let current = latest else {
                latest = candidate
                continue
            }
            switch (current.documentDate, candidate.documentDate) {
            case (nil, _): latest = candidate
            case (_?, nil): continue
            case let (currentDate?, candidateDate?): if candidateDate >= currentDate { latest = candidate }
            }
        }
        return latest?.newDeadline ?? deadline
    }

    /// The status on `day`: a task completed on or before `day` is on time
    /// when completed on or before its effective deadline, late otherwise; a
    /// task not completed by `day` is within its deadline up to and
    /// including the deadline day, overdue after it.
    public func status(on day: CivilDate) -> TaskStatus {
        let deadline = effectiveDeadline
        if let completedOn, completedOn <= day {
            return completedOn <= deadline ? .doneOnTime : .doneLate
        }
        return day <= deadline ? .openWithinDeadline : .openOverdue
    }
}
