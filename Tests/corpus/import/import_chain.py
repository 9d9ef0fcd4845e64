# modules importing other modules
import sys
sys.path.insert(0, 'lib')
import mod_b
print(mod_b.B_VALUE)
print(mod_b.call_a(5))
print(mod_b.mod_a.VALUE)
import mod_a
print(mod_a is mod_b.mod_a)
mod_a.bump()
print(mod_b.mod_a.counter)
print(sorted(m for m in ('mod_a', 'mod_b') if m in sys.modules))
