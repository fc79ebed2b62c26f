"""A session that runs out while a criterion is being filled loses nothing:
the save leads to the login page, which says the session ended; after
logging in the user is back at the same criterion, with what they typed
offered back (not yet saved) until they save it."""
import os
import re

from conftest import PASSWORD, age_sessions, login
from test_cycle import click_and_wait, logout


def test_timed_out_save_keeps_what_was_typed(page, server, artifacts):
    login(page, server, "ttt.daumoi")
    page.goto(server + "/")
    click_and_wait(page, page.get_by_role("link", name="Năm 2026").first)
    leaf = page.locator("section.leaf:has(input[type=text][name=value])").first
    code = leaf.get_attribute("id")[len("leaf-"):]
    leaf.locator("input[name=value]").fill("77")
    leaf.locator("textarea[name=note]").fill("Số liệu theo báo cáo tháng 11")

    # The user leaves the page open longer than the idle limit, then saves.
    age_sessions()
    click_and_wait(page, leaf.get_by_role("button", name="Lưu", exact=True))
    assert "/login" in page.url
    assert "Phiên làm việc đã hết hạn" in page.content()
    page.get_by_label("Tên đăng nhập").fill("ttt.daumoi")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    click_and_wait(page, page.get_by_role("button", name="Đăng nhập"))

    # Back at the same criterion, not at a POST-only address; what was typed is there, not yet saved.
    assert re.search(r"/assessments/[0-9A-F-]+#leaf-", page.url), page.url
    assert "Phiên làm việc đã hết hạn trước khi bạn lưu." in page.content()
    leaf = page.locator(f"#leaf-{code.replace('.', chr(92) + '.')}")
    assert leaf.locator("input[name=value]").input_value() == "77"
    assert leaf.locator("textarea[name=note]").input_value() == "Số liệu theo báo cáo tháng 11"
    page.screenshot(path=os.path.join(artifacts, "session-kept.png"), full_page=False)
    click_and_wait(page, leaf.get_by_role("button", name="Lưu", exact=True))
    assert f"Đã lưu {code}." in page.content()
    assert "trước khi bạn lưu" not in page.content()
    logout(page)
