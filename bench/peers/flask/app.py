"""The blueprint's stack for comparison: Flask + pymongo, its get_example handler with the
same JSON as example-service, run by gunicorn (bench/run.sh starts 5 workers)."""
import os

from bson import ObjectId
from flask import Flask, jsonify
from pymongo import MongoClient

app = Flask(__name__)
examples = MongoClient(os.environ["MONGODB_URI"]).get_default_database("examples")["examples"]


def iso(value):
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def for_json(example):
    return {"id": str(example["_id"]), "name": example.get("name"),
            "description": example.get("description"), "status": example.get("status"),
            "created_at": iso(example.get("created_at")), "updated_at": iso(example.get("updated_at")),
            "user_id": str(example["user_id"]) if example.get("user_id") else None}


@app.get("/api/examples/<example_id>")
def get_example(example_id):
    if not ObjectId.is_valid(example_id):
        return jsonify({"error": "Invalid example ID format", "status": "error"}), 400
    example = examples.find_one({"_id": ObjectId(example_id)})
    if not example:
        return jsonify({"error": "Example not found", "status": "error"}), 404
    return jsonify({"example": for_json(example), "status": "success"})
