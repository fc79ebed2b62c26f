/// Where a problem of a task file is (``TaskProblem``), in both languages.
public enum TaskRowText: String, Phrasebook {
    case lineNumber, columnPrefix

    public var vietnamese: String {
        switch self {
        case .lineNumber: "Dòng %@"
        case .columnPrefix: "cột "
        }
    }

    public var english: String {
        switch self {
        case .lineNumber: "Line %@"
        case .columnPrefix: "column "
        }
    }
}
