"""Refusals in place: a bad leaf value and a refused file come back on the same page, with a summary
at the top linking to the problem and the focus (and the view) on the field."""
from conftest import login


def open_own_assessment(page, server):
    page.goto(server + "/")
    page.get_by_role("link", name="Năm 2026").first.click()
    page.wait_for_load_state()


def last_number_leaf(page):
    """The id of the last leaf whose input is a plain text field (far down the page)."""
    ids = page.eval_on_selector_all("form.leaf-form input[type=text][name=value]", "inputs => inputs.map(i => i.id)")
    assert ids, "no text input on the assessment page"
    return ids[-1]


def in_view(page, selector):
    return page.eval_on_selector(selector, """element => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
    }""")


def test_refused_value_is_kept_summarised_and_focused(page, server):
    login(page, server, "sgddt.daumoi")
    open_own_assessment(page, server)
    field = last_number_leaf(page)
    code = field[2:]
    selector = f"[id='{field}']"
    page.fill(selector, "khoảng chín mươi")
    with page.expect_navigation(wait_until="load"):
        page.locator(f"[id='leaf-{code}']").get_by_role("button", name="Lưu").click()
    summary = page.locator("#problems")
    assert summary.is_visible()
    assert summary.get_by_role("link").first.get_attribute("href") == f"#{field}"
    assert page.evaluate("document.activeElement.id") == field
    assert in_view(page, selector)
    assert page.input_value(selector) == "khoảng chín mươi"
    page.console_watch.expect("status of 422")


def test_refused_file_type_comes_back_in_place(page, server, tmp_path):
    login(page, server, "skhcn.daumoi")
    open_own_assessment(page, server)
    upload = page.locator("input[type=file][id^='f-']").last
    field = upload.get_attribute("id")
    script = tmp_path / "chay.sh"
    script.write_text("#!/bin/sh\necho khong\n")
    upload.set_input_files(str(script))
    with page.expect_navigation(wait_until="load"):
        page.locator(f"form.upload:has([id='{field}'])").locator("button[type=submit]").click()
    assert page.locator("#problems").is_visible()
    assert page.evaluate("document.activeElement.id") == field
    assert in_view(page, f"[id='{field}']")
    assert page.locator(f"[id='{field}-error']").is_visible()
    page.console_watch.expect("status of 415")
