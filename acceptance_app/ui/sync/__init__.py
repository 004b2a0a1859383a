"""The 同步 tab: hub status, push/pull, exchange packages as files, conflicts."""
