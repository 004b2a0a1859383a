"""The 文书 tab: issue documents, preview them (pypdfium2, so signature stamps show), open and print."""
