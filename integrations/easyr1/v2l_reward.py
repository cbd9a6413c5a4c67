"""EasyR1 reward function that asks the video2layout reward service.

Use it in EasyR1's config (reward_type must be batch):

    worker:
      reward:
        reward_type: batch
        reward_function: ./integrations/easyr1/v2l_reward.py:compute_score

and start the service first, next to the trainer:

    ./v2l reward serve --port 8123            # Video2Layout's reward, exactly
    ./v2l reward serve --kind v2l-map --map-weight 0.1 --consistency-weight 0.1

The service URL comes from V2L_REWARD_URL (default http://127.0.0.1:8123). Only Python's standard library is used.
Each input's "response" and "ground_truth" are sent, plus "question_type", "options", "objects", "params" and
"gt_layout" when the dataset row carried them (the v2l-map reward uses them).
"""

import json
import os
import urllib.error
import urllib.request
from typing import Any, Dict, List

DEFAULT_URL = "http://127.0.0.1:8123"
OPTIONAL_FIELDS = ("question_type", "options", "objects", "params", "gt_layout")
TIMEOUT_SECONDS = float(os.environ.get("V2L_REWARD_TIMEOUT", "600"))


def _url() -> str:
    return os.environ.get("V2L_REWARD_URL", DEFAULT_URL).rstrip("/")


def compute_score(reward_inputs: List[Dict[str, Any]], format_weight: float = 0.1) -> List[Dict[str, float]]:
    """Scores a batch of rollouts: a list of {"overall", "format", "accuracy"} in input order."""
    if not isinstance(reward_inputs, list):
        raise ValueError("Please use `reward_type=batch` for the video2layout reward function.")
    records = []
    for item in reward_inputs:
        record = {"response": item["response"], "ground_truth": item["ground_truth"]}
        for key in OPTIONAL_FIELDS:
            if item.get(key) is not None:
                record[key] = item[key]
        records.append(record)
    body = json.dumps(records).encode("utf-8")
    url = f"{_url()}/score?format_weight={float(format_weight)!r}"
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            scores = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace")
        raise RuntimeError(f"video2layout reward service at {_url()} refused the batch (HTTP {e.code}): {detail}") from e
    except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
        reason = getattr(e, "reason", e)
        raise RuntimeError(
            f"video2layout reward service at {_url()} is not reachable ({reason}). "
            f"Start it with './v2l reward serve --port 8123' or set V2L_REWARD_URL."
        ) from e
    if len(scores) != len(reward_inputs):
        raise RuntimeError(f"video2layout reward service returned {len(scores)} scores for {len(reward_inputs)} inputs")
    return scores
