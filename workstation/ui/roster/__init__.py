"""The 人员 view's tabs: staff, compliance dashboard, staff changes, training, contract profiles."""
