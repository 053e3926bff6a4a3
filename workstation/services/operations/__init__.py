"""Contract operations (operations.md): deadlines, volumes and coverage, fees, deductions, reports."""
