import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_text_has_an_english_translation():
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "missing"], capture_output=True, text=True)
    assert res.returncode == 0, "untranslated UI texts:\n" + res.stdout
