print('cyc_a: start')
A_EARLY = 'a early'
import cyc_b
A_LATE = 'a late, b says ' + cyc_b.B_VALUE
print('cyc_a: end')
