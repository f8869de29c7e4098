from django.test import RequestFactory

from frontend.chart_links import chart_links
from tracker.charts import FIGURES


def test_each_figure_links_to_its_api_url_for_the_chosen_range():
    links = chart_links(RequestFactory().get("/charts/", {"range": "365"}), "api:patient-chart", 7)
    assert links["chosen"] == "365"
    assert [figure["url"] for figure in links["figures"]] == [
        f"/api/patients/7/charts/{name}/?range=365" for name in FIGURES
    ]


def test_an_unknown_range_falls_back_to_90_days():
    assert chart_links(RequestFactory().get("/charts/", {"range": "forever"}), "api:chart")["chosen"] == "90"
