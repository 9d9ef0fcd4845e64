print('mod_b: executing')
import mod_a
from mod_a import func as a_func
B_VALUE = 'b sees ' + mod_a.VALUE
def call_a(x):
    return a_func(x)
