"""Results in a real browser: the ranking of the published 2025 period and
its downloads (Excel read by openpyxl, PDF read by pdftotext, CSV recomputed
by `chiso score` from the exported index, agencies and inputs), the public
page, proposals with a deputy, the what-if sandbox and the dashboard."""
import os
import shutil
import subprocess

import openpyxl

from conftest import ROOT, login
from test_cycle import click_and_wait, logout


def shot(page, artifacts, name):
    page.screenshot(path=os.path.join(artifacts, f"results-{name}.png"), full_page=False)


def download(page, link_name, folder):
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).first.click()
    path = os.path.join(folder, info.value.suggested_filename)
    info.value.save_as(path)
    return path


def test_results_and_exports(page, server, artifacts, tmp_path):
    login(page, server, "sonoivu")
    page.goto(server + "/periods")
    click_and_wait(page, page.get_by_role("link", name="Năm 2025"))
    click_and_wait(page, page.get_by_role("link", name="Kết quả và xếp hạng"))
    first = page.locator("#group-so + .table-wrap tbody tr").first.locator("td").all_inner_texts()
    assert first[0] == "1"
    shot(page, artifacts, "1-ranking")

    # Excel: the annex, the same first agency and score (numbers as numbers).
    workbook = openpyxl.load_workbook(download(page, "Bảng xếp hạng (Excel)", tmp_path))
    sheet = workbook.active
    # Laid out as the annex to the announcing decision: issuing body, motto, place and date, the decision, the signature.
    assert sheet["A1"].value == "UBND TỈNH MINH HOẠ"
    cells = [value for row in sheet.iter_rows(values_only=True) for value in row if isinstance(value, str)]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells and "Minh Hoạ, ngày 20 tháng 01 năm 2026" in cells
    assert "(Kèm theo Quyết định số 215/QĐ-UBND ngày 20/01/2026 của UBND tỉnh Minh Hoạ)" in cells
    assert "KT. CHỦ TỊCH" in cells and "PHÓ CHỦ TỊCH" in cells and "Trần Văn Bình" in cells
    assert not any("DỰ THẢO" in value for value in cells)
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$9:$9"
    rows = [row for row in sheet.iter_rows(values_only=True) if row and row[0] == 1]
    assert rows[0][2] == first[1]
    assert f"{rows[0][8]:.2f}".replace(".", ",") == first[2]
    assert sheet.freeze_panes is not None and sheet["I10"].number_format == "0.00"
    # The demo's 2025 department whose final reaches Xuất sắc is classed Tốt by a condition: the annex says why.
    moved = [row for row in sheet.iter_rows(values_only=True) if row and isinstance(row[-1], str) and "chưa đáp ứng điều kiện" in row[-1]]
    assert len(moved) == 1 and moved[0][9] == "Tốt" and moved[0][8] >= 90, moved

    # CSV + inputs + agencies + the index as uploaded: chiso score prints the same ranking.
    ranking = download(page, "CSV", tmp_path)
    inputs = download(page, "Dữ liệu đầu vào (CSV)", tmp_path)
    agencies = download(page, "Danh sách đơn vị (CSV)", tmp_path)
    index = download(page, "Bộ chỉ số (YAML)", tmp_path)
    binary = os.environ.get("CHISO_BIN", os.path.join(ROOT, ".build", "debug", "chiso"))
    result = subprocess.run([binary, "score", "--index", index, "--agencies", agencies, "--inputs", inputs],
                            capture_output=True, text=True, check=True)
    assert open(ranking, "rb").read(3) == b"\xef\xbb\xbf"  # a UTF-8 byte-order mark, for Excel
    assert result.stdout == open(ranking, encoding="utf-8-sig").read()

    # PDF: A4, Vietnamese intact.
    page.goto(server + "/periods")
    click_and_wait(page, page.get_by_role("link", name="Năm 2025"))
    click_and_wait(page, page.get_by_role("link", name="Kết quả và xếp hạng"))
    pdf = download(page, "Báo cáo xếp hạng (PDF)", tmp_path)
    assert open(pdf, "rb").read(5) == b"%PDF-"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert first[1].split()[0] in text
        assert "chưa đáp ứng điều kiện" in text
        assert "Quyết định số 215/QĐ-UBND" in text and "Trần Văn Bình" in text and "DỰ THẢO" not in text
    logout(page)


def test_public_page(page, server, artifacts):
    page.goto(server + "/public")
    assert "Năm 2026" not in page.locator("main").inner_text()
    click_and_wait(page, page.get_by_role("link", name="Năm 2025"))
    assert page.locator("table").count() == 2
    assert "Hoàn thành" not in page.content()  # no proposals about people
    shot(page, artifacts, "2-public")


def test_proposals_whatif_dashboard(page, server, artifacts):
    # The head records a deputy in charge of field II.
    login(page, server, "snv.thutruong")
    page.goto(server + "/")
    click_and_wait(page, page.get_by_role("link", name="Năm 2025").first)
    click_and_wait(page, page.get_by_role("link", name="Kết quả cuối cùng và đề xuất xếp loại"))
    result_url = page.url
    click_and_wait(page, page.get_by_role("link", name="Cấp phó và lĩnh vực phân công"))
    page.get_by_label("Họ tên").last.fill("Lê Minh Tâm")
    page.get_by_label("Chức vụ").last.fill("Phó Giám đốc")
    page.get_by_label("Lĩnh vực phân công").last.fill("II")
    click_and_wait(page, page.get_by_role("button", name="Thêm"))
    assert "Đã thêm cấp phó." in page.content()
    page.goto(result_url)
    proposals = page.locator("section.proposals").inner_text()
    assert "Lê Minh Tâm, Phó Giám đốc" in proposals
    assert "lĩnh vực II" in proposals
    shot(page, artifacts, "3-proposals")

    # What if: nothing saved, the new score at once.
    click_and_wait(page, page.get_by_role("link", name="Thử thay đổi số liệu (không lưu)"))
    page.locator("#w-1\\.1\\.1").fill("0")
    click_and_wait(page, page.get_by_role("button", name="Tính thử"))
    assert "Điểm nếu thay đổi" in page.content()
    assert "1.1.1" in page.locator("main ul").first.inner_text()
    shot(page, artifacts, "4-whatif")
    logout(page)

    login(page, server, "lanhdao")
    click_and_wait(page, page.get_by_role("link", name="Tổng quan"))
    page.locator("#period").select_option(label="Năm 2025")
    click_and_wait(page, page.get_by_role("button", name="Xem"))
    assert page.locator("table.heatmap").count() == 2
    assert page.locator("figure.chart svg rect.bar").count() >= 5
    shot(page, artifacts, "5-dashboard")
