import zoneinfo
from datetime import date, datetime

from django.conf import settings
from django.db import models
from django.db.models import Q

from tracker.countries import country_for_zone
from tracker.emergency_numbers import emergency_number_for
from tracker.vocabulary import MEDICAL_HISTORY, SEXES


class Patient(models.Model):
    class Sex(models.TextChoices):
        FEMALE = "female"
        MALE = "male"
        OTHER = "other"
        UNSPECIFIED = "unspecified"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="patient")
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=12, choices=Sex.choices, default=Sex.UNSPECIFIED)
    timezone = models.CharField(max_length=64, default="UTC")
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code")
    has_cancer = models.BooleanField(default=False)
    has_diabetes = models.BooleanField(default=False)
    had_spinal_surgery = models.BooleanField(default=False)
    has_records = models.BooleanField(
        default=False,
        help_text="Set once a treatment, test or event is recorded: the save path and the nightly analysis, run "
        "for every log and patient, skip reading records for the many who never keep any.",
    )
    analysed_through = models.DateField(
        null=True, blank=True, help_text="The last local date the nightly analysis has covered."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True) | Q(birth_year__gte=1900, birth_year__lte=2100),
                name="patient_birth_year_plausible",
            ),
            models.CheckConstraint(condition=Q(sex__in=list(SEXES)), name="patient_sex_known"),
        ]
        indexes = [models.Index(fields=["timezone", "analysed_through"])]

    def __str__(self):
        return f"Patient {self.user.get_username()}"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def emergency_country(self) -> str:
        """The country whose emergency number we give: the one chosen, else the one the time zone names ("" if
        it names none, and then 112 works on any mobile phone)."""
        return self.country or country_for_zone(self.timezone) or ""

    @property
    def emergency_number(self) -> str:
        return emergency_number_for(self.emergency_country)

    @property
    def history(self) -> list[str]:
        flags = {"cancer": self.has_cancer, "diabetes": self.has_diabetes, "spinal_surgery": self.had_spinal_surgery}
        return [name for name in MEDICAL_HISTORY if flags[name]]

    def set_history(self, names) -> None:
        self.has_cancer = "cancer" in names
        self.has_diabetes = "diabetes" in names
        self.had_spinal_surgery = "spinal_surgery" in names

    def local_today(self, now: datetime | None = None) -> date:
        return (now or datetime.now(tz=zoneinfo.ZoneInfo("UTC"))).astimezone(self.zone).date()
