import logging

from acceptance_app.app_log import LOG_NAME, install_log_file


def test_the_log_file_rotates_in_the_data_folder(tmp_path):
    path = install_log_file(tmp_path / "logs")
    try:
        assert install_log_file(tmp_path / "logs") == path  # a second call adds no second handler
        handlers = [h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(path)]
        assert len(handlers) == 1 and handlers[0].maxBytes == 1_000_000 and handlers[0].backupCount == 4
        logging.getLogger("acceptance_app.test").warning("答案已保存")
        handlers[0].flush()
        assert path.name == LOG_NAME and "答案已保存" in path.read_text("utf-8")
    finally:
        for handler in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()
