# a small custom exception hierarchy
class AppError(Exception):
    code = 1
class ConfigError(AppError):
    code = 2
class MissingKey(ConfigError):
    code = 3
class NetworkError(AppError):
    code = 4
def fail(kind):
    raise {'app': AppError, 'cfg': ConfigError, 'key': MissingKey, 'net': NetworkError}[kind]('failure ' + kind)
for kind in ['app', 'cfg', 'key', 'net']:
    try:
        fail(kind)
    except ConfigError as e:
        print('config-ish', type(e).__name__, e.code, e)
    except AppError as e:
        print('app-ish', type(e).__name__, e.code, e)
try:
    fail('key')
except Exception as e:
    print('also an Exception', isinstance(e, LookupError), e.args)
print(issubclass(MissingKey, AppError), issubclass(MissingKey, LookupError), issubclass(NetworkError, ConfigError))
def classify(e):
    if isinstance(e, MissingKey):
        return 'missing'
    if isinstance(e, ConfigError):
        return 'config'
    return 'other'
print([classify(c('x')) for c in (MissingKey, ConfigError, NetworkError, AppError)])
