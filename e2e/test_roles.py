"""Each demo role logs in, sees the navigation its role allows, and logs out."""
import os

import pytest

from conftest import login

WATCH = ["Tổng quan", "Theo dõi", "Nhiệm vụ"]
EVERYONE = ["Trang chủ", *WATCH, "Đổi mật khẩu"]
APPRAISERS = ["Trang chủ", "Bộ chỉ số", "Kỳ đánh giá", "Thẩm định", *WATCH, "Đổi mật khẩu"]
COUNCIL = ["Trang chủ", "Bộ chỉ số", "Kỳ đánh giá", "Hội đồng", *WATCH, "Đổi mật khẩu"]

ROLES = [
    ("admin", ["Trang chủ", "Bộ chỉ số", "Kỳ đánh giá", "Hội đồng", *WATCH, "Đơn vị", "Tài khoản", "Nhật ký", "Thông tin cơ quan", "Đổi mật khẩu"]),
    ("sonoivu", COUNCIL),
    ("thamdinh.stp", APPRAISERS),
    ("chutich.hd", ["Trang chủ", "Bộ chỉ số", "Kỳ đánh giá", "Thẩm định", "Hội đồng", *WATCH, "Đổi mật khẩu"]),
    ("lanhdao", COUNCIL),
    ("nhiemvu.vpub", EVERYONE),
    ("snv.daumoi", EVERYONE),
    ("snv.thutruong", EVERYONE),
    ("xem.sct", EVERYONE),
]


@pytest.mark.parametrize("username,navigation", ROLES, ids=[r[0] for r in ROLES])
def test_role_navigation(page, server, artifacts, username, navigation):
    login(page, server, username)
    assert page.url == server + "/"
    links = page.locator("header nav a").all_inner_texts()
    assert links == navigation
    assert page.locator("text=Dữ liệu minh hoạ").count() == 1
    page.screenshot(path=os.path.join(artifacts, f"home-{username}.png"), full_page=True)
    # A page the role may not open is refused on the server, not only hidden.
    response = page.goto(server + "/admin/users")
    if username == "admin":
        assert response.status == 200
    else:
        assert response.status == 403
        assert "Không có quyền" in page.content()
        # The browser logs the refused navigation itself; that one is expected.
        page.console_watch.expect("status of 403")
    page.goto(server + "/")
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.get_by_role("button", name="Đăng xuất").click()
    assert page.url.startswith(server + "/login")
    assert page.goto(server + "/").url.startswith(server + "/login")


def test_wrong_password_keeps_username(page, server):
    login(page, server, "sonoivu", "sai-mat-khau")
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page.content()
    assert page.get_by_label("Tên đăng nhập").input_value() == "sonoivu"
    page.console_watch.expect("status of 401")  # the refused login answers 401 on purpose


def test_phone_layout(browser, server, artifacts):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", is_mobile=True)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    login(page, server, "lanhdao")
    page.goto(server + "/periods")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways on a phone ({width}px)"
    # The header takes under a tenth of the screen; every navigation link is still there (its row scrolls).
    header = page.eval_on_selector("header.site", "element => element.getBoundingClientRect().height")
    assert header < 74, f"the header takes {header}px of 740"
    assert page.locator("header nav a").all_inner_texts()[:3] == ["Trang chủ", "Bộ chỉ số", "Kỳ đánh giá"]
    page.screenshot(path=os.path.join(artifacts, "phone-periods-lanhdao.png"), full_page=True)
    # Chart labels stay readable on a phone: 11 px or more as drawn (the chart scrolls sideways instead).
    for path in ["/dashboard", "/monitoring"]:
        page.goto(server + path)
        if path == "/monitoring":
            page.locator("a[href^='/monitoring/']").first.click()
            page.wait_for_load_state()
        sizes = page.eval_on_selector_all("svg text", """texts => texts.map(text =>
            parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a)""")
        assert sizes, f"no chart on {page.url}"
        assert min(sizes) >= 11, f"chart labels of {min(sizes):.1f}px on {page.url}"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
    assert errors == []


def test_assessment_page_and_keyboard(page, server, artifacts):
    login(page, server, "sonoivu")
    page.goto(server + "/periods")
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.get_by_role("link", name="Năm 2025").click()
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.get_by_role("link", name="Sở Nội vụ").first.click()
    assert "Hồ sơ tự đánh giá: Sở Nội vụ" in page.content()
    assert page.locator("td.num").count() > 40
    page.screenshot(path=os.path.join(artifacts, "assessment-snv-2025.png"), full_page=True)
    # The skip link is the first thing the keyboard reaches.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Bỏ qua, đến nội dung chính"
