# a larger document survives dumps/loads unchanged
import json

doc = []
for i in range(40):
    doc.append({
        "id": i,
        "name": "item %d" % i,
        "price": i * 1.25,
        "tags": ["t%d" % (i % 7), "t%d" % (i % 11)],
        "active": i % 3 == 0,
        "parent": None if i % 5 else i // 5,
        "big": 10 ** (i % 25),
        "nested": {"a": [i, [i, [i]]], "s": "x\"y\\z\n"},
    })
text = json.dumps(doc)
print(len(text))
back = json.loads(text)
print(back == doc)
print(json.dumps(back) == text)
print(json.loads(json.dumps(back[17])))
compact = json.dumps(doc, separators=(",", ":"))
print(len(compact), json.loads(compact) == doc)
