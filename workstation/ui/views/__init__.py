"""The main window's views, in navigation order.

Each entry is (view id, module, class name); the class takes a UiContext and
subclasses views.base.View. Modules are imported lazily so that a broken
view cannot keep the others from opening.
"""
VIEWS = (
    ("home", "home_view", "HomeView"),  # the first view after login (#19)
    ("queue", "queue_view", "QueueView"),
    ("settlements", "settlements_view", "SettlementsView"),
    ("flags", "flags_view", "FlagsView"),
    ("risk", "risk_view", "RiskView"),
    ("rules", "rules_view", "RulesView"),
    ("sampling", "sampling_view", "SamplingView"),
    ("dossiers", "dossiers_view", "DossiersView"),
    ("roster", "roster_view", "RosterView"),
    ("attendance", "attendance_view", "AttendanceView"),
    ("fieldwork", "fieldwork_view", "FieldworkView"),
    ("receipts", "receipt_check_view", "ReceiptCheckView"),  # issue 21
    ("inspections", "inspections_view", "InspectionsView"),  # issue 21
    ("reports", "reports_view", "ReportsView"),  # #19
    ("settings", "settings_view", "SettingsView"),
)
