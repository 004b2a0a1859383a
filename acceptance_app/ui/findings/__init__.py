"""The findings tab of a unit and the rectification dashboard of a project."""
