# circular imports see partially initialised modules
import sys
sys.path.insert(0, 'lib')
import cyc_a
print(cyc_a.A_LATE)
import cyc_b
print(cyc_b.B_VALUE)
print(cyc_b.cyc_a is cyc_a, cyc_a.cyc_b is cyc_b)
