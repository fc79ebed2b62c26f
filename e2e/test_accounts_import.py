"""Accounts in bulk (issue 19), in a real browser: the administrator uploads an account list with a bad
row and sees it by line and column, uploads the list as Excel, previews it, creates the accounts, sees
each one-time password once and downloads the printable sheet (PDF) and the file (CSV) once each; a new
person logs in with the password and must choose a new one; then two accounts are disabled together."""
import os

import openpyxl

from conftest import login
from test_cycle import click_and_wait, logout
from test_full_cycle import first_login
from test_index_editor import accessible

HEADER = ["username", "full_name", "agency", "role", "email"]
PEOPLE = [
    ["xa-dongtam.vanthu1", "Lê Văn Tâm", "XA-DONGTAM", "editor", "tam@xa-dongtam.example.test"],
    ["xa-dongtam.vanthu2", "Phạm Thị Đông", "XA-DONGTAM", "viewer", ""],
]


def test_admin_imports_accounts_and_prints_passwords(page, server, artifacts, tmp_path):
    bad = tmp_path / "tai-khoan.csv"
    bad.write_text(",".join(HEADER) + "\n" + ",".join(PEOPLE[0]) + "\nxa-dongtam.vanthu2,,XA-DONGTAM,boss,\n", encoding="utf-8")
    good = tmp_path / "tai-khoan.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [HEADER] + PEOPLE:
        sheet.append(row)
    workbook.save(good)

    login(page, server, "admin")
    page.goto(server + "/admin/users")
    click_and_wait(page, page.get_by_role("link", name="Nhập tài khoản từ tệp"))
    page.set_input_files("#file", str(bad))
    click_and_wait(page, page.get_by_role("button", name="Xem trước"))
    errors = page.locator(".errors").inner_text()
    assert "tai-khoan.csv:3: cột full_name: đang để trống" in errors
    assert 'tai-khoan.csv:3: cột role: "boss" không phải vai trò' in errors
    page.console_watch.expect("status of 422")

    page.set_input_files("#file", str(good))
    click_and_wait(page, page.get_by_role("button", name="Xem trước"))
    assert "Tệp hợp lệ: 2 tài khoản sẽ được tạo" in page.locator("#preview-summary").inner_text()
    assert "Lê Văn Tâm" in page.locator("#account-preview").inner_text()
    accessible(page, "the account list preview")
    click_and_wait(page, page.get_by_role("button", name="Tạo 2 tài khoản"))
    assert "Đã tạo 2 tài khoản." in page.locator("main").inner_text()
    rows = page.locator("#issued-passwords tbody tr")
    assert rows.count() == 2
    password = rows.nth(0).locator("code").nth(1).inner_text()
    accessible(page, "the one-time passwords")
    page.screenshot(path=os.path.join(artifacts, "accounts-issued.png"), full_page=True)

    with page.expect_download() as pdf:
        page.get_by_role("button", name="Tải bản in (PDF)").click()
    assert open(pdf.value.path(), "rb").read(4) == b"%PDF"
    with page.expect_download() as csv:
        page.get_by_role("button", name="Tải tệp (CSV)").click()
    text = open(csv.value.path(), encoding="utf-8").read()
    assert f"XA-DONGTAM,Lê Văn Tâm,xa-dongtam.vanthu1,{password},editor" in text
    # Taken once: a second download is refused in words.
    click_and_wait(page, page.get_by_role("button", name="Tải tệp (CSV)"))
    assert "đã được tải hoặc đã hết hạn" in page.locator("main").inner_text()
    page.console_watch.expect("status of 410")
    page.goto(server + "/")
    logout(page)

    first_login(page, server, "xa-dongtam.vanthu1", password)
    logout(page)

    # Both accounts disabled together from the account list.
    login(page, server, "admin")
    page.goto(server + "/admin/users")
    page.get_by_label("Chọn xa-dongtam.vanthu1").check()
    page.get_by_label("Chọn xa-dongtam.vanthu2").check()
    page.get_by_label("Thao tác", exact=True).select_option("disable")
    click_and_wait(page, page.locator("#bulk").get_by_role("button", name="Thực hiện"))
    assert "Đã thay đổi 2 tài khoản." in page.locator("main").inner_text()
