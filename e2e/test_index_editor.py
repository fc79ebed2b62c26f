"""The organiser writes next year's index in the browser (issue 18): clones 2025's index, changes a
max and a tier, sees the validation problem beside its row and fixes it, publishes the version,
edits the criterion mapping, runs the dry run on 2025's published results, and downloads the draft
as Excel, which `chiso index convert` turns back into the YAML the published version holds."""
import os
import re
import subprocess
import urllib.request

from conftest import ROOT, login
from test_accessibility import audit
from test_cycle import click_and_wait


def accessible(page, name):
    """axe-core on the page as it stands: no serious or critical violation."""
    findings = {}
    audit(page, name, findings)
    serious = findings.get("serious", []) + findings.get("critical", [])
    assert serious == [], f"{name}: {serious}"


def row_of(page, code):
    return page.locator("tr", has=page.locator("td", has_text=re.compile(r"^" + re.escape(code) + " ")))


def test_organiser_writes_tries_and_publishes_an_index(page, server, artifacts, tmp_path):
    login(page, server, "sonoivu")
    page.goto(server + "/indexes")
    label = [o for o in page.locator("#clone-from option").all_inner_texts() if o.startswith("so-2025")][0]
    page.select_option("#clone-from", label=label)
    click_and_wait(page, page.get_by_role("button", name="Tạo bản dự thảo", exact=True))
    assert "/index-drafts/" in page.url
    draft = page.url.split("#")[0].split("?")[0]
    page.get_by_text("Sao chép từ so-2025 v1").wait_for()
    page.get_by_text("Hợp lệ: có thể công bố thành phiên bản mới.").wait_for()
    assert page.input_value("#settings-id") == "so-2026"

    # A max and a tier changed, the tier above the new max: the problem is shown beside its row.
    click_and_wait(page, row_of(page, "1.1.1").get_by_role("link", name="Sửa"))
    assert page.evaluate("document.activeElement.id") == "edit-code"
    accessible(page, "the editor with a row open")
    page.fill("#edit-max", "9")
    # Tiers are rows of fields: the first tier's points above the new max.
    assert page.input_value("#row-0-0") == "100" and page.input_value("#row-2-1") == "4"
    page.fill("#row-0-1", "10")
    click_and_wait(page, page.locator("#edit-form").get_by_role("button", name="Lưu"))
    assert "Còn 1 vấn đề" in page.locator("#problems").inner_text()
    assert "Tiêu chí, dòng 4, cột F (Tham số)" in page.locator("#problems").inner_text()
    assert "vượt điểm tối đa 9" in row_of(page, "1.1.1").first.inner_text()
    page.screenshot(path=os.path.join(artifacts, "index-editor-problem.png"))
    accessible(page, "the editor with a problem")
    # Publishing is refused while it does not validate.
    page.check("#publish-confirm")
    click_and_wait(page, page.get_by_role("button", name="Công bố thành phiên bản mới"))
    assert "Chưa công bố được" in page.locator("main").inner_text()
    page.console_watch.expect("status of 422")

    click_and_wait(page, row_of(page, "1.1.1").get_by_role("link", name="Sửa"))
    page.fill("#row-0-1", "9")
    click_and_wait(page, page.locator("#edit-form").get_by_role("button", name="Lưu"))
    page.get_by_text("Hợp lệ: có thể công bố thành phiên bản mới.").wait_for()
    assert "9" == row_of(page, "1.1.1").first.locator("td").nth(1).inner_text().strip()

    # Moving and adding rows: a new field row at the end, then removed again.
    click_and_wait(page, page.locator("#sheet-criteria").get_by_role("button", name="Thêm dòng", exact=True))
    assert page.locator("#edit-form").count() == 1
    assert "Còn" in page.locator("#problems").inner_text()
    click_and_wait(page, page.locator("#edit-form").get_by_role("button", name="Xoá"))
    page.get_by_text("Hợp lệ: có thể công bố thành phiên bản mới.").wait_for()

    # The draft as Excel, before it is published.
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải bảng Excel của bản dự thảo").click()
    workbook = os.path.join(tmp_path, "draft.xlsx")
    info.value.save_as(workbook)

    # The dry run on 2025's published results: who moves and why.
    click_and_wait(page, page.get_by_role("link", name="Chạy thử trên kết quả đã công bố"))
    # The period assessed with the version the draft was cloned from comes first.
    assert page.locator("#dry-period option:checked").inner_text() == "Năm 2025"
    page.get_by_role("button", name="Chạy thử").click()
    page.wait_for_load_state()
    text = page.locator("main").inner_text()
    assert "Khối sở, ban, ngành: so-2025 v1 → bản dự thảo" in text, text[:1500]
    assert "lên hạng" in text
    assert "1.1.1: " in text
    page.screenshot(path=os.path.join(artifacts, "index-dry-run.png"), full_page=True)
    accessible(page, "the dry run")
    click_and_wait(page, page.get_by_role("link", name="Quay lại bản dự thảo"))

    # Published: a new version of so-2026, read-only.
    page.check("#publish-confirm")
    click_and_wait(page, page.get_by_role("button", name="Công bố thành phiên bản mới"))
    assert "Đã công bố phiên bản so-2026 v2" in page.locator("main").inner_text()
    version = page.url.split("#")[0]

    # The mapping from 2025's version: 1.1.3 corresponds to nothing any more.
    click_and_wait(page, page.get_by_role("link", name="Ánh xạ tiêu chí từ phiên bản khác"))
    label = [o for o in page.locator("#compare-from option").all_inner_texts() if o.startswith("so-2025")][0]
    page.select_option("#compare-from", label=label)
    click_and_wait(page, page.get_by_role("button", name="Xem"))
    accessible(page, "the mapping")
    field = page.get_by_label(re.compile(r"^1\.1\.3 "))
    assert field.input_value() == "1.1.3"
    field.fill("")
    click_and_wait(page, page.get_by_role("button", name="Lưu ánh xạ"))
    text = page.locator("main").inner_text()
    assert "Đã lưu ánh xạ tiêu chí." in text
    assert "Đối chiếu theo ánh xạ tiêu chí đã lưu" in text
    removed = page.locator("tr.change-removed", has_text="1.1.3")
    assert removed.count() == 1
    changed = page.locator("tr.change-changed", has_text="1.1.1").inner_text()
    assert "Điểm tối đa: 8 → 9" in changed
    page.screenshot(path=os.path.join(artifacts, "index-comparison.png"), full_page=True)
    accessible(page, "the comparison")

    # The draft's workbook turns back into the YAML the published version holds.
    converted = os.path.join(tmp_path, "draft.yaml")
    binary = os.environ.get("CHISO_BIN", os.path.join(ROOT, ".build", "debug", "chiso"))
    subprocess.run([binary, "index", "convert", workbook, converted], check=True, capture_output=True)
    page.goto(version)
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải tệp YAML").click()
    published = os.path.join(tmp_path, "published.yaml")
    info.value.save_as(published)
    assert open(converted, encoding="utf-8").read() == open(published, encoding="utf-8").read()
