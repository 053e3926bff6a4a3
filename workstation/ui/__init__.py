"""PySide6 interface. Only this package imports Qt."""
