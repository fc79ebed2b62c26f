/// Texts of ``ScoreReport`` (warnings about missing inputs), in both languages.
public enum ScoreReportText: String, Phrasebook {
    case missingInput

    public var vietnamese: String {
        switch self {
        case .missingInput: "%@: đơn vị %@: chưa có số liệu cho %@"
        }
    }

    public var english: String {
        switch self {
        case .missingInput: "%@: agency %@: no input for %@"
        }
    }
}
