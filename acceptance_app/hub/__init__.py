"""The hub: a small FastAPI server a city office runs so that inspectors' laptops exchange packages and the
real-estate registry (验登合一) takes each signed opinion exactly once. Its own database, metadata and
migrations: nothing here shares tables with the laptop's database."""
