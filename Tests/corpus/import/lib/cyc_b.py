print('cyc_b: start')
import cyc_a
B_VALUE = 'b sees ' + cyc_a.A_EARLY
print('cyc_b: end')
