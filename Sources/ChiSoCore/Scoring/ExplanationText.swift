/// Texts of ``ScoreExplanation`` (why a criterion or an item got its points), in both languages.
public enum ExplanationText: String, Phrasebook {
    case points, onePoint, answerYes, answerNo, notApplicableInput
    // A node
    case notApplicableTag, notApplicableThrough, noApplicableChild, childrenCapped, childrenSum
    // A bonus or deduction item
    case itemMissing, itemCountCapped, itemEntered
    // A leaf
    case missing, noData, notApplicableNoTaskDue, notApplicableDeclared, evidenceMissing, answer, belowTiers, ratioFull, ratio, countCapped, deductFloored, level, manual
    // A class and its conditions
    case classMovedDown, conditionShare, conditionBonus, conditionDeduction

    public var vietnamese: String {
        switch self {
        case .points: "%@ điểm"
        case .onePoint: "%@ điểm"
        case .answerYes: "có"
        case .answerNo: "không"
        case .notApplicableInput: "không áp dụng"
        case .notApplicableTag: "không áp dụng (đơn vị có nhãn %@)"
        case .notApplicableThrough: "không áp dụng (theo tiêu chí %@, nhãn %@)"
        case .noApplicableChild: "không áp dụng (không có tiêu chí con nào áp dụng)"
        case .childrenCapped: "tổng tiêu chí con %@ vượt tối đa %@ → %@"
        case .childrenSum: "tổng các tiêu chí con → %@"
        case .itemMissing: "không có → 0 điểm"
        case .itemCountCapped: "%@ × %@, tối đa %@ → %@"
        case .itemEntered: "nhập %@"
        case .missing: "chưa nhập → 0 điểm"
        case .noData: "chưa có số liệu → 0 điểm"
        case .notApplicableNoTaskDue: "không áp dụng (không có nhiệm vụ nào đến hạn trong kỳ)"
        case .notApplicableDeclared: "không áp dụng (đơn vị xác định)"
        case .evidenceMissing: "thiếu tài liệu kiểm chứng → 0"
        case .answer: "%@ → %@"
        case .belowTiers: "%@ < %@ (dưới mức thấp nhất) → 0 điểm"
        case .ratioFull: "%@ ≥ mục tiêu %@% → %@ (tối đa)"
        case .countCapped: "%@ × %@, tối đa %@ → %@"
        case .ratio: "%@ so với mục tiêu %@% → %@ × tỷ lệ = %@"
        case .deductFloored: "%@ − %@ × %@ < 0 → 0 điểm"
        case .level: "mức %@ → %@"
        case .manual: "tự chấm %@"
        case .classMovedDown: "điểm %@ đạt mức %@ (từ %@ điểm) nhưng chưa đáp ứng điều kiện: %@ → xếp loại %@"
        case .conditionShare: "tiêu chí %@ đạt %@/%@ điểm, cần ít nhất %@%"
        case .conditionBonus: "điểm thưởng %@ là %@ điểm, tối đa %@"
        case .conditionDeduction: "điểm trừ %@ là %@ điểm, tối đa %@"
        }
    }

    public var english: String {
        switch self {
        case .points: "%@ points"
        case .onePoint: "%@ point"
        case .answerYes: "yes"
        case .answerNo: "no"
        case .notApplicableInput: "not applicable"
        case .notApplicableTag: "not applicable (agency tag %@)"
        case .notApplicableThrough: "not applicable (through %@, tag %@)"
        case .noApplicableChild: "not applicable (no sub-criterion applies)"
        case .childrenCapped: "children total %@ exceeds the max %@ → %@"
        case .childrenSum: "sum of sub-criteria → %@"
        case .itemMissing: "none → 0"
        case .itemCountCapped: "%@ × %@, capped at %@ → %@"
        case .itemEntered: "%@ as entered"
        case .missing: "no input → 0"
        case .noData: "no data yet → 0"
        case .notApplicableNoTaskDue: "not applicable (no task fell due in the period)"
        case .notApplicableDeclared: "not applicable (declared by the agency)"
        case .evidenceMissing: "no evidence attached → 0"
        case .answer: "%@ → %@"
        case .belowTiers: "%@ < %@ (below every tier) → 0"
        case .ratioFull: "%@ ≥ target %@% → %@ (full)"
        case .countCapped: "%@ × %@, capped at %@ → %@"
        case .ratio: "%@ of target %@% → %@ × ratio = %@"
        case .deductFloored: "%@ − %@ × %@ < 0 → 0"
        case .level: "level %@ → %@"
        case .manual: "%@ as entered"
        case .classMovedDown: "a final of %@ reaches %@ (from %@ points) but a condition is not met: %@ → class %@"
        case .conditionShare: "criterion %@ has %@ of %@ points, at least %@% needed"
        case .conditionBonus: "bonus %@ is %@ points, at most %@ allowed"
        case .conditionDeduction: "deduction %@ is %@ points, at most %@ allowed"
        }
    }
}
