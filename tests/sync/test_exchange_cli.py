"""``exchange`` on the command line: export on the lead's laptop, import on another, keys and conflicts."""

from __future__ import annotations

import json
import os
import stat

from acceptance_app.cli import main
from acceptance_app.storage.data_folder import DataFolder


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_import_key_and_conflicts_from_the_command_line(capsys, demo_project, data_folder: DataFolder,
                                                               tmp_path) -> None:  # type: ignore[no-untyped-def]
    lead, other = str(data_folder.root), str(tmp_path / "other")
    package = tmp_path / "project.acpkg"
    code, out, err = run(capsys, "--data-dir", lead, "exchange", "export", "--project", str(demo_project),
                         "--out", str(package), "--json")
    assert code == 0, err
    exported = json.loads(out)
    assert exported["counts"]["answers"] > 0 and package.exists()
    key_file = data_folder.root / "keys" / "device.ed25519"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600

    code, out, err = run(capsys, "--data-dir", other, "exchange", "import", str(package))
    assert code == 2 and "--trust-new-key" in err and out == ""
    code, out, err = run(capsys, "--data-dir", other, "exchange", "import", str(package), "--trust-new-key",
                         "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["package_id"] == exported["package_id"]
    assert report["manifest_sha256"] == exported["manifest_sha256"]
    assert report["counts"]["inserted"] == sum(v for k, v in exported["counts"].items() if k != "files")

    code, out, err = run(capsys, "--data-dir", other, "exchange", "import", str(package))
    assert code == 0 and exported["package_id"] in out  # imported before: nothing changes

    code, out, err = run(capsys, "--data-dir", lead, "exchange", "key", "show", "--json")
    assert code == 0 and len(json.loads(out)["fingerprint"]) == 19
    fingerprint = json.loads(out)["fingerprint"]
    code, out, err = run(capsys, "--data-dir", other, "exchange", "key", "trust", fingerprint, "--revoke")
    assert code == 0 and fingerprint in out

    code, out, err = run(capsys, "--data-dir", other, "exchange", "conflicts", "list", "--json")
    assert code == 0 and json.loads(out) == []
    code, out, err = run(capsys, "--data-dir", other, "exchange", "conflicts", "resolve",
                         "00000000-0000-0000-0000-000000000000", "--keep", "local")
    assert code == 2 and err
