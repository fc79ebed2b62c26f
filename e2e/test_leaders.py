"""Provincial leaders rate a whole group in one form, each only on the criterion assigned to them."""
from conftest import login


def open_ratings(page, server):
    page.goto(server + "/periods")
    page.get_by_role("link", name="Năm 2026").first.click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Lãnh đạo tỉnh đánh giá").click()
    page.wait_for_load_state()


def test_vice_chair_rates_a_group_in_one_form(page, server):
    login(page, server, "lanhdao")
    open_ratings(page, server)
    group = page.locator("#group-so")
    # The chair's criterion is named with who rates it; only the vice-chair's is a column here.
    assert "4.1 Chủ tịch UBND tỉnh đánh giá: do Trần Văn Bình (Chủ tịch UBND tỉnh) đánh giá" in group.inner_text()
    assert group.locator("thead th").all_inner_texts() == ["Đơn vị", "4.2 Phó Chủ tịch UBND tỉnh phụ trách khối đánh giá"]
    assert group.locator("select[name^='level-'][name$='-4.1']").count() == 0
    selects = group.locator("select[name$='-4.2']")
    unrated = [selects.nth(i) for i in range(selects.count()) if selects.nth(i).input_value() == ""]
    assert len(unrated) >= 2
    names = [unrated[0].get_attribute("name"), unrated[1].get_attribute("name")]
    unrated[0].select_option("A")
    unrated[1].select_option("C")
    with page.expect_navigation(wait_until="domcontentloaded"):
        group.get_by_role("button", name="Lưu đánh giá khối sở, ban, ngành").click()
    assert "Đã lưu 2 mức đánh giá của khối sở, ban, ngành." in page.content()
    group = page.locator("#group-so")
    assert group.locator(f"select[name='{names[0]}']").input_value() == "A"
    assert group.locator(f"select[name='{names[1]}']").input_value() == "C"


def test_chair_rates_only_the_chairs_criterion(page, server):
    login(page, server, "chutich.ubnd")
    open_ratings(page, server)
    group = page.locator("#group-so")
    assert group.locator("thead th").all_inner_texts() == ["Đơn vị", "4.1 Chủ tịch UBND tỉnh đánh giá"]
    assert "4.2 Phó Chủ tịch UBND tỉnh phụ trách khối đánh giá: do Võ Thanh Sơn (Phó Chủ tịch UBND tỉnh) đánh giá" in group.inner_text()
