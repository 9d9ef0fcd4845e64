print('pkg: __init__ executing')
PKG_CONST = 'pkg constant'
def pkg_func():
    return 'pkg.pkg_func called'
