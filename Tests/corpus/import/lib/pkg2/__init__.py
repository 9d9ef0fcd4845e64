from .part import PART
from . import other
INIT_SEES = PART + ' + ' + other.OTHER
