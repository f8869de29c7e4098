from django.urls import path

from frontend.views import accounts, alerts, following, logs, pages, pwa, shared

app_name = "frontend"

urlpatterns = [
    path("", logs.today, name="today"),
    path("history/", logs.history, name="history"),
    path("history/<str:day>/", logs.edit_day, name="edit-day"),
    path("alerts/", alerts.alert_list, name="alerts"),
    path("alerts/<int:pk>/", alerts.alert_detail, name="alert"),
    path("alerts/<int:pk>/acknowledge/", alerts.acknowledge, name="acknowledge"),
    path("charts/", pages.charts, name="charts"),
    path("sharing/", pages.sharing, name="sharing"),
    path("settings/", pages.settings, name="settings"),
    path("learn/", pages.learn, name="learn"),
    path("more/", pages.more, name="more"),
    path("following/", following.following, name="following"),
    path("following/<int:patient_id>/", following.followed_patient, name="followed-patient"),
    path("signup/", accounts.signup, name="signup"),
    path("login/", accounts.SignInView.as_view(), name="login"),
    path("logout/", accounts.sign_out, name="logout"),
    path("welcome/", accounts.welcome, name="welcome"),
    path("settings/delete-account/", accounts.delete, name="delete-account"),
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service-worker"),
    path("offline/", pwa.offline, name="offline"),
    path("s/<str:token>/", shared.shared_page, name="shared"),
    path("s/<str:token>/summary.pdf", shared.shared_pdf, name="shared-pdf"),
    path("s/<str:token>/logs.csv", shared.shared_csv, name="shared-csv"),
    path("s/<str:token>/logs.fhir.json", shared.shared_fhir, name="shared-fhir"),
    path("s/<str:token>/records.csv", shared.shared_records_csv, name="shared-records-csv"),
]
