print('pkg.helper: executing, __name__ =', __name__)
HELP = 'help text'
def assist(x):
    return 'assisted ' + str(x)
