"""The demo project (a residential project in 济南), above services: used by the CLI, the window and test fixtures."""
