"""The FastAPI baseline of `make bench`: the latest prediction per vessel, as the same
stored bytes Leeway's cache serves, with the same ETag and If-None-Match handling.

Loads `{"vessel id": {"body": "...", "etag": "\"...\"", "event_time": s, "timestamp": s}}`
from the file named by LEEWAY_BENCH_PREDICTIONS and serves GET
/v1/vessels/{vessel_id}/prediction with the ages and freshness headers Leeway sends.
Run with: uvicorn fastapi_cache:app --workers 2 --no-access-log
"""
import json
import os
import time

from fastapi import FastAPI, Request, Response

with open(os.environ["LEEWAY_BENCH_PREDICTIONS"]) as file:
    PREDICTIONS = {vessel: (entry["body"].encode(), entry["etag"], entry["event_time"], entry["timestamp"])
                   for vessel, entry in json.load(file).items()}
STALE_AFTER, EXPIRED_AFTER, MAX_AGE = 900, 21600, 5

app = FastAPI()


@app.get("/v1/vessels/{vessel_id}/prediction")
async def prediction(vessel_id: str, request: Request) -> Response:
    found = PREDICTIONS.get(vessel_id)
    if found is None:
        return Response(b'{"title":"no such vessel"}', status_code=404, media_type="application/problem+json")
    body, etag, event_time, timestamp = found
    now = time.time()
    age = max(0.0, now - event_time)
    freshness = "fresh" if age < STALE_AFTER else "stale" if age < EXPIRED_AFTER else "expired"
    headers = {
        "ETag": etag, "Cache-Control": "no-cache" if freshness == "expired" else f"max-age={MAX_AGE}",
        "Leeway-Age": str(int(age)), "Leeway-Record-Age": str(int(max(0.0, now - timestamp))),
        "Leeway-Freshness": freshness,
    }
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)
