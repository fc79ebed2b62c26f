import ChiSoCore

/// The administrator's form for the installation's identity, with an example of how documents print it.
enum IdentityPage {
    static func view(_ context: PageContext, form: IdentityController.Form, errors: [String: String], groups: [String],
                     names: [String: InstallationIdentity.GroupName]) -> HTMLNode {
        let say = context.phrases(IdentityText.self)
        let example = InstallationIdentity(province: form.province ?? "", issuingBody: form.issuingBody ?? "", place: form.place ?? "", demo: false)
        return Layout.page(context, title: say(.title)) {
            p(.class("hint")) { say(.guidance) }
            Fields.errors(errors.sorted { $0.key < $1.key }.map(\.value))
            H.el("form", [.method("post"), .action(SiteURL.admin(.identity).path)]) {
                Layout.csrfField(context)
                Fields.text(say(.province), name: "province", value: form.province, error: errors["province"], required: true, hint: say(.provinceHint))
                Fields.text(say(.issuingBody), name: "issuingBody", value: form.issuingBody, error: errors["issuingBody"], required: true,
                            hint: say(.issuingBodyHint))
                Fields.text(say(.place), name: "place", value: form.place, error: errors["place"], required: true, hint: say(.placeHint))
                button(.type("submit")) { context.t(.save) }
            }
            h2 { say(.preview) }
            div(.class("national preview")) {
                p { strong { example.issuingBodyLine } }
                p { strong { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" }; strong { "Độc lập - Tự do - Hạnh phúc" } }
            }
            p { H.el("em", []) { example.placeAndDate(SourceData.today) } }
            if !groups.isEmpty {
                section(.id("groups")) {
                    h2 { say(.groupsHeading) }
                    p(.class("hint")) { say(.groupsGuidance) }
                    H.el("form", [.method("post"), .action(SiteURL.admin(.groupNames).path)]) {
                        Layout.csrfField(context)
                        for code in groups {
                            fieldset {
                                H.el("legend", []) { say(.groupCode, code) }
                                Fields.text(say(.groupName), name: "name-\(code)", value: names[code]?.vietnamese, maxLength: Limits.name)
                                Fields.text(say(.groupEnglishName), name: "english-\(code)", value: names[code]?.english, maxLength: Limits.name)
                            }
                        }
                        button(.type("submit")) { context.t(.save) }
                    }
                }
            }
        }
    }
}

/// Texts of the installation's identity, in both languages.
enum IdentityText: String, Phrasebook {
    case title, guidance, province, provinceHint, issuingBody, issuingBodyHint, place, placeHint, preview
    case provinceRequired, issuingBodyRequired, placeRequired
    case groupsHeading, groupsGuidance, groupCode, groupName, groupEnglishName

    var vietnamese: String {
        switch self {
        case .title: "Thông tin cơ quan triển khai"
        case .guidance: "Các văn bản xuất ra (bảng xếp hạng, phụ lục Excel, phiếu điểm) in tên tỉnh, cơ quan ban hành và địa danh ghi ngày theo thông tin này."
        case .province: "Tỉnh, thành phố"
        case .provinceHint: "Ví dụ: Tỉnh Minh Hoạ"
        case .issuingBody: "Cơ quan ban hành"
        case .issuingBodyHint: "Dòng đầu góc trái văn bản, ví dụ: UBND TỈNH MINH HOẠ"
        case .place: "Địa danh ghi ngày"
        case .placeHint: "Ví dụ: Minh Hoạ (in là \"Minh Hoạ, ngày … tháng … năm …\")"
        case .preview: "Văn bản sẽ in như sau"
        case .provinceRequired: "Cần ghi tên tỉnh, thành phố."
        case .issuingBodyRequired: "Cần ghi cơ quan ban hành."
        case .placeRequired: "Cần ghi địa danh."
        case .groupsHeading: "Tên các khối xếp hạng"
        case .groupsGuidance: "Mỗi đơn vị thuộc một khối (mã khối trong danh sách đơn vị); các trang, bảng xếp hạng và tệp xuất gọi khối bằng tên này. Để trống: hiện mã khối."
        case .groupCode: "Khối mã %@"
        case .groupName: "Tên khối (tiếng Việt), ví dụ: sở, ban, ngành"
        case .groupEnglishName: "Tên khối (tiếng Anh, không bắt buộc)"
        }
    }

    var english: String {
        switch self {
        case .title: "Installation identity"
        case .guidance: "Exported documents (rankings, Excel annexes, score sheets) print the province, the issuing body and the place of their date from these."
        case .province: "Province or city"
        case .provinceHint: "For example: Tỉnh Minh Hoạ"
        case .issuingBody: "Issuing body"
        case .issuingBodyHint: "The first line at a document's top left, for example: UBND TỈNH MINH HOẠ"
        case .place: "Place in dates"
        case .placeHint: "For example: Minh Hoạ (printed \"Minh Hoạ, ngày … tháng … năm …\")"
        case .preview: "Documents will print"
        case .provinceRequired: "The province is required."
        case .issuingBodyRequired: "The issuing body is required."
        case .groupsHeading: "Names of the ranking groups"
        case .groupsGuidance: "Every agency belongs to a group (the group code in the agency list); pages, rankings and exports name the group by this. Empty: the code is shown."
        case .groupCode: "Group code %@"
        case .groupName: "Name (Vietnamese), for example: sở, ban, ngành"
        case .groupEnglishName: "Name (English, optional)"
        case .placeRequired: "The place is required."
        }
    }
}
