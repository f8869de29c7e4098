from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from api.views.accounts import ProfileView, RegisterView, TokenView
from api.views.alerts import AlertAcknowledgeView, AlertDetailView, AlertListView
from api.views.charts import ChartDetailView, ChartListView
from api.views.exports import LogsCsvView, LogsFhirView
from api.views.logs import LogDetailView, LogListView, LogRevisionListView
from api.views.shares import ShareDetailView, ShareListView

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("auth/register/", RegisterView.as_view(), name="register"),
    path("auth/token/", TokenView.as_view(), name="token"),
    path("profile/", ProfileView.as_view(), name="profile"),
    path("logs/", LogListView.as_view(), name="logs"),
    path("logs/<str:day>/", LogDetailView.as_view(), name="log-detail"),
    path("logs/<str:day>/revisions/", LogRevisionListView.as_view(), name="log-revisions"),
    path("alerts/", AlertListView.as_view(), name="alerts"),
    path("alerts/<int:pk>/", AlertDetailView.as_view(), name="alert-detail"),
    path("alerts/<int:pk>/acknowledge/", AlertAcknowledgeView.as_view(), name="alert-acknowledge"),
    path("charts/", ChartListView.as_view(), name="charts"),
    path("charts/<str:name>/", ChartDetailView.as_view(), name="chart"),
    path("shares/", ShareListView.as_view(), name="shares"),
    path("shares/<int:share_id>/", ShareDetailView.as_view(), name="share-detail"),
    path("exports/logs.csv", LogsCsvView.as_view(), name="export-csv"),
    path("exports/logs.fhir.json", LogsFhirView.as_view(), name="export-fhir"),
]
