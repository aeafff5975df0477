"""``python -m fromto`` runs the command-line interface."""

from fromto.cli import main

raise SystemExit(main())
