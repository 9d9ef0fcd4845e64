# user objects as dict keys and set members
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, Point) and self.x == o.x and self.y == o.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return 'P(%d,%d)' % (self.x, self.y)
visited = set()
for p in [Point(0, 0), Point(1, 0), Point(0, 0), Point(1, 1), Point(1, 0)]:
    if p in visited:
        print('seen', p)
    else:
        visited.add(p)
print(len(visited))
print(sorted(visited, key=lambda p: (p.x, p.y)))
dist = {Point(0, 0): 0}
dist[Point(1, 1)] = 2
dist[Point(0, 0)] += 10
print(dist[Point(0, 0)], dist[Point(1, 1)], len(dist))
print(Point(5, 5) in dist, dist.get(Point(5, 5), 'absent'))
del dist[Point(1, 1)]
print(list(dist.values()))
counts = {}
for p in [Point(1, 2), Point(1, 2), Point(2, 1)]:
    counts[p] = counts.get(p, 0) + 1
print(sorted(counts.values()))
print([Point(1, 2), Point(3, 4)].index(Point(3, 4)))
print(Point(1, 2) in [Point(0, 0), Point(1, 2)])
