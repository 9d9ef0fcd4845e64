print('pkg.nested.deep: executing, __name__ =', __name__)
from .. import helper
from ..sub import work
from . import NESTED
def deep_info():
    return [helper.HELP, work(), NESTED]
