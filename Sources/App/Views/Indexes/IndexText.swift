import ChiSoCore

/// Texts of the index pages and of rules put in words, in both languages.
enum IndexText: String, Phrasebook {
    case downloadYAML, naRescale, naKeep
    case sourceOnTimeRate, sourceDoneLate, sourceOverdue, sourceSurvey, sourceLeaders, sourceSubmissionLate
    case ruleManual, ruleYesNo, ruleRatio, rulePerItem, ruleCap, ruleDeduct, rulePercent, evidenceRequired

    var vietnamese: String {
        switch self {
        case .downloadYAML: "Tải tệp YAML"
        case .naRescale: "tiêu chí không áp dụng: quy đổi điểm về thang điểm tối đa"
        case .naKeep: "tiêu chí không áp dụng: giữ nguyên tổng điểm, không quy đổi"
        case .sourceOnTimeRate: "lấy từ sổ theo dõi nhiệm vụ: tỷ lệ nhiệm vụ hoàn thành đúng hạn"
        case .sourceDoneLate: "lấy từ sổ theo dõi nhiệm vụ: số nhiệm vụ hoàn thành trễ hạn"
        case .sourceOverdue: "lấy từ sổ theo dõi nhiệm vụ: số nhiệm vụ quá hạn chưa hoàn thành"
        case .sourceSurvey: "lấy từ kết quả điều tra xã hội học"
        case .sourceLeaders: "do lãnh đạo UBND tỉnh đánh giá"
        case .sourceSubmissionLate: "tự tính: nộp hồ sơ tự đánh giá sau hạn"
        case .ruleManual: "tự chấm (bước %@)"
        case .ruleYesNo: "có/không"
        case .ruleRatio: "tỷ lệ so với mục tiêu %@%"
        case .rulePerItem: "%@ điểm/lần"
        case .ruleCap: ", tối đa %@"
        case .ruleDeduct: "trừ %@/lần"
        case .rulePercent: "theo tỷ lệ %"
        case .evidenceRequired: " · bắt buộc có tài liệu kiểm chứng"
        }
    }

    var english: String {
        switch self {
        case .downloadYAML: "Download the YAML"
        case .naRescale: "criteria not applicable: the total is rescaled to the maximum"
        case .naKeep: "criteria not applicable: the total is kept as it is, not rescaled"
        case .sourceOnTimeRate: "from the task register: share of tasks done on time"
        case .sourceDoneLate: "from the task register: tasks done late"
        case .sourceOverdue: "from the task register: tasks overdue and not done"
        case .sourceSurvey: "from the survey results"
        case .sourceLeaders: "rated by the provincial leaders"
        case .sourceSubmissionLate: "computed: self-assessment submitted after the deadline"
        case .ruleManual: "manual (step %@)"
        case .ruleYesNo: "yes/no"
        case .ruleRatio: "ratio against %@%"
        case .rulePerItem: "%@ per item"
        case .ruleCap: ", cap %@"
        case .ruleDeduct: "minus %@ each"
        case .rulePercent: "percentage"
        case .evidenceRequired: " · evidence required"
        }
    }
}
