"""Translation files of the UI (Chinese source, English translation).

  python tools/i18n.py update          # run lupdate: one resources/i18n/en/<module>.ts per UI module
  python tools/i18n.py missing         # list source texts with no English yet (exit 1 if any)
  python tools/i18n.py set FILE.json   # fill translations: {"context": {"源文本": "English"}} or {"源文本": "English"}
  python tools/i18n.py compile         # lrelease every .ts into resources/i18n/qm/
"""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
UI = ROOT / "workstation" / "ui"
TS_DIR = ROOT / "resources" / "i18n" / "en"


def _ts_name(py: Path) -> str:
    rel = py.relative_to(UI).with_suffix("")
    return "_".join(rel.parts) + ".ts"


def _lupdate() -> str:
    import PySide6

    return str(Path(PySide6.__file__).parent / "lupdate")


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for py in sorted(UI.rglob("*.py")):
        text = py.read_text(encoding="utf-8")
        if "tr(" not in text and "translate(" not in text:
            continue
        ts = TS_DIR / _ts_name(py)
        subprocess.run([_lupdate(), "-silent", "-no-obsolete", "-source-language", "zh_CN", "-target-language", "en",
                        str(py), "-ts", str(ts)], check=True)
        tree = ET.parse(ts)
        if not tree.getroot().findall(".//message"):
            ts.unlink()


def _messages():
    for ts in sorted(TS_DIR.glob("*.ts")):
        tree = ET.parse(ts)
        for ctx in tree.getroot().findall("context"):
            name = ctx.findtext("name")
            for msg in ctx.findall("message"):
                yield ts, tree, name, msg


def missing() -> int:
    n = 0
    for ts, _tree, ctx, msg in _messages():
        tr = msg.find("translation")
        if tr is None or not (tr.text or "").strip() or tr.get("type") == "unfinished":
            n += 1
            print(f"{ts.name}\t{ctx}\t{msg.findtext('source')}")
    return 1 if n else 0


def set_from(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    changed = {}
    for ts, tree, ctx, msg in _messages():
        src = msg.findtext("source")
        value = None
        if isinstance(data.get(ctx), dict):
            value = data[ctx].get(src)
        if value is None and isinstance(data.get(src), str):
            value = data[src]
        if value is None:
            continue
        tr = msg.find("translation")
        tr.text = value
        tr.attrib.pop("type", None)
        changed[ts] = tree
    for ts, tree in changed.items():
        tree.write(ts, encoding="utf-8", xml_declaration=True)


def compile_all() -> None:
    from workstation.ui.i18n import compile_translations

    out = ROOT / "resources" / "i18n" / "qm"
    for qm in compile_translations("en", out):
        pass
    print(f"compiled {len(list(out.glob('*.qm')))} translation files")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "update"
    if cmd == "update":
        update()
    elif cmd == "missing":
        sys.exit(missing())
    elif cmd == "set":
        set_from(Path(sys.argv[2]))
    elif cmd == "compile":
        compile_all()
    else:
        sys.exit(__doc__)
