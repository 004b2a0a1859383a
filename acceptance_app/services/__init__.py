"""Use cases. Each takes a SQLAlchemy Session (one unit of work) and returns plain data, and a Changes
set where it changed something. No Qt."""
