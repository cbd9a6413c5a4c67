"""GRPO-like rollouts for the reward benchmarks, one JSON object per line: {"response", "ground_truth"}.

Each response is a v2lo map of 3-8 objects in <map> tags, a short think and an answer (~540 characters); half the
ground truths are letters, half numbers; a third of the answers are wrong. Seeded: the same N gives the same file.
Usage: python3 rollouts.py N OUT.jsonl
"""
import json, random, sys
r = random.Random(7)
labels = ["sofa", "chair", "table", "tv", "bed", "lamp", "cabinet", "plant"]
n = int(sys.argv[1])
with open(sys.argv[2], "w") as f:
    for i in range(n):
        k = 3 + r.randrange(6)
        objs = []
        for j in range(k):
            x = round(r.uniform(-4, 4), 1); y = round(r.uniform(0, 7), 1)
            objs.append('{"object_name": "%s", "bbox": [%s, %s, %s, %s]}' % (r.choice(labels), x, y, round(x + 0.8, 1), round(y + 0.6, 1)))
        letter = r.random() < 0.5
        gt = chr(65 + r.randrange(4)) if letter else str(1 + r.randrange(40) / 10.0)
        ans = ("B" if letter else "2.5") if r.randrange(3) == 0 else gt
        resp = "<map>Establish a bird's-eye view : [" + ", ".join(objs) + "]</map>" + ("\n" if r.random() < 0.5 else "") + \
            "<think>Forward is (0.0, 1.0); the lamp is at (-1.2, 0.4); cross < 0 / so it is on the left.</think><answer>" + ans + "</answer>"
        f.write(json.dumps({"response": resp, "ground_truth": gt}) + "\n")
