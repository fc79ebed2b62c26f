import ChiSoCore

/// Why an evidence upload failed (``EvidenceUpload/Failure``), in both languages.
enum EvidenceUploadText: String, Phrasebook {
    case noFile, tooLarge, notAllowed, malformed, storageFull, notStored

    var vietnamese: String {
        switch self {
        case .noFile: "Chưa chọn tệp."
        case .tooLarge: "Tệp vượt quá dung lượng cho phép (%@ MB)."
        case .notAllowed: "Chỉ nhận tài liệu PDF, ảnh (PNG, JPEG), Word, Excel hoặc ZIP; tệp này không thuộc loại nào trong số đó."
        case .malformed: "Dữ liệu tải lên không hợp lệ."
        case .storageFull: "Máy chủ đã hết dung lượng lưu trữ: tệp chưa được lưu, dữ liệu đã có vẫn nguyên vẹn. Vui lòng báo quản trị hệ thống."
        case .notStored: "Chưa lưu được tệp, vui lòng thử lại."
        }
    }

    var english: String {
        switch self {
        case .noFile: "No file was chosen."
        case .tooLarge: "The file is larger than allowed (%@ MB)."
        case .notAllowed: "Only PDF, images (PNG, JPEG), Word, Excel or ZIP documents are accepted; this file is none of them."
        case .malformed: "The upload is malformed."
        case .storageFull: "The server's storage is full: the file was not saved; the data already there is intact. Please tell the administrator."
        case .notStored: "The file could not be saved; please try again."
        }
    }
}
