from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from api.views.accounts import ProfileView, RegisterView
from api.views.alerts import AlertAcknowledgeView, AlertDetailView, AlertListView, AlertResolveView
from api.views.auth import (
    DeviceDetailView,
    DeviceListView,
    EmailVerificationView,
    EmailVerifyView,
    EmailView,
    LogoutView,
    PasswordChangeView,
    PasswordResetConfirmView,
    PasswordResetView,
    TokenView,
)
from api.views.caregivers import (
    CaregiverAcceptView,
    CaregiverDetailView,
    CaregiverListView,
    FollowedPatientListView,
    PatientAlertListView,
    PatientLogListView,
)
from api.views.charts import ChartDetailView, ChartListView, PatientChartView
from api.views.exports import LogsCsvView, LogsFhirView, RecordsCsvView
from api.views.logs import LogDetailView, LogListView, LogRevisionListView
from api.views.notifications import (
    NotificationListView,
    NotificationPreferencesView,
    NotificationReadView,
    PushSubscriptionDetailView,
    PushSubscriptionListView,
    SnoozeView,
    VapidPublicKeyView,
)
from api.views.privacy import AuditLogView, FullExportView
from api.views.records import (
    InvestigationDetailView,
    InvestigationListView,
    InvestigationRevisionListView,
    LifeEventDetailView,
    LifeEventListView,
    LifeEventRevisionListView,
    TreatmentDetailView,
    TreatmentListView,
    TreatmentRevisionListView,
)
from api.views.shares import ShareDetailView, ShareListView

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("auth/register/", RegisterView.as_view(), name="register"),
    path("auth/token/", TokenView.as_view(), name="token"),
    path("auth/logout/", LogoutView.as_view(), name="logout"),
    path("auth/password/", PasswordChangeView.as_view(), name="password-change"),
    path("auth/password-reset/", PasswordResetView.as_view(), name="password-reset"),
    path("auth/password-reset/confirm/", PasswordResetConfirmView.as_view(), name="password-reset-confirm"),
    path("auth/email/", EmailView.as_view(), name="email"),
    path("auth/email/send-link/", EmailVerificationView.as_view(), name="email-send-link"),
    path("auth/email/verify/", EmailVerifyView.as_view(), name="email-verify"),
    path("devices/", DeviceListView.as_view(), name="devices"),
    path("devices/<uuid:device_id>/", DeviceDetailView.as_view(), name="device-detail"),
    path("profile/", ProfileView.as_view(), name="profile"),
    path("logs/", LogListView.as_view(), name="logs"),
    path("logs/<str:day>/", LogDetailView.as_view(), name="log-detail"),
    path("logs/<str:day>/revisions/", LogRevisionListView.as_view(), name="log-revisions"),
    path("treatments/", TreatmentListView.as_view(), name="treatments"),
    path("treatments/<int:pk>/", TreatmentDetailView.as_view(), name="treatment-detail"),
    path("treatments/<int:pk>/revisions/", TreatmentRevisionListView.as_view(), name="treatment-revisions"),
    path("investigations/", InvestigationListView.as_view(), name="investigations"),
    path("investigations/<int:pk>/", InvestigationDetailView.as_view(), name="investigation-detail"),
    path("investigations/<int:pk>/revisions/", InvestigationRevisionListView.as_view(), name="investigation-revisions"),
    path("life-events/", LifeEventListView.as_view(), name="life-events"),
    path("life-events/<int:pk>/", LifeEventDetailView.as_view(), name="life-event-detail"),
    path("life-events/<int:pk>/revisions/", LifeEventRevisionListView.as_view(), name="life-event-revisions"),
    path("alerts/", AlertListView.as_view(), name="alerts"),
    path("alerts/<int:pk>/", AlertDetailView.as_view(), name="alert-detail"),
    path("alerts/<int:pk>/acknowledge/", AlertAcknowledgeView.as_view(), name="alert-acknowledge"),
    path("alerts/<int:pk>/resolve/", AlertResolveView.as_view(), name="alert-resolve"),
    path("charts/", ChartListView.as_view(), name="charts"),
    path("charts/<str:name>/", ChartDetailView.as_view(), name="chart"),
    path("shares/", ShareListView.as_view(), name="shares"),
    path("shares/<int:share_id>/", ShareDetailView.as_view(), name="share-detail"),
    path("export/", FullExportView.as_view(), name="export"),
    path("audit/", AuditLogView.as_view(), name="audit"),
    path("exports/logs.csv", LogsCsvView.as_view(), name="export-csv"),
    path("exports/logs.fhir.json", LogsFhirView.as_view(), name="export-fhir"),
    path("exports/records.csv", RecordsCsvView.as_view(), name="export-records-csv"),
    path("push-subscriptions/", PushSubscriptionListView.as_view(), name="push-subscriptions"),
    path("push-subscriptions/<int:pk>/", PushSubscriptionDetailView.as_view(), name="push-subscription-detail"),
    path("push/vapid-public-key/", VapidPublicKeyView.as_view(), name="vapid-public-key"),
    path("notifications/", NotificationListView.as_view(), name="notifications"),
    path("notifications/<int:pk>/read/", NotificationReadView.as_view(), name="notification-read"),
    path("notification-preferences/", NotificationPreferencesView.as_view(), name="notification-preferences"),
    path("notification-preferences/snooze/", SnoozeView.as_view(), name="notification-snooze"),
    path("caregivers/", CaregiverListView.as_view(), name="caregivers"),
    path("caregivers/accept/", CaregiverAcceptView.as_view(), name="caregiver-accept"),
    path("caregivers/<int:pk>/", CaregiverDetailView.as_view(), name="caregiver-detail"),
    path("patients/", FollowedPatientListView.as_view(), name="patients"),
    path("patients/<int:patient_id>/alerts/", PatientAlertListView.as_view(), name="patient-alerts"),
    path("patients/<int:patient_id>/logs/", PatientLogListView.as_view(), name="patient-logs"),
    path("patients/<int:patient_id>/charts/<str:name>/", PatientChartView.as_view(), name="patient-chart"),
]
