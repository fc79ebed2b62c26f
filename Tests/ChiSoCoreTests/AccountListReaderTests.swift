import Testing
@testable import ChiSoCore

@Suite("Account lists")
struct AccountListReaderTests {
    static let roles: Set<String> = ["editor", "head", "viewer"]

    @Test("A good list: usernames lowercased, several roles, e-mail optional; CSV and the same as .xlsx")
    func good() throws {
        let csv = "username,full_name,agency,role,email\nXA-ANBINH.daumoi,Nguyễn Văn An,XA-ANBINH,editor,an@example.test\n"
            + "xa-anbinh.thutruong,Trần Thị Bình,XA-ANBINH,head;viewer,\n"
        let rows = try AccountListReader.read(Array(csv.utf8), knownRoles: Self.roles)
        #expect(rows.map(\.username) == ["xa-anbinh.daumoi", "xa-anbinh.thutruong"])
        #expect(rows[1].roles == ["head", "viewer"] && rows[1].email == nil && rows[0].email == "an@example.test")
        #expect(rows.map(\.line) == [2, 3])
        let workbook = try XLSXWorkbook(sheets: [.init(name: "Tài khoản", rows: csv.split(separator: "\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { .text(String($0)) }
        })]).bytes()
        #expect(try AccountListReader.read(workbook, knownRoles: Self.roles) == rows)
    }

    @Test("Every bad cell with its line and column; nothing returned")
    func bad() {
        let csv = "username,full_name,agency,role,email\nab,Tên,XA1,editor,\nxa1.daumoi,,XA1,boss,khong-phai-thu\nxa1.daumoi,Lặp,,editor,\n"
            + "xa2.daumoi,=HYPERLINK(1),XA2,,a@b.c\n"
        do {
            _ = try AccountListReader.read(Array(csv.utf8), knownRoles: Self.roles)
            Issue.record("accepted")
        } catch {
            let messages = error.problems.map { $0.formatted(file: "tk.csv", language: .vietnamese) }
            #expect(messages == [
                "tk.csv:2: cột username: \"ab\" không phải 3–64 ký tự a-z, 0-9, dấu chấm, gạch ngang, gạch dưới",
                "tk.csv:3: cột full_name: đang để trống",
                "tk.csv:3: cột role: \"boss\" không phải vai trò (editor, head, viewer)",
                "tk.csv:3: cột email: \"khong-phai-thu\" không phải địa chỉ thư điện tử",
                "tk.csv:4: cột username: xa1.daumoi đã có ở dòng 3",
                "tk.csv:4: cột agency: đang để trống",
                "tk.csv:5: cột role: đang để trống",
                "tk.csv:5: cột full_name: \"=HYPERLINK(1)\" bắt đầu bằng \"=\", bảng tính sẽ chạy nó như một công thức",
            ])
        }
    }
}
