print('show_name: __name__ is', __name__)
is_main = __name__ == '__main__'
