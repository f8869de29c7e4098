"""Template filters that put tracker.labels' plain words where a page would otherwise show a code."""

from django import template

from tracker import labels

register = template.Library()

register.filter("alert_label", labels.alert_label)
register.filter("severity_label", labels.severity_label)
register.filter("past_severity_label", labels.past_severity_label)
register.filter("alert_status_label", labels.alert_status_label)
register.filter("symptom_label", labels.symptom_label)
