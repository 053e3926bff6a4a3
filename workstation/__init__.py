"""医保审核工作站 — review workstation for medical-insurance audit teams."""

__version__ = "0.1.0"
