#!/usr/bin/python3
"""A consumer written the way the original system's consumers read events (paho-mqtt, json.loads).

Usage: paho_consumer.py HOST PORT COUNT
Subscribes to EVENT/#, prints "subscribed", then reads COUNT events. Each one's header.ts must be
an int, as the original's int(time.time()) printed it. Prints "ints COUNT" and exits 0, or names the
first event that fails and exits 1. Gives up after 60 s.
"""
import json
import sys
import threading

import paho.mqtt.client as paho

host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
seen = []
failed = []
done = threading.Event()
subscribed = threading.Event()


def on_connect(client, userdata, flags, rc):
    client.subscribe("EVENT/#", qos=1)


def on_subscribe(client, userdata, mid, granted_qos):
    subscribed.set()


def on_message(client, userdata, msg):
    ts = json.loads(msg.payload)["header"]["ts"]
    if not isinstance(ts, int) or isinstance(ts, bool):
        failed.append("%s: header.ts is %s: %r" % (msg.topic, type(ts).__name__, ts))
        done.set()
    seen.append(ts)
    if len(seen) >= count:
        done.set()


client = paho.Client(client_id="paho-consumer")
client.on_connect = on_connect
client.on_subscribe = on_subscribe
client.on_message = on_message
client.connect(host, port)
client.loop_start()
if not subscribed.wait(30):
    print("not subscribed after 30 s")
    sys.exit(1)
print("subscribed", flush=True)
done.wait(60)
client.loop_stop()
client.disconnect()
if failed:
    print(failed[0])
    sys.exit(1)
print("ints %d" % len(seen))
sys.exit(0 if len(seen) == count else 1)
