"""Organisations change (issue 19), in a real browser: the administrator merges two departments with
effect from a date (previewed, each account moved), the organiser adds the new department to the
open period and closes the merged departments' assessments with a reason, the new department's page
shows its predecessors' last results, and the period's ranking lists it once. Also the demo's 2025
reform: a department formed then shows the 2024 results of the two it was made from."""
import os
import re

from conftest import login
from test_cycle import click_and_wait, logout
from test_index_editor import accessible

NEW = "Sở Ngoại vụ và Dân tộc"


def test_merge_join_and_compare(page, server, artifacts):
    login(page, server, "admin")
    page.goto(server + "/admin/agencies")
    click_and_wait(page, page.get_by_role("link", name="Thay đổi tổ chức (hợp nhất, chia tách, đổi tên, giải thể)"))
    page.get_by_label("Loại thay đổi").select_option("merge")
    page.get_by_label("Đơn vị thay đổi (mã)").fill("SNGV, SDTTG")
    page.get_by_label("Đơn vị kế thừa").fill(f"SNGVDT; {NEW}; so")
    page.get_by_label("Ngày hiệu lực").fill("01/10/2026")
    page.get_by_label("Quyết định, lý do").fill("Quyết định 901/QĐ-UBND ngày 25/9/2026")
    accessible(page, "the organisation change form")
    click_and_wait(page, page.get_by_role("button", name="Xem trước"))
    summary = page.locator("#change-summary").inner_text()
    assert summary == (f"Hợp nhất SNGV (Sở Ngoại vụ), SDTTG (Sở Dân tộc và Tôn giáo) thành SNGVDT ({NEW}, đơn vị mới), "
                       "từ ngày 01/10/2026.")
    # Back to the form: everything as typed; then the preview again.
    click_and_wait(page, page.get_by_role("button", name="Quay lại sửa"))
    assert page.get_by_label("Đơn vị thay đổi (mã)").input_value() == "SNGV, SDTTG"
    assert page.get_by_label("Đơn vị kế thừa").input_value() == f"SNGVDT; {NEW}; so"
    click_and_wait(page, page.get_by_role("button", name="Xem trước"))
    # Each account of the two departments: moved to the new one unless the administrator says otherwise.
    choices = page.locator("select[name^='account-']")
    assert choices.count() == 4
    page.get_by_label("Tài khoản của đơn vị kết thúc: sdttg.thutruong").select_option("disable")
    accessible(page, "the organisation change preview")
    page.screenshot(path=os.path.join(artifacts, "reorganisation-preview.png"), full_page=True)
    page.check("#confirm-change")
    click_and_wait(page, page.get_by_role("button", name="Thực hiện thay đổi"))
    assert "Đã thực hiện thay đổi tổ chức." in page.locator("main").inner_text()
    row = page.locator("#agency-list tr", has=page.locator("code", has_text=re.compile("^SNGVDT$")))
    assert NEW in row.inner_text() and "SNGV, SDTTG" in row.inner_text()
    # The list as it was before the change still has both departments.
    page.goto(server + "/admin/agencies?asOf=30/09/2026")
    listed = page.locator("#agency-list").inner_text()
    assert "Sở Ngoại vụ" in listed and "Sở Dân tộc và Tôn giáo" in listed and NEW not in listed
    logout(page)

    login(page, server, "sonoivu")
    page.goto(server + "/periods")
    click_and_wait(page, page.get_by_role("link", name="Năm 2026").first)
    period = page.url
    membership = page.locator("#membership")
    click_and_wait(page, membership.get_by_role("button", name="Thêm SNGVDT vào kỳ"))
    assert "Đã thêm SNGVDT vào kỳ đánh giá." in page.locator("main").inner_text()
    for code, reason in [("SNGV", "Hợp nhất vào SNGVDT từ 01/10/2026"), ("SDTTG", "Hợp nhất vào SNGVDT từ 01/10/2026")]:
        page.locator(f"#close-{code}").fill(reason)
        click_and_wait(page, page.get_by_role("button", name=f"Đóng hồ sơ {code}"))
        assert f"Đã đóng hồ sơ của {code}" in page.locator("main").inner_text()
    not_ranked = page.locator("#not-ranked").inner_text()
    assert "SNGV (Sở Ngoại vụ) — hồ sơ đã đóng: Hợp nhất vào SNGVDT từ 01/10/2026" in not_ranked
    accessible(page, "the period page with agencies joining and leaving")

    # The new department's page: its predecessors' last results, stated.
    period_id = period.rstrip("/").split("/")[-1].split("?")[0]
    page.goto(server + f"/monitoring?period={period_id}")
    ranked = page.locator("table").filter(has_text="Sở Tư pháp").first
    rows = ranked.locator("tbody tr").all_inner_texts()
    assert len([r for r in rows if NEW in r]) == 1
    assert not any(re.search(r"\bSở Ngoại vụ\b(?! và)", r) for r in rows)
    click_and_wait(page, ranked.get_by_role("link", name=NEW))
    statement = page.locator("#forerunners").inner_text()
    assert re.search(NEW + r" — Năm 2025: Sở Ngoại vụ \d+,\d\d; Sở Dân tộc và Tôn giáo \d+,\d\d", statement), statement
    page.screenshot(path=os.path.join(artifacts, "reorganisation-forerunners.png"), full_page=True)


def test_demo_reform_year_over_year(page, server):
    """In the demo, Sở Nông nghiệp và Môi trường was formed on 1/3/2025 from two departments: its 2025 result page
    states their 2024 results; Sở Tài chính took over Sở Kế hoạch và Đầu tư and is compared with both."""
    login(page, server, "sonoivu")
    page.goto(server + "/periods")
    click_and_wait(page, page.get_by_role("link", name="Năm 2025").first)
    click_and_wait(page, page.get_by_role("link", name="Kết quả").first)
    # The ranking compares a merged department with its predecessors' average, and says so.
    row = page.locator("tr", has=page.get_by_role("link", name="Sở Nông nghiệp và Môi trường"))
    assert re.search(r"[+-]\d+,\d\d ¹$", row.inner_text().strip()), row.inner_text()
    assert "¹ So với bình quân kết quả Năm 2024 của các đơn vị tiền thân" in page.locator("main").inner_text()
    click_and_wait(page, page.get_by_role("link", name="Sở Nông nghiệp và Môi trường").first)
    statement = page.locator("#forerunners").inner_text()
    assert re.search(r"Sở Nông nghiệp và Môi trường — Năm 2024: Sở Tài nguyên và Môi trường \d+,\d\d; "
                     r"Sở Nông nghiệp và Phát triển nông thôn \d+,\d\d", statement), statement
    page.go_back()
    click_and_wait(page, page.get_by_role("link", name="Sở Tài chính").first)
    assert re.search(r"Sở Tài chính — Năm 2024: Sở Tài chính \d+,\d\d; Sở Kế hoạch và Đầu tư \d+,\d\d",
                     page.locator("#forerunners").inner_text())


def test_deadline_moved_with_a_reason(page, server):
    """The organiser moves the open period's explanation deadline with a reason; an agency's home page says so."""
    login(page, server, "sonoivu")
    page.goto(server + "/periods")
    click_and_wait(page, page.get_by_role("link", name="Năm 2026").first)
    page.locator("#deadlines summary").click()
    page.locator("#deadline-explanationDeadline").fill("2027-02-10")
    page.locator("#deadline-reason").fill("Lùi hạn giải trình theo Công văn 77/SNV")
    accessible(page, "the deadline form")
    click_and_wait(page, page.locator("#deadlines").get_by_role("button", name="Thay đổi thời hạn"))
    assert "Đã thay đổi thời hạn" in page.locator("main").inner_text()
    assert "Hạn giải trình: 05/02/2027 → 10/02/2027 (Lùi hạn giải trình theo Công văn 77/SNV; sonoivu" in \
        page.locator("#deadline-changes").inner_text()
    logout(page)
    login(page, server, "xa-binhminh.daumoi")
    notice = page.locator("#deadline-changes").inner_text()
    assert "Năm 2026 — Hạn giải trình: từ 05/02/2027 thành 10/02/2027. Lý do: Lùi hạn giải trình theo Công văn 77/SNV" in notice
