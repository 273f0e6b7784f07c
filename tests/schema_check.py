"""The published JSON Schema accepts the sample feed and rejects what the parser skips.

Run by `make test`; keeps public/schema/feed-v1.json true to the parser.
"""
import copy, json, pathlib, subprocess, sys

try:
    import jsonschema
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "jsonschema"], check=True)
    import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "public/schema/feed-v1.json").read_text())
sample = json.loads((root / "public/events.json").read_text())
validator = jsonschema.Draft202012Validator(schema)
jsonschema.Draft202012Validator.check_schema(schema)
errors = list(validator.iter_errors(sample))
assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]

def rejects(mutate, why):
    feed = copy.deepcopy(sample)
    mutate(feed["events"][0])
    assert list(validator.iter_errors(feed)), f"schema accepts an event with {why}"

rejects(lambda e: e.pop("title"), "no title")
rejects(lambda e: e.update(format="on_mars"), "an unknown format")
rejects(lambda e: e.update(start="04/12/2020"), "a non-ISO start")
rejects(lambda e: e.update(recordingUrl="javascript:alert(1)"), "a javascript: link")
rejects(lambda e: e.pop("end"), "a timed event without end")
rejects(lambda e: e.update(source=["cluj"]), "a source that is not an id")

# A merged feed (citycal merge, docs/network.md): sources, and each event's source.
merged = copy.deepcopy(sample)
merged["sources"] = [{"id": "cluj", "name": {"en": "Cluj UIU"}}, {"id": "torino", "name": "Torino"}]
merged["events"][0].update(source="cluj", alsoIn=["torino"])
errors = list(validator.iter_errors(merged))
assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
merged["sources"].append({"id": "gdansk"})
assert list(validator.iter_errors(merged)), "schema accepts a source without a name"
print(f"schema_check: 1 passed, 0 failed (sample feed with {len(sample['events'])} events valid, and merged; 7 invalid variants rejected)")
