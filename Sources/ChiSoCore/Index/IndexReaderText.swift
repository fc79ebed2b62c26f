/// Texts of reading an index file (``IndexReader``), in both languages.
public enum IndexReaderText: String, Phrasebook {
    case didYouMean

    public var vietnamese: String {
        switch self {
        case .didYouMean: " (có phải là %@?)"
        }
    }

    public var english: String {
        switch self {
        case .didYouMean: " (did you mean %@?)"
        }
    }
}
