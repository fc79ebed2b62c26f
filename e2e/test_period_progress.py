"""The organiser's period page: where every agency stands, totals per state that filter, a search."""
from conftest import login


def test_organiser_sees_where_each_agency_stands(page, server):
    login(page, server, "sonoivu")
    page.goto(server + "/periods")
    page.get_by_role("link", name="Năm 2026").first.click()
    section = page.locator("#assessments")
    assert section.get_by_role("heading", name="Tình hình từng đơn vị").is_visible()
    rows = section.locator("tbody tr")
    total = rows.count()
    assert total > 10
    # Every row says how much was entered and the score as it stands, in Vietnamese figures.
    first = rows.first.inner_text()
    assert "tiêu chí (" in first and "%)" in first
    assert "tạm tính" in first or "chính thức" in first
    # A state's total is a filter: only agencies in that state remain, and the count says so.
    link = section.locator("ul.totals a", has_text="Đã nộp, chờ thẩm định")
    expected = int(link.locator("xpath=..").inner_text().rsplit(":", 1)[1])
    link.click()
    page.wait_for_load_state()
    assert page.locator("#assessments tbody tr").count() == expected
    for state in page.locator("#assessments tbody tr td:nth-child(3)").all_inner_texts():
        assert state == "Đã nộp, chờ thẩm định"
    assert f"Đang hiện {expected}/{total} đơn vị." in page.locator("#assessments").inner_text()
    # Each submitted one offers "Trả lại" right there.
    assert page.locator("#assessments details.return").count() == expected
    # Search by name, state cleared.
    page.get_by_label("Trạng thái").select_option("")
    page.get_by_label("Tên hoặc mã đơn vị").fill("Tư pháp")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    names = page.locator("#assessments tbody th").all_inner_texts()
    assert names == ["Sở Tư pháp"]
