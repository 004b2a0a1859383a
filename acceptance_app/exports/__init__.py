"""Office exports (XLSX workbook, CSV history): service data worded in the user's language. Above services
like the CLI, so they may use acceptance_app.text; both the window and the CLI call them."""
