# nested dicts and mixed containers
cfg = {'db': {'host': 'localhost', 'port': 5432}, 'debug': True, 'tags': ['a', 'b']}
print(cfg['db']['host'], cfg['db']['port'])
cfg['db']['port'] = 6543
print(cfg['db'])
cfg['tags'].append('c')
print(cfg['tags'])
print(cfg)
tree = {}
for path in ['a/b/c', 'a/b/d', 'a/e', 'f']:
    node = tree
    for part in path.split('/'):
        node = node.setdefault(part, {})
print(tree)


def depth(d):
    if not isinstance(d, dict) or not d:
        return 0
    return 1 + max(depth(v) for v in d.values())


print(depth(tree))


def leaves(d, prefix=''):
    out = []
    for k, v in d.items():
        if v:
            out.extend(leaves(v, prefix + k + '/'))
        else:
            out.append(prefix + k)
    return out


print(leaves(tree))
users = {'u1': {'name': 'Ann', 'roles': ['admin']}, 'u2': {'name': 'Ben', 'roles': []}}
for uid in sorted(users):
    u = users[uid]
    print(uid, u['name'], len(u['roles']))
print([u['name'] for u in users.values() if 'admin' in u['roles']])
matrix = {(i, j): i * j for i in range(3) for j in range(3)}
print(matrix[(2, 2)], sum(matrix.values()))
inv = {}
for k, v in {'a': 1, 'b': 2, 'c': 1}.items():
    inv.setdefault(v, []).append(k)
print(inv)
print({'outer': {'inner': {'deep': [1, {'x': None}]}}})
print(cfg.get('db', {}).get('host'))
print(cfg.get('nope', {}).get('host', 'n/a'))
grid = {r: {c: r + c for c in 'xy'} for r in 'ab'}
print(grid)
for r in grid:
    for c in grid[r]:
        print(r, c, grid[r][c])
