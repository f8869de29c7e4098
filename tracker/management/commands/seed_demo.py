from django.core.management.base import BaseCommand

from tracker.services.demo import DEMO_USERNAME, seed_demo_patient


class Command(BaseCommand):
    help = "Create the demo patient with about 120 days of logs (or reset its password) and print how to sign in."

    def handle(self, *args, **options):
        patient, password = seed_demo_patient()
        days = patient.logs.count()
        self.stdout.write(self.style.SUCCESS(f"Demo patient ready: {days} days logged."))
        self.stdout.write(f"  username: {DEMO_USERNAME}")
        self.stdout.write(f"  password: {password}")
