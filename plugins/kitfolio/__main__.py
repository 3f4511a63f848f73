"""``python -m kitfolio``: the same command as ``kitfolio``."""

from kitfolio.cli import main

raise SystemExit(main())
