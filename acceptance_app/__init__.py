"""acceptance_app: offline joint completion acceptance (联合竣工验收) for inspectors."""

__version__ = "0.1.0"
APP_NAME = "acceptance_app"
