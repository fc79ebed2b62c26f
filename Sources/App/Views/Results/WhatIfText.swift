import ChiSoCore

/// Texts of the what-if sandbox, in both languages.
enum WhatIfText: String, Phrasebook {
    case title, nothingSaved, startingFromAppraised, startingFromSelf, scoreWithInputs, classAndRank, noInputChanged
    case invalidValues, criterionColumn, maxColumn, inputColumn, pointsNowColumn, compute

    var vietnamese: String {
        switch self {
        case .title: "Tính thử · %@ · %@"
        case .nothingSaved: "Chỉ để tính thử: không có gì được lưu, hồ sơ và kết quả không thay đổi."
        case .startingFromAppraised: "Xuất phát từ kết quả thẩm định"
        case .startingFromSelf: "Xuất phát từ số liệu tự chấm"
        case .scoreWithInputs: "Điểm nếu thay đổi"
        case .classAndRank: "%@ · hạng %@/%@ · "
        case .noInputChanged: "Chưa thay đổi số liệu nào."
        case .invalidValues: "Một số giá trị không hợp lệ, xem các ô được đánh dấu."
        case .criterionColumn: "Tiêu chí"
        case .maxColumn: "Tối đa"
        case .inputColumn: "Số liệu"
        case .pointsNowColumn: "Điểm hiện tại"
        case .compute: "Tính thử"
        }
    }

    var english: String {
        switch self {
        case .title: "What if · %@ · %@"
        case .nothingSaved: "A sandbox: nothing is saved; the assessment and its results do not change."
        case .startingFromAppraised: "Starting from the appraised inputs"
        case .startingFromSelf: "Starting from the self-assessment"
        case .scoreWithInputs: "Score with these inputs"
        case .classAndRank: "%@ · rank %@/%@ · "
        case .noInputChanged: "No input was changed."
        case .invalidValues: "Some values are not valid: see the marked fields."
        case .criterionColumn: "Criterion"
        case .maxColumn: "Max"
        case .inputColumn: "Input"
        case .pointsNowColumn: "Points now"
        case .compute: "Compute"
        }
    }
}
