/// The individual ratings' titles (``IndividualRating``), in both languages.
public enum IndividualRatingText: String, Phrasebook {
    case excellent, good, completed, notCompleted

    public var vietnamese: String {
        switch self {
        case .excellent: "Hoàn thành xuất sắc nhiệm vụ"
        case .good: "Hoàn thành tốt nhiệm vụ"
        case .completed: "Hoàn thành nhiệm vụ"
        case .notCompleted: "Không hoàn thành nhiệm vụ"
        }
    }

    public var english: String {
        switch self {
        case .excellent: "Tasks completed with distinction"
        case .good: "Tasks completed well"
        case .completed: "Tasks completed"
        case .notCompleted: "Tasks not completed"
        }
    }
}
