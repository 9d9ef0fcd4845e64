print('pkg.sub: executing, __name__ =', __name__)
from . import helper
from .helper import assist
from . import PKG_CONST
def work():
    return assist('sub work') + ' / ' + helper.HELP + ' / ' + PKG_CONST
