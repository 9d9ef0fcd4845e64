print('pkg.nested: __init__ executing')
NESTED = 'nested init value'
