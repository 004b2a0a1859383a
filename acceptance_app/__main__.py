import sys

from acceptance_app.cli import main

sys.exit(main())
