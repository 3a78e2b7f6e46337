"""indivisible: the Euro-Atlantic security architecture, computable.

The package is laid out by the rooms of the design: ``record`` (who is bound by what, when),
and the interfaces in ``cli``. Heavy dependencies are imported lazily so that
``indivisible --help`` stays fast.
"""

from indivisible._errors import IndivisibleError, InputError

__all__ = ["IndivisibleError", "InputError", "__version__"]
__version__ = "0.1.0"
