"""Reading checklist forms and jurisdiction tables from YAML files, with line numbers for every problem."""
