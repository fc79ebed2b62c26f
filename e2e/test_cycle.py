"""The assessment cycle in a real browser, each step by the role that owns it:
self-assessment with an upload and a bonus proposal, submission, appraisal by
a council member the chair names for the chair's own agency (adjust with a
comment, confirm the rest, a deduction recorded with its document), release,
explanations (a leaf and the deduction), re-examination, an early
finalisation refused in words, finalisation, and the result in the
organiser's ranking (the agency sees it once published)."""
import os
import re

from conftest import login

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def snv_2026(page, server):
    page.goto(server + "/")
    click_and_wait(page, page.get_by_role("link", name="Năm 2026").first)


def logout(page):
    click_and_wait(page, page.get_by_role("button", name="Đăng xuất"))


def click_and_wait(page, locator):
    """Clicks a submit button and waits for the page it leads to."""
    with page.expect_navigation(wait_until="domcontentloaded"):
        locator.click()


def record_deduction(page, code, value, reason, document=None):
    """Records (or re-examines) a deduction on the appraisal page: its value, the document behind
    it (number, date, issuing body: kept from before when not given) and the reason."""
    deduction = page.locator(f"#leaf-{code}")
    deduction.get_by_label("Số lần / số điểm trừ").fill(value)
    if document:
        number, date, issuer = document
        deduction.get_by_label("Số văn bản").fill(number)
        deduction.get_by_label("Ngày văn bản (dd/mm/yyyy)").fill(date)
        deduction.get_by_label("Cơ quan ban hành").fill(issuer)
    deduction.get_by_label("Lý do").fill(reason)
    click_and_wait(page, deduction.get_by_role("button", name="Ghi nhận điểm trừ"))
    assert f"Đã ghi nhận điểm trừ {code}." in page.content()


def shot(page, artifacts, name):
    page.screenshot(path=os.path.join(artifacts, f"cycle-{name}.png"), full_page=False)


def test_cycle(page, server, artifacts, tmp_path):
    # The agency's editor fills a leaf and uploads evidence.
    login(page, server, "snv.daumoi")
    snv_2026(page, server)
    leaf = page.locator("#leaf-1\\.1\\.1")
    leaf.get_by_label("Tỷ lệ / số liệu").fill("95")
    click_and_wait(page, leaf.get_by_role("button", name="Lưu"))
    assert "Đã lưu 1.1.1." in page.content()
    assert "95 ≥ 90 → 6 điểm" in page.locator("#leaf-1\\.1\\.1").inner_text()
    evidence = tmp_path / "ke-hoach-2026.pdf"
    evidence.write_bytes(PDF)
    upload = page.locator("#leaf-1\\.1\\.3")
    upload.locator("input[type=file]").set_input_files(str(evidence))
    click_and_wait(page, upload.get_by_role("button", name="Tải lên", exact=True))
    assert "Đã tải lên ke-hoach-2026.pdf." in page.content()
    # A file uploaded by mistake is removed again (its button submits the page's one removal form).
    wrong = tmp_path / "nham-tep.pdf"
    wrong.write_bytes(PDF)
    upload = page.locator("#leaf-1\\.1\\.3")
    upload.locator("input[type=file]").set_input_files(str(wrong))
    click_and_wait(page, upload.get_by_role("button", name="Tải lên", exact=True))
    assert page.locator("#leaf-1\\.1\\.3").get_by_role("link", name="nham-tep.pdf").count() == 1
    click_and_wait(page, page.locator("#leaf-1\\.1\\.3").get_by_role("button", name="Gỡ nham-tep.pdf"))
    assert page.locator("#leaf-1\\.1\\.3").get_by_role("link", name="nham-tep.pdf").count() == 0
    assert page.locator("#leaf-1\\.1\\.3").get_by_role("link", name="ke-hoach-2026.pdf").count() == 1
    # A bonus item proposed, with a note.
    bonus = page.locator("#leaf-B3")
    bonus.get_by_label("Đề xuất").fill("1")
    bonus.get_by_label("Ghi chú").fill("Mô hình một cửa liên thông được tỉnh nhân rộng")
    click_and_wait(page, bonus.get_by_role("button", name="Lưu"))
    assert "Đã lưu B3." in page.content()
    assert "1 × 1 = 1 điểm" in page.locator("#leaf-B3").inner_text()
    shot(page, artifacts, "1-self-assessment")
    logout(page)

    # The head reads the summary and submits.
    login(page, server, "snv.thutruong")
    snv_2026(page, server)
    assert "Nộp hồ sơ tự đánh giá" in page.content()
    assert "Điểm thưởng đề xuất: B3 (1,00)" in page.locator(".submit").inner_text()
    shot(page, artifacts, "2-submit")
    page.get_by_label(re.compile("Tôi xác nhận")).check()
    click_and_wait(page, page.get_by_role("button", name="Nộp hồ sơ"))
    assert "Đã nộp hồ sơ." in page.content()
    logout(page)

    # An appraiser adjusts one of the leaves assigned to them (1.2 belongs to Văn phòng UBND tỉnh) and confirms the rest.
    login(page, server, "thamdinh.vpub")
    click_and_wait(page, page.get_by_role("link", name="Thẩm định").first)
    click_and_wait(page, page.get_by_role("link", name="Sở Nội vụ"))
    leaf = page.locator("#leaf-1\\.3\\.1")
    assert leaf.get_by_text("Xem trước trong trang").count() == 1  # the PDF opens in the page on demand
    leaf.get_by_label("Giá trị thẩm định (để trống = xác nhận như đơn vị)").fill("70")
    leaf.get_by_label("Nhận xét (bắt buộc khi điều chỉnh)").fill("Chỉ 70% đề án trình đúng hạn")
    click_and_wait(page, leaf.get_by_role("button", name="Lưu thẩm định"))
    assert "Đã thẩm định 1.3.1." in page.content()
    shot(page, artifacts, "3-appraisal")
    click_and_wait(page, page.get_by_role("button", name="Xác nhận tất cả tiêu chí chưa thẩm định"))
    logout(page)

    # The chair is of Sở Nội vụ: the assessment is not in the chair's queue, and the chair names
    # a council member of another agency to act as chair for it.
    login(page, server, "chutich.hd")
    page.goto(server + "/appraisal")
    assert page.get_by_role("link", name="Sở Nội vụ").count() == 0
    page.goto(server + "/council")
    assert "cần chỉ định người làm thay" in page.content()
    click_and_wait(page, page.get_by_role("link", name="Sở Nội vụ").first)
    assert "Chốt kết quả" not in page.content()
    page.get_by_label("Thành viên Hội đồng").select_option(label="Lê Thu Hà (Sở Tài chính) · Sở Tài chính")
    click_and_wait(page, page.get_by_role("button", name="Lưu chỉ định"))
    assert "làm thay Chủ tịch Hội đồng cho hồ sơ này" in page.content()
    logout(page)

    # The other appraisers confirm theirs; the acting chair confirms the rest (the chair's leaves too) and releases.
    for appraiser in ["thamdinh.stp", "thamdinh.stc"]:
        login(page, server, appraiser)
        page.goto(server + "/appraisal")
        click_and_wait(page, page.get_by_role("link", name="Sở Nội vụ"))
        click_and_wait(page, page.get_by_role("button", name="Xác nhận tất cả tiêu chí chưa thẩm định"))
        if appraiser != "thamdinh.stc":
            logout(page)
    # The acting chair records a deduction with the document behind it.
    record_deduction(page, "D1", "1", "Chậm báo cáo tình hình thực hiện nhiệm vụ quý III", ("12/TB-UBND", "05/11/2026", "UBND tỉnh"))
    page.get_by_label(re.compile("Tôi xác nhận")).check()
    click_and_wait(page, page.get_by_role("button", name="Gửi kết quả sơ bộ cho đơn vị"))
    assert "Đã gửi kết quả sơ bộ cho đơn vị." in page.content(), page.locator("main").inner_text()[:600]
    logout(page)
    login(page, server, "chutich.hd")
    page.goto(server + "/council")
    assert "Chỉ 70% đề án trình đúng hạn" in page.content()
    shot(page, artifacts, "4-council")
    logout(page)

    # The agency sees the result in its inbox; what the council changed comes first, each with the
    # appraiser's reason, its explanation form and an upload for more evidence.
    login(page, server, "snv.daumoi")
    click_and_wait(page, page.get_by_role("link", name="Đã có kết quả thẩm định sơ bộ Năm 2026"))
    changes = page.locator("#changes")
    assert changes.get_by_role("heading", name="Những điểm Hội đồng đã điều chỉnh").is_visible()
    listed = changes.locator("li.adjusted h3").all_inner_texts()
    assert any(text.startswith("1.3.1 ") for text in listed) and any(text.startswith("D1 ") for text in listed), listed
    change = page.locator("#change-1\\.3\\.1")
    assert "Chỉ 70% đề án trình đúng hạn" in change.inner_text()
    assert "Chưa giải trình" in change.inner_text()
    # The leaf's own card says it was changed and points to the list.
    assert page.locator("#leaf-1\\.3\\.1 .adjusted-mark").is_visible()
    change.get_by_label("Giải trình").fill("Đề án thứ 5 trình ngày 30/6, kèm công văn gia hạn")
    click_and_wait(page, change.get_by_role("button", name="Gửi giải trình"))
    assert "Đã gửi giải trình 1.3.1." in page.content()
    assert page.url.endswith("#change-1.3.1")
    change = page.locator("#change-1\\.3\\.1")
    assert "Đề án thứ 5 trình ngày 30/6" in change.inner_text()
    evidence = tmp_path / "cong-van-gia-han.pdf"
    evidence.write_bytes(PDF)
    change.get_by_label("Thêm tài liệu kiểm chứng").set_input_files(str(evidence))
    click_and_wait(page, change.get_by_role("button", name="Tải lên"))
    assert page.url.endswith("#change-1.3.1")
    assert page.locator("#change-1\\.3\\.1").get_by_role("link", name="cong-van-gia-han.pdf").is_visible()
    deduction = page.locator("#leaf-D1")
    assert "Văn bản số 12/TB-UBND ngày 05/11/2026 của UBND tỉnh" in deduction.inner_text()
    change = page.locator("#change-D1")
    change.get_by_label("Giải trình").fill("Báo cáo đã gửi ngày 02/10, kèm sổ công văn đi")
    click_and_wait(page, change.get_by_role("button", name="Gửi giải trình"))
    assert "Đã gửi giải trình D1." in page.content()
    shot(page, artifacts, "5-explanation")
    logout(page)

    # The appraiser re-examines; the acting chair finalises (every explanation is re-examined).
    login(page, server, "thamdinh.vpub")
    page.goto(server + "/appraisal")
    click_and_wait(page, page.get_by_role("link", name="Sở Nội vụ"))
    leaf = page.locator("#leaf-1\\.3\\.1")
    leaf.get_by_label("Giá trị thẩm định (để trống = xác nhận như đơn vị)").fill("")
    leaf.get_by_label("Nhận xét (bắt buộc khi điều chỉnh)").fill("Chấp nhận giải trình")
    click_and_wait(page, leaf.get_by_role("button", name="Lưu thẩm định"))
    assert "Đã thẩm định 1.3.1." in page.content()
    logout(page)
    login(page, server, "thamdinh.stc")
    page.goto(server + "/appraisal")
    click_and_wait(page, page.get_by_role("link", name="Sở Nội vụ"))
    # Not final while an explanation waits: said in words, no button.
    assert "còn giải trình chưa được thẩm định lại (D1)" in page.content()
    assert page.get_by_role("button", name="Chốt kết quả").count() == 0
    record_deduction(page, "D1", "0", "Chấp nhận giải trình: báo cáo gửi đúng hạn")
    # Every explanation re-examined, but the year's task, survey and rating data are not declared complete yet.
    assert "Chưa thể chốt: Sở Nội vụ chưa xác nhận đủ số liệu của kỳ (sổ theo dõi nhiệm vụ" in page.content()
    assert page.get_by_role("button", name="Chốt kết quả").count() == 0
    assert "điểm dưới đây là tạm tính" in page.content()
    logout(page)

    # The organiser checks the data and declares each set complete.
    login(page, server, "sonoivu")
    page.goto(server + "/periods")
    click_and_wait(page, page.get_by_role("link", name="Năm 2026"))
    data = page.locator("#data")
    assert "Chưa xác nhận" in data.inner_text()
    while page.locator("#data form.declare").count():
        form = page.locator("#data form.declare").first
        form.get_by_label(re.compile("Tôi xác nhận số liệu")).check()
        click_and_wait(page, form.get_by_role("button", name="Xác nhận đầy đủ"))
        assert "Đã xác nhận đầy đủ" in page.content()
    assert "Chưa xác nhận" not in page.locator("#data").inner_text()
    shot(page, artifacts, "6-data-declared")
    logout(page)

    login(page, server, "thamdinh.stc")
    page.goto(server + "/appraisal")
    click_and_wait(page, page.get_by_role("link", name="Sở Nội vụ"))
    page.get_by_label(re.compile("Tôi xác nhận")).check()
    click_and_wait(page, page.get_by_role("button", name="Chốt kết quả"))
    assert "Đã chốt kết quả" in page.content()
    shot(page, artifacts, "6-finalised")
    logout(page)

    # Finalised, not yet published: the agency does not see an official result yet…
    login(page, server, "snv.daumoi")
    snv_2026(page, server)
    assert "Kết quả chính thức" not in page.content()
    logout(page)

    # …while the organiser finds it in the period's results, ranked in its group.
    login(page, server, "sonoivu")
    page.goto(server + "/periods")
    click_and_wait(page, page.get_by_role("link", name="Năm 2026"))
    click_and_wait(page, page.get_by_role("link", name="Kết quả và xếp hạng"))
    # Not published: a draft, said on the page and on every exported page.
    assert "DỰ THẢO" in page.locator("main").inner_text()
    ranking = page.locator("#group-so + .table-wrap").inner_text()
    # Its row: rank 1 (the one finalised), the final with two decimals, its class and the head's proposal…
    row = re.search(r"\n1\tSở Nội vụ\t(\d+,\d\d)\t([^\t]+)\t([^\t]+)\t", ranking)
    assert row, ranking
    final, grade = row.group(1), row.group(2)
    # …the same final and class as the agency's own result page.
    click_and_wait(page, page.locator("#group-so + .table-wrap").get_by_role("link", name="Sở Nội vụ"))
    assert final in page.content() and grade in page.content()
    shot(page, artifacts, "7-results")
