import json

from acceptance_app.settings import SETTINGS_VERSION, Settings, load_settings, save_settings, settings_path


def test_first_load_writes_defaults(tmp_path):
    settings = load_settings(tmp_path)
    assert settings.language == "zh_CN"
    assert json.loads(settings_path(tmp_path).read_text("utf-8"))["version"] == SETTINGS_VERSION


def test_version_1_is_upgraded(tmp_path):
    settings_path(tmp_path).write_text(json.dumps({"version": 1, "language": "zh", "inspector_name": "张伟"}), "utf-8")
    settings = load_settings(tmp_path)
    assert settings.language == "zh_CN" and settings.inspector_name == "张伟" and settings.version == SETTINGS_VERSION


def test_damaged_file_is_kept_aside_and_defaults_used(tmp_path):
    settings_path(tmp_path).write_text("{not json", "utf-8")
    settings = load_settings(tmp_path)
    assert settings == Settings(device_id=settings.device_id)
    assert (tmp_path / "settings.json.damaged").read_text("utf-8") == "{not json"


def test_save_and_reload_round_trip(tmp_path):
    settings = Settings(inspector_name="刘海涛", forms_dir="/srv/forms")
    save_settings(tmp_path, settings)
    assert load_settings(tmp_path) == settings
