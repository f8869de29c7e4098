"""The tab bar: the main places in one row at the bottom of the screen, as phone apps have them."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from tests.frontend.browser.conftest import PHONE, screenshot, sign_in

TABS = """() => [...document.querySelectorAll("nav[aria-label=Main] a")].map((a) => {
  const box = a.getBoundingClientRect();
  return {label: a.innerText.trim(), current: a.getAttribute("aria-current"), top: box.top, bottom: box.bottom,
          width: box.width, height: box.height};
})"""


@pytest.fixture
def phone_at(browser, live_server, transactional_db):
    contexts = []

    def open_as(user, width: int):
        context = browser.new_context(**PHONE | {"viewport": {"width": width, "height": 640}}, base_url=live_server.url)
        sign_in(context, user, live_server.url)
        contexts.append(context)
        return context.new_page()

    yield open_as
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [390, 320])
def test_the_main_places_are_one_row_of_tabs_at_the_bottom(phone_at, patient, width):
    page = phone_at(patient, width)
    page.goto("/")
    tabs = page.evaluate(TABS)
    assert [tab["label"] for tab in tabs] == ["Today", "History", "Alerts", "Charts", "More"]
    assert len({tab["top"] for tab in tabs}) == 1, "the tabs wrap onto a second row"
    assert all(tab["bottom"] == 640 for tab in tabs), "the tabs are not at the bottom of the screen"
    assert all(tab["width"] >= 48 and tab["height"] >= 48 for tab in tabs), "a tab is smaller than a fingertip"
    assert [tab["current"] for tab in tabs] == ["page", None, None, None, None]
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.get_by_role("link", name="History").tap()
    page.wait_for_url("**/history/")
    assert [tab["current"] for tab in page.evaluate(TABS)] == [None, "page", None, None, None]

    page.get_by_role("navigation", name="Main").get_by_role("link", name="More").tap()
    page.wait_for_url("**/more/")
    menu = page.get_by_role("main").get_by_role("link")
    assert [name.split("\n")[0] for name in menu.all_inner_texts()] == [
        "Treatments and tests",
        "Sharing",
        "Messages",
        "Learn",
        "Settings",
        "People you follow",
    ]
    screenshot(page, f"more-{width}")
    page.get_by_role("main").get_by_role("link", name="Settings").tap()
    page.wait_for_url("**/settings/")
    assert [tab["current"] for tab in page.evaluate(TABS)] == [None, None, None, None, "true"]
    # The page's last control is not hidden behind the tab bar once scrolled to the end.
    page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
    last = page.get_by_role("link", name="Delete my account")
    assert last.evaluate("(a) => a.getBoundingClientRect().bottom") <= tabs[0]["top"]


def test_an_account_without_a_diary_gets_following_and_learn(phone_at):
    carer = get_user_model().objects.create_user(username="carer", password="a carer passphrase 7")
    page = phone_at(SimpleNamespace(user=carer), 390)
    page.goto("/")
    page.wait_for_url("**/following/")
    assert [(tab["label"], tab["current"]) for tab in page.evaluate(TABS)] == [("Following", "page"), ("Learn", None)]
