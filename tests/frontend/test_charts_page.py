from tests.frontend.pages import assert_no_inline_code
from tracker.charts import FIGURES


def test_the_charts_page_needs_a_login(client):
    assert client.get("/charts/").status_code == 302


def test_the_charts_page_points_each_chart_at_the_api_for_the_chosen_range(client, patient):
    client.force_login(patient.user)
    html = client.get("/charts/?range=365").content.decode()
    for name in FIGURES:
        assert f'data-figure-url="/api/charts/{name}/?range=365"' in html
    assert "/api/exports/logs.csv" in html and "/api/exports/logs.fhir.json" in html
    assert_no_inline_code(html)
