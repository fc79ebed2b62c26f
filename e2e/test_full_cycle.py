"""A whole period from nothing to the public page, each step by the role that
owns it, in a real browser: the admin adds an agency and its two accounts
(who change their temporary passwords), the organiser uploads an index,
creates a quarter period for the agency's group and opens it, the editor
self-assesses with an upload, the head submits, the council chair appraises
(one adjustment, the rest confirmed) and releases, the agency explains, the
chair re-examines and finalises, the organiser publishes, the head reads the
result and the public page shows it; Excel and PDF exports along the way.
Bonus and deduction on the same path: the agency proposes a bonus with
evidence, the organiser records a deduction with its document, the chair
confirms the bonus, the agency explains the deduction, the chair's early
finalisation is refused in words, the chair re-examines and finalises, the
organiser publishes with the decision's number, and the exported CSV is
recomputed byte for byte by `chiso score`."""
import os
import re
import subprocess

import openpyxl

from conftest import ROOT, login
from test_cycle import PDF, click_and_wait, logout, record_deduction

INDEX = """id: dvsn-q4
title: Bộ chỉ số đơn vị sự nghiệp quý IV/2026
scale: 10
classes:
  - {code: T, title: Tốt, min: 8, leaderRating: HTTNV}
  - {code: K, title: Khá, min: 5, leaderRating: HTNV}
  - {code: Y, title: Yếu, min: 0, leaderRating: KHTNV}
criteria:
  - code: "I"
    title: Nhiệm vụ chuyên môn
    max: 10
    children:
      - {code: "1.1", title: Kế hoạch quý ban hành đúng hạn, max: 4, rule: {type: yesno}, evidence: required}
      - {code: "1.2", title: Tỷ lệ hồ sơ giải quyết đúng hạn, max: 6, rule: {type: ratio, target: 100}}
bonusCap: 1
bonus:
  - {code: B1, title: Sáng kiến được tỉnh công nhận, rule: {type: count, per: 0.5}}
deductions:
  - {code: D1, title: Bị UBND tỉnh phê bình bằng văn bản, rule: {type: count, per: 0.5}}
"""
PERIOD = "Quý IV/2026 (đơn vị sự nghiệp)"
NEW_PASSWORD = "Mat-khau-Moi-2026"


def shot(page, artifacts, name):
    page.screenshot(path=os.path.join(artifacts, f"full-{name}.png"), full_page=False)


def new_account(page, server, username, name, role):
    page.goto(server + "/admin/users/new")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Họ tên").fill(name)
    page.locator("#agencyID").select_option(label="TT-THU — Trung tâm Thử nghiệm")
    page.get_by_label(role, exact=True).check()
    click_and_wait(page, page.get_by_role("button", name="Lưu"))
    return page.locator("#temporary-password").inner_text()


def first_login(page, server, username, temporary):
    login(page, server, username, temporary)
    assert "/account/password" in page.url
    page.get_by_label("Mật khẩu hiện tại").fill(temporary)
    page.get_by_label("Mật khẩu mới", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu mới").fill(NEW_PASSWORD)
    click_and_wait(page, page.get_by_role("button", name="Lưu"))
    assert "Đã đổi mật khẩu." in page.content()


def own_assessment(page, server):
    page.goto(server + "/")
    click_and_wait(page, page.get_by_role("link", name=PERIOD).first)


def period_page(page, server):
    page.goto(server + "/periods")
    click_and_wait(page, page.get_by_role("link", name=PERIOD))


def test_full_cycle(page, server, artifacts, tmp_path):
    # The admin: a new agency of a new group, and its two accounts.
    login(page, server, "admin")
    page.goto(server + "/admin/agencies/new")
    page.get_by_label("Mã").fill("TT-THU")
    page.get_by_label("Tên đơn vị").fill("Trung tâm Thử nghiệm")
    page.get_by_label("Khối").fill("dvsn")
    click_and_wait(page, page.get_by_role("button", name="Lưu"))
    editor_password = new_account(page, server, "tt.daumoi", "Cán bộ đầu mối TT", "Cán bộ đầu mối")
    head_password = new_account(page, server, "tt.thutruong", "Thủ trưởng TT", "Thủ trưởng đơn vị")
    shot(page, artifacts, "1-accounts")
    logout(page)

    # The organiser: the index, the quarter period for group dvsn, opened.
    login(page, server, "sonoivu")
    page.goto(server + "/indexes")
    index = tmp_path / "dvsn-q4.yaml"
    index.write_text(INDEX, encoding="utf-8")
    page.locator("#file").set_input_files(str(index))
    click_and_wait(page, page.get_by_role("button", name="Tải lên"))
    assert "dvsn-q4" in page.content()
    page.goto(server + "/periods/new")
    page.locator("#name").fill(PERIOD)
    page.locator("#kind").select_option("quarter")
    page.locator("#year").fill("2026")
    page.locator("#number").fill("4")
    page.locator("#selfDeadline").fill("2099-12-31")
    page.locator("#appraisalDeadline").fill("2100-01-10")
    page.locator("#explanationDeadline").fill("2100-01-20")
    click_and_wait(page, page.get_by_role("button", name="Lưu"))
    period_page(page, server)
    page.locator("#index-dvsn").select_option(label=page.locator("#index-dvsn option", has_text="dvsn-q4").first.inner_text())
    click_and_wait(page, page.locator("form", has=page.locator("#index-dvsn")).get_by_role("button"))
    click_and_wait(page, page.get_by_role("button", name="Mở kỳ đánh giá"))
    assert "Từ 01/10/2026 đến 31/12/2026" in page.content()
    shot(page, artifacts, "2-period")
    logout(page)

    # The editor: first login, self-assessment with evidence.
    first_login(page, server, "tt.daumoi", editor_password)
    own_assessment(page, server)
    leaf = page.locator("#leaf-1\\.1")
    leaf.locator("#v-1\\.1").select_option("có")
    click_and_wait(page, leaf.get_by_role("button", name="Lưu"))
    evidence = tmp_path / "ke-hoach-quy-iv.pdf"
    evidence.write_bytes(PDF)
    upload = page.locator("#leaf-1\\.1")
    upload.locator("input[type=file]").set_input_files(str(evidence))
    click_and_wait(page, upload.get_by_role("button", name="Tải lên", exact=True))
    leaf = page.locator("#leaf-1\\.2")
    leaf.get_by_label("Tỷ lệ % (hoặc a/b)").fill("9/10")
    click_and_wait(page, leaf.get_by_role("button", name="Lưu"))
    assert "9,40" in page.content()  # 4 + 6 × 90 %
    # A bonus proposed, with its evidence.
    bonus = page.locator("#leaf-B1")
    bonus.get_by_label("Đề xuất").fill("1")
    bonus.get_by_label("Ghi chú").fill("Sáng kiến số hoá hồ sơ, Quyết định công nhận 88/QĐ-UBND")
    click_and_wait(page, bonus.get_by_role("button", name="Lưu"))
    assert "Đã lưu B1." in page.content()
    proof = tmp_path / "qd-cong-nhan-sang-kien.pdf"
    proof.write_bytes(PDF)
    page.locator("#leaf-B1 input[type=file]").set_input_files(str(proof))
    click_and_wait(page, page.locator("#leaf-B1").get_by_role("button", name="Tải lên", exact=True))
    assert "Đã tải lên qd-cong-nhan-sang-kien.pdf." in page.content()
    assert "9,90" in page.content()  # 9,40 + 0,5
    shot(page, artifacts, "3-self")
    logout(page)

    # The head: first login, submission.
    first_login(page, server, "tt.thutruong", head_password)
    own_assessment(page, server)
    page.get_by_label(re.compile("Tôi xác nhận")).check()
    click_and_wait(page, page.get_by_role("button", name="Nộp hồ sơ"))
    assert "Đã nộp hồ sơ." in page.content()
    logout(page)

    # The organiser records a deduction with the document behind it.
    login(page, server, "sonoivu")
    period_page(page, server)
    click_and_wait(page, page.get_by_role("link", name="Trung tâm Thử nghiệm"))
    click_and_wait(page, page.get_by_role("link", name="Kết quả thẩm định và giải trình"))
    record_deduction(page, "D1", "1", "Chậm báo cáo số liệu hồ sơ quý III", ("31/TB-UBND", "10/11/2026", "UBND tỉnh"))
    logout(page)

    # The chair appraises (the index names no appraiser agency): adjusts 1.2, confirms the rest, releases.
    login(page, server, "chutich.hd")
    page.goto(server + "/appraisal")
    click_and_wait(page, page.get_by_role("link", name="Trung tâm Thử nghiệm"))
    leaf = page.locator("#leaf-1\\.2")
    leaf.get_by_label("Giá trị thẩm định (để trống = xác nhận như đơn vị)").fill("7/10")
    leaf.get_by_label("Nhận xét (bắt buộc khi điều chỉnh)").fill("Sổ theo dõi chỉ ghi 7/10 hồ sơ đúng hạn")
    click_and_wait(page, leaf.get_by_role("button", name="Lưu thẩm định"))
    click_and_wait(page, page.get_by_role("button", name="Xác nhận tất cả tiêu chí chưa thẩm định"))
    page.get_by_label(re.compile("Tôi xác nhận")).check()
    click_and_wait(page, page.get_by_role("button", name="Gửi kết quả sơ bộ cho đơn vị"))
    assert "Đã gửi kết quả sơ bộ cho đơn vị." in page.content()
    shot(page, artifacts, "4-appraisal")
    logout(page)

    # The agency explains.
    login(page, server, "tt.daumoi", NEW_PASSWORD)
    page.goto(server + "/")
    click_and_wait(page, page.get_by_role("link", name=f"Đã có kết quả thẩm định sơ bộ {PERIOD}"))
    # What the council changed is listed first, each with its explanation form.
    change = page.locator("#change-1\\.2")
    change.get_by_label("Giải trình").fill("Hai hồ sơ được gia hạn theo văn bản 15/TT, đính kèm sổ theo dõi bản đầy đủ")
    click_and_wait(page, change.get_by_role("button", name="Gửi giải trình"))
    deduction = page.locator("#leaf-D1")
    assert "Văn bản số 31/TB-UBND ngày 10/11/2026 của UBND tỉnh" in deduction.inner_text()
    change = page.locator("#change-D1")
    change.get_by_label("Giải trình").fill("Báo cáo gửi qua hệ thống ngày 05/10, kèm ảnh chụp")
    click_and_wait(page, change.get_by_role("button", name="Gửi giải trình"))
    assert "Đã gửi giải trình D1." in page.content()
    logout(page)

    # The chair may not finalise early: explanations wait. Re-examines (accepts 8/10, keeps the deduction), then finalises.
    login(page, server, "chutich.hd")
    page.goto(server + "/appraisal")
    click_and_wait(page, page.get_by_role("link", name="Trung tâm Thử nghiệm"))
    assert "còn giải trình chưa được thẩm định lại (1.2, D1)" in page.content()
    assert page.get_by_role("button", name="Chốt kết quả").count() == 0
    record_deduction(page, "D1", "1", "Giữ nguyên: báo cáo gửi sau hạn 5 ngày theo sổ công văn")
    leaf = page.locator("#leaf-1\\.2")
    leaf.get_by_label("Giá trị thẩm định (để trống = xác nhận như đơn vị)").fill("8/10")
    leaf.get_by_label("Nhận xét (bắt buộc khi điều chỉnh)").fill("Chấp nhận một hồ sơ gia hạn")
    click_and_wait(page, leaf.get_by_role("button", name="Lưu thẩm định"))
    page.goto(server + "/council")
    click_and_wait(page, page.get_by_role("link", name="Trung tâm Thử nghiệm").first)
    page.get_by_label(re.compile("Tôi xác nhận")).check()
    click_and_wait(page, page.get_by_role("button", name="Chốt kết quả"))
    assert "Đã chốt kết quả" in page.content()
    logout(page)

    # The organiser publishes with the decision that announces the results: refused without its number, kept as typed.
    login(page, server, "sonoivu")
    period_page(page, server)
    publish = page.locator("#publish")
    assert publish.get_by_label("Cơ quan ban hành").input_value() == "UBND TỈNH MINH HOẠ"
    publish.get_by_label("Cơ quan ban hành").fill("UBND tỉnh Minh Hoạ")
    publish.get_by_label("Thẩm quyền ký").fill("KT. CHỦ TỊCH")
    publish.get_by_label("Chức vụ người ký").fill("PHÓ CHỦ TỊCH")
    publish.get_by_label("Người ký", exact=True).fill("Trần Văn Bình")
    publish.get_by_label(re.compile("Tôi xác nhận")).check()
    publish.get_by_label("Số quyết định").evaluate("field => field.removeAttribute('required')")  # as a script-less client would send it
    click_and_wait(page, publish.get_by_role("button", name="Công bố kết quả kỳ đánh giá"))
    assert "Cần ghi số quyết định." in page.locator("#publish-errors").inner_text()
    page.console_watch.expect("status of 422")  # the refused form answers 422 on purpose
    publish = page.locator("#publish")
    assert publish.get_by_label("Người ký", exact=True).input_value() == "Trần Văn Bình"
    publish.get_by_label("Số quyết định").fill("45/QĐ-UBND")
    publish.get_by_label(re.compile("Tôi xác nhận")).check()
    click_and_wait(page, publish.get_by_role("button", name="Công bố kết quả kỳ đánh giá"))
    assert "Công bố theo Quyết định số 45/QĐ-UBND" in page.locator("#decision").inner_text()
    # The signed decision, as a PDF.
    signed = tmp_path / "qd-45.pdf"
    signed.write_bytes(PDF)
    page.locator("#decision-file").set_input_files(str(signed))
    click_and_wait(page, page.get_by_role("button", name="Đính kèm", exact=True))
    assert "Đã đính kèm bản quyết định đã ký." in page.content()
    click_and_wait(page, page.get_by_role("link", name="Kết quả và xếp hạng"))
    assert "Công bố theo Quyết định số 45/QĐ-UBND" in page.locator("main").inner_text()
    ranking = page.locator("#group-dvsn + .table-wrap").inner_text()
    assert "Trung tâm Thử nghiệm" in ranking and "8,80" in ranking  # 4 + 6 × 80 %
    with page.expect_download() as info:
        page.get_by_role("link", name="Bảng xếp hạng (Excel)").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    workbook = openpyxl.load_workbook(saved)
    assert any(row[2] == "Trung tâm Thử nghiệm" and row[8] == 8.8 for row in workbook.active.iter_rows(values_only=True) if len(row) > 8)
    cells = [value for row in workbook.active.iter_rows(values_only=True) for value in row if isinstance(value, str)]
    assert any(value.startswith("(Kèm theo Quyết định số 45/QĐ-UBND ngày ") for value in cells) and "Trần Văn Bình" in cells
    # The CSV, recomputed by chiso score from the exported index, agencies and inputs: the same bytes.
    files = {}
    for name in ["CSV", "Dữ liệu đầu vào (CSV)", "Danh sách đơn vị (CSV)", "Bộ chỉ số (YAML)"]:
        with page.expect_download() as info:
            page.get_by_role("link", name=name).first.click()
        files[name] = str(tmp_path / info.value.suggested_filename)
        info.value.save_as(files[name])
    binary = os.environ.get("CHISO_BIN", os.path.join(ROOT, ".build", "debug", "chiso"))
    result = subprocess.run([binary, "score", "--index", files["Bộ chỉ số (YAML)"], "--agencies", files["Danh sách đơn vị (CSV)"],
                             "--inputs", files["Dữ liệu đầu vào (CSV)"]], capture_output=True, text=True, check=True)
    assert result.stdout == open(files["CSV"], encoding="utf-8-sig").read() and "TT-THU" in result.stdout
    with page.expect_download() as info:
        page.get_by_role("link", name="Báo cáo xếp hạng (PDF)").click()
    assert open(info.value.path(), "rb").read(5) == b"%PDF-"
    shot(page, artifacts, "5-published")
    logout(page)

    # The head reads the official result; the public sees the ranking.
    login(page, server, "tt.thutruong", NEW_PASSWORD)
    own_assessment(page, server)
    assert "Kết quả chính thức" in page.content()
    click_and_wait(page, page.get_by_role("link", name="Kết quả cuối cùng và đề xuất xếp loại"))
    result = page.locator("main").inner_text()
    assert "9,90 → 8,20 → 8,80" in result  # self (+0,5 bonus), preliminary (7/10, −0,5), final (8/10, +0,5 −0,5)
    assert "Bị UBND tỉnh phê bình bằng văn bản" in result and "Sáng kiến được tỉnh công nhận" in result
    assert "Hoàn thành tốt nhiệm vụ" in result
    shot(page, artifacts, "6-result")
    logout(page)
    page.goto(server + "/public")
    click_and_wait(page, page.get_by_role("link", name=PERIOD))
    assert "Trung tâm Thử nghiệm" in page.locator("main").inner_text()
    assert "Công bố theo Quyết định số 45/QĐ-UBND" in page.locator("main").inner_text()
    signed_link = page.get_by_role("link", name="Bản quyết định đã ký (PDF)").get_attribute("href")
    assert page.request.get(server + signed_link).body() == PDF
    shot(page, artifacts, "7-public")
