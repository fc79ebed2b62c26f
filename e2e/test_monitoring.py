"""Tasks feed the index while the period runs: the task office imports an
Excel export and records a completion, a leader rates an agency, and the
agency watches its provisional score and overdue tasks move."""
import os
import re

from conftest import login
from test_cycle import click_and_wait, logout

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "Tests", "AppTests", "Fixtures")


def shot(page, artifacts, name):
    page.screenshot(path=os.path.join(artifacts, f"monitoring-{name}.png"), full_page=False)


def snv_figures(page, server):
    """(provisional score, overdue tasks) of Sở Nội vụ on the monitoring page."""
    page.goto(server + "/monitoring")
    row = page.locator("tr", has=page.get_by_role("link", name="Sở Nội vụ", exact=True))
    cells = row.locator("td").all_inner_texts()
    return cells[3], int(cells[5])


def test_tasks_feed_monitoring(page, server, artifacts):
    login(page, server, "snv.daumoi")
    score_before, overdue_before = snv_figures(page, server)
    click_and_wait(page, page.get_by_role("link", name="Sở Nội vụ", exact=True))
    # The server's SVG parses as drawn: one line through a dot per month and today.
    assert page.locator("figure.chart svg polyline").count() == 1
    assert page.locator("figure.chart svg circle").count() >= 3
    assert "Diễn biến theo tháng" in page.content()
    shot(page, artifacts, "1-agency")
    logout(page)

    # The task office imports the tracking system's Excel export.
    login(page, server, "nhiemvu.vpub")
    click_and_wait(page, page.get_by_role("link", name="Nhiệm vụ", exact=True))
    click_and_wait(page, page.get_by_role("link", name="Nhập từ tệp CSV/Excel"))
    page.locator("input[type=file]").set_input_files(os.path.join(FIXTURES, "task-export.xlsx"))
    click_and_wait(page, page.get_by_role("button", name="Tải lên"))
    assert "3 dòng: 3 hợp lệ (3 mới, 0 cập nhật, 0 không đổi), 0 dòng có lỗi." in page.content()
    shot(page, artifacts, "2-import-preview")
    click_and_wait(page, page.get_by_role("button", name="3. Nhập 3 nhiệm vụ"))
    assert "Đã nhập 3 nhiệm vụ: 3 mới, 0 cập nhật, 0 không đổi." in page.content()
    logout(page)

    # NV-2026-003 (due 30/04/2026, not done) is now overdue for Sở Nội vụ.
    login(page, server, "snv.daumoi")
    score_imported, overdue_imported = snv_figures(page, server)
    assert overdue_imported == overdue_before + 1
    logout(page)

    # The task office records its completion.
    login(page, server, "nhiemvu.vpub")
    page.goto(server + "/tasks?agency=SNV&q=NV-2026-003")
    click_and_wait(page, page.get_by_role("link", name="127/UBND-KT"))
    page.get_by_label("Ngày hoàn thành").fill("05/05/2026")
    click_and_wait(page, page.get_by_role("button", name="Lưu", exact=True))
    assert "Đã lưu nhiệm vụ." in page.content()
    assert "Hoàn thành quá hạn" in page.content()
    shot(page, artifacts, "3-task")
    logout(page)

    login(page, server, "snv.daumoi")
    score_done, overdue_done = snv_figures(page, server)
    assert overdue_done == overdue_before
    # Done late is worth more than overdue: the provisional score goes up again.
    # Done late is worth more than overdue (and an overdue task cost points): the provisional score rises strictly.
    assert float(score_imported.replace(",", ".")) < float(score_before.replace(",", "."))
    assert float(score_done.replace(",", ".")) > float(score_imported.replace(",", "."))
    shot(page, artifacts, "4-overview")
    logout(page)

    # The province's chair rates the agency on the chair's criterion; the rating reaches criterion 4.1.
    login(page, server, "chutich.ubnd")
    page.goto(server + "/periods")
    click_and_wait(page, page.get_by_role("link", name="Năm 2026"))
    click_and_wait(page, page.get_by_role("link", name="Lãnh đạo tỉnh đánh giá"))
    group = page.locator("#group-so")
    group.get_by_label("4.1 — Sở Tài chính").select_option("C")
    click_and_wait(page, group.get_by_role("button", name="Lưu đánh giá khối sở, ban, ngành"))
    assert "mức đánh giá của khối sở, ban, ngành." in page.content()
    shot(page, artifacts, "5-rating")
    logout(page)

    login(page, server, "stc.daumoi")
    page.goto(server + "/")
    click_and_wait(page, page.get_by_role("link", name="Năm 2026").first)
    leaf = page.locator("#leaf-4\\.1")
    assert "Số liệu tự động" in leaf.inner_text()
    # The rating is the leaf's figure, and its points follow the level.
    assert re.search(r"Số liệu tự động \(tính đến \d\d/\d\d/\d{4}\): C\n", leaf.inner_text())
    assert "2,00 — mức C → 2 điểm" in leaf.inner_text()
    assert leaf.locator("form").count() == 0
