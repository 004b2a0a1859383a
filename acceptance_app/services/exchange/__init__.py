"""Exchange: packages between laptops, conflicts, the files that travel with them, push/pull to the hub."""
