from django.urls import path

from frontend import views

app_name = "frontend"

urlpatterns = [
    path("", views.home, name="home"),
    path("charts/", views.charts, name="charts"),
    path("s/<str:token>/", views.shared_page, name="shared"),
    path("s/<str:token>/summary.pdf", views.shared_pdf, name="shared-pdf"),
    path("s/<str:token>/logs.csv", views.shared_csv, name="shared-csv"),
    path("s/<str:token>/logs.fhir.json", views.shared_fhir, name="shared-fhir"),
]
