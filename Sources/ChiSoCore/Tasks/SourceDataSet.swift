/// A body of data behind sourced criteria that the organiser keeps and declares complete for a
/// period before it counts: the task register, the survey results, the leaders' ratings.
/// (`submission.late` reads the workflow's own timestamps: complete by construction.)
public enum SourceDataSet: String, Sendable, CaseIterable, Comparable {
    case tasks, surveys, leaders

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public func name(_ language: Language) -> String { SourceDataSetText(rawValue: rawValue)!.text(language) }
}

extension InputSource {
    /// The data set this source reads; `nil` for the workflow's own timestamps.
    public var dataSet: SourceDataSet? {
        switch self {
        case .tasksOnTimeRate, .tasksDoneLate, .tasksOverdue: .tasks
        case .survey: .surveys
        case .leaders: .leaders
        case .submissionLate: nil
        }
    }
}

extension Index {
    /// The data sets its sourced leaves and items read, in ``SourceDataSet`` order.
    public var dataSets: [SourceDataSet] {
        let sources = nodes.compactMap { $0.leaf?.source } + (bonus + deductions).compactMap(\.source)
        return Set(sources.compactMap(\.dataSet)).sorted()
    }
}

/// The data sets' names, in both languages.
public enum SourceDataSetText: String, Phrasebook {
    case tasks, surveys, leaders

    public var vietnamese: String {
        switch self {
        case .tasks: "sổ theo dõi nhiệm vụ"
        case .surveys: "kết quả khảo sát sự hài lòng"
        case .leaders: "đánh giá của lãnh đạo tỉnh"
        }
    }

    public var english: String {
        switch self {
        case .tasks: "task register"
        case .surveys: "satisfaction survey results"
        case .leaders: "provincial leaders' ratings"
        }
    }
}
