"""python -m huajin_pwa <command>: the admin command line (see huajin_pwa/cli.py)."""

from huajin_pwa.cli import main

raise SystemExit(main())
