"""The organiser returns a submitted assessment from the period's page, with a
reason, and the agency reads why on its own assessment page (not only on its
home page), then can edit again."""
import os

from conftest import login
from test_cycle import click_and_wait, logout


def test_return_from_period_page(page, server, artifacts):
    login(page, server, "sonoivu")
    page.goto(server + "/periods")
    click_and_wait(page, page.get_by_role("link", name="Năm 2026"))
    row = page.locator("#assessments tr", has_text="UBND xã Bình Minh")
    row.locator("summary", has_text="Trả lại").click()
    row.get_by_label("Lý do").fill("Thiếu biên bản họp dân về kết quả thực hiện quy chế dân chủ")
    click_and_wait(page, row.get_by_role("button", name="Trả lại hồ sơ cho đơn vị"))
    assert "Đã trả lại hồ sơ." in page.content()
    assert "/periods/" in page.url  # back on the period's page
    assert "Bị trả lại" in page.locator("#assessments tr", has_text="UBND xã Bình Minh").inner_text()
    logout(page)

    login(page, server, "xa-binhminh.daumoi")
    page.goto(server + "/")
    click_and_wait(page, page.get_by_role("link", name="Năm 2026").first)
    notice = page.locator(".notice.returned").inner_text()
    assert "Sở Nội vụ trả lại hồ sơ để bổ sung:" in notice and "Thiếu biên bản họp dân" in notice
    assert page.get_by_role("button", name="Lưu").count() > 0  # editable again
    page.screenshot(path=os.path.join(artifacts, "return-agency.png"), full_page=False)
    logout(page)
