print('runs_once: module body executed')
loads = [1]
