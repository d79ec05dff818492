#!/usr/bin/python3
"""A station written the way the original Python system writes one (paho-mqtt, QoS 1).

Usage: paho_station.py HOST PORT STATION < reports
Each stdin line is "boat_id x y"; each becomes one original-format payload on DATA/<STATION>.
Exits 0 once every publish was acknowledged by the broker.
"""
import json
import sys
import time

import paho.mqtt.client as paho

host, port, station = sys.argv[1], int(sys.argv[2]), sys.argv[3]
client = paho.Client(client_id="paho-" + station)
client.will_set("notifications", payload="paho-%s died." % station, qos=1, retain=True)
client.connect(host, port)
client.loop_start()
infos = []
for line in sys.stdin:
    boat, x, y = line.split()
    event = json.dumps({"boat_id": int(boat),
                        "position": {"ts": time.time(), "x": float(x), "y": float(y), "port_id": station}})
    infos.append(client.publish("DATA/" + station, payload=event, qos=1))
for info in infos:
    info.wait_for_publish()
client.loop_stop()
client.disconnect()
print("published %d" % len(infos))
