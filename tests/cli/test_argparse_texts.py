"""argparse's own texts follow the language of the messages, and the usage names the program as typed."""

from __future__ import annotations

import pytest

from acceptance_app import i18n
from acceptance_app.cli import main, program_name


@pytest.mark.parametrize(("argv0", "name"), [
    ("/usr/bin/acceptance-app", "acceptance-app"),
    (r"C:\Users\张伟\AppData\Local\Programs\acceptance-app\acceptance-app-gui.exe", "acceptance-app-gui"),
    ("/opt/acceptance-app/acceptance-app", "acceptance-app"),
    ("/repo/acceptance_app/__main__.py", "python -m acceptance_app"),
])
def test_the_program_is_named_as_the_user_started_it(argv0, name, monkeypatch):
    if "\\" in argv0:  # a Windows path, read with Windows' separators
        import ntpath
        monkeypatch.setattr("acceptance_app.cli.os.path", ntpath)
    assert program_name(argv0) == name


def test_argparse_errors_and_help_are_in_chinese_by_default(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["/usr/bin/acceptance-app"])
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(tmp_path), "photos", "import"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "用法：acceptance-app photos import" in err
    assert "acceptance-app photos import：错误：缺少必需的参数：FILE_OR_FOLDER" in err
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path), "gui", "--help"])
    out = capsys.readouterr().out
    assert "显示此帮助信息并退出" in out and "选项" in out and "show this help" not in out


def test_argparse_texts_in_english_with_lang_en(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["/usr/bin/acceptance-app"])
    try:
        with pytest.raises(SystemExit):
            main(["--data-dir", str(tmp_path), "--lang", "en", "photos", "import"])
        assert "error: the following arguments are required: FILE_OR_FOLDER" in capsys.readouterr().err
    finally:
        i18n.install("zh_CN")
