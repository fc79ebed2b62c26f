/// What is wrong with a planned reorganisation (``OrganisationProblem``), in both languages.
public enum OrganisationText: String, Phrasebook {
    case unknownAgency, notActive, mergeNeedsTwo, mergeNeedsOneSuccessor, absorbingSuccessorNotMerged, splitNeedsOneSource
    case splitNeedsTwo, onlyOneAgency, noSuccessorsAllowed, newNameRequired, sameName, renamedAfter, codeTaken, codeRequired
    case nameRequired, groupRequired, unusedNewAgency, listedTwice

    public var vietnamese: String {
        switch self {
        case .unknownAgency: "Không có đơn vị mã \"%@\"."
        case .notActive: "Đơn vị %@ không còn hoạt động (hoặc chưa thành lập) vào ngày %@."
        case .mergeNeedsTwo: "Hợp nhất, sáp nhập cần ít nhất hai đơn vị."
        case .mergeNeedsOneSuccessor: "Hợp nhất, sáp nhập tạo ra đúng một đơn vị."
        case .absorbingSuccessorNotMerged: "Đơn vị tiếp nhận %@ phải nằm trong các đơn vị sáp nhập, hoặc là đơn vị mới."
        case .splitNeedsOneSource: "Chia tách áp dụng cho đúng một đơn vị."
        case .splitNeedsTwo: "Chia tách cần ít nhất hai đơn vị kế thừa."
        case .onlyOneAgency: "Đổi tên, giải thể áp dụng cho đúng một đơn vị."
        case .noSuccessorsAllowed: "Đổi tên, giải thể không có đơn vị kế thừa."
        case .newNameRequired: "Cần nhập tên mới."
        case .sameName: "Tên mới trùng tên hiện tại."
        case .renamedAfter: "Đơn vị đã đổi tên từ ngày %@: ngày hiệu lực phải sau ngày đó."
        case .codeTaken: "Mã \"%@\" đã được dùng."
        case .codeRequired: "Cần nhập mã đơn vị mới."
        case .nameRequired: "Cần nhập tên đơn vị mới %@."
        case .groupRequired: "Cần nhập khối của đơn vị mới %@."
        case .unusedNewAgency: "Đơn vị mới %@ không được nêu là đơn vị kế thừa."
        case .listedTwice: "Đơn vị %@ được nêu hai lần."
        }
    }

    public var english: String {
        switch self {
        case .unknownAgency: "There is no agency with code \"%@\"."
        case .notActive: "Agency %@ is not active (ended, or not yet formed) on %@."
        case .mergeNeedsTwo: "A merger needs at least two agencies."
        case .mergeNeedsOneSuccessor: "A merger forms exactly one agency."
        case .absorbingSuccessorNotMerged: "The receiving agency %@ must be one of the merged agencies, or a new one."
        case .splitNeedsOneSource: "A split applies to exactly one agency."
        case .splitNeedsTwo: "A split needs at least two successors."
        case .onlyOneAgency: "A rename or a dissolution applies to exactly one agency."
        case .noSuccessorsAllowed: "A rename or a dissolution has no successor."
        case .newNameRequired: "Enter the new name."
        case .sameName: "The new name is the current name."
        case .renamedAfter: "The agency was renamed with effect from %@: the effective date must come after it."
        case .codeTaken: "Code \"%@\" is already used."
        case .codeRequired: "Enter the new agency's code."
        case .nameRequired: "Enter the name of the new agency %@."
        case .groupRequired: "Enter the group of the new agency %@."
        case .unusedNewAgency: "The new agency %@ is not named as a successor."
        case .listedTwice: "Agency %@ is listed twice."
        }
    }
}
