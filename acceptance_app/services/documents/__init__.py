"""Documents: issuing opinions, notices, service reports and record sheets, and their inputs."""
