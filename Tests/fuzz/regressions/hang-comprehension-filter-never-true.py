# hang-comprehension-filter-never-true: a filtered comprehension whose filter is never true looped through a
# backward conditional jump that never ticked, so Ctrl-C and the budget could not stop it.
# The regression runner expects a clean end: the range is small enough to finish.
x = [i for i in range(10**6) if i > 1e308**8]
print(len(x))
