"""python -m refimpl.figures --out DIR: render every figure of the site."""

import sys

from refimpl.figures import main

sys.exit(main())
