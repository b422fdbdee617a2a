"""Seeds the examples collection with N examples (the blueprint's document shape) and
writes their ids, one a line, for the load scripts. Usage: seed.py MONGO_URI N IDS_FILE"""
import sys
from datetime import datetime, timezone

from bson import ObjectId
from pymongo import MongoClient

uri, count, ids_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
examples = MongoClient(uri).get_default_database("examples")["examples"]
examples.delete_many({})
now = datetime.now(timezone.utc).replace(microsecond=0)
docs = [{"_id": ObjectId(), "name": f"bench example {i}",
         "description": f"an example to read under load, number {i}", "status": "active",
         "created_at": now, "updated_at": None, "user_id": "bench-user", "version": 0}
        for i in range(count)]
for start in range(0, count, 1000):
    examples.insert_many(docs[start:start + 1000])
with open(ids_file, "w") as out:
    out.writelines(f"{doc['_id']}\n" for doc in docs)
print(f"seeded {count} examples")
