"""``python -m regie.rules evaluate PATH|-``"""

import sys

from regie.rules.cli import main

if __name__ == "__main__":
    sys.exit(main())
