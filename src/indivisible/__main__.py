"""``python -m indivisible``: the same as the ``indivisible`` console script."""

from indivisible.cli import run

if __name__ == "__main__":
    run()
