from django.apps import AppConfig


class FrontendConfig(AppConfig):
    name = "frontend"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from frontend.middleware import record_sign_in

        user_logged_in.connect(record_sign_in, dispatch_uid="frontend.record_sign_in")
