/*
 * Watchkeeper dashboard: plain ES2017, no build step, no framework, no CDN (works offline).
 *
 * Data: GET /api/vessels (polled every 2 s), /api/vessels/{id} (the selected vessel's track and
 * events), /api/zones, /api/machines, /api/events (a backfill of the feed) and the live stream
 * /api/events/stream (Server-Sent Events, "event: event" with one envelope per message).
 *
 * Basemap: land and coastlines from vendor/world-atlas/land-50m.json (Natural Earth 1:50m TopoJSON,
 * decoded with vendor/topojson-client), a graticule drawn here and the engine's zones; no tile server is
 * needed. Optional tiles instead of the land with ?tiles=<Leaflet URL template>, e.g.
 * ?tiles=https://tile.openstreetmap.org/{z}/{x}/{y}.png
 *
 * Machines: vendor/mermaid/mermaid.min.js is loaded when the tab is first opened and renders each
 * machine's Mermaid text (from the engine's own definitions) to SVG.
 *
 * SECURITY: AIS names, call signs, destinations, zone names and event details are untrusted (AIS
 * 6-bit ASCII includes < > " ' &). They only ever reach the DOM through textContent, attributes set
 * with setAttribute/dataset, or DOM nodes handed to Leaflet; never through innerHTML or an HTML
 * string. The el() helper below is the one way this file builds elements. The one exception is
 * Mermaid's SVG, made from the engine's machine definitions: Mermaid runs with securityLevel 'strict'
 * (labels escaped, output sanitised by its DOMPurify) and the SVG is parsed as XML and imported, so
 * no script in it could run.
 */
(function () {
  'use strict';

  const POLL_MS = 2000;
  const FEED_MAX = 200;
  const TRAIL_POINTS = 12;
  const ZONES_ALL_MAX = 2000;   // fewer zones than this: load them once; more: load the visible ones
  const ZONES_MIN_ZOOM = 5;     // ... and only from this zoom on

  // ---------------------------------------------------------------- palette (the legend documents it)
  // A vessel's colour comes from its states, first match wins: alarms before port calls before motion.
  // An entry with a machine matches that machine's state only: a pair ending 'silent' (one ship went
  // quiet) is no AIS gap of this vessel, and 'warning' is the collision-risk machine's.
  const PALETTE = [
    { key: 'cpa', label: 'collision risk', color: '#a3195b', states: ['warning'], machine: 'cpa' },
    { key: 'silent', label: 'AIS gap (silent)', color: '#8e99a4', states: ['silent'], machine: 'ais-gap' },
    { key: 'speeding', label: 'speeding', color: '#d64545', states: ['speeding'] },
    { key: 'drifting', label: 'drifting', color: '#e8833a', states: ['drifting'] },
    { key: 'loitering', label: 'loitering', color: '#9b59b6', states: ['loitering'] },
    { key: 'berthed', label: 'berthed', color: '#1d4e89', states: ['berthed'] },
    { key: 'at_anchor', label: 'at anchor', color: '#138d90', states: ['at_anchor'] },
    { key: 'in_port', label: 'in port', color: '#4aa3df', states: ['in_port', 'unberthed'] },
    { key: 'moving', label: 'moving', color: '#2e9e5b', states: ['moving'] },
    { key: 'resting', label: 'resting', color: '#c9a227', states: ['resting'] },
    { key: 'unknown', label: 'no state yet', color: '#7a8793', states: [] }
  ];
  const ZONE_STYLE = {
    port: { color: '#1d4e89', label: 'port' },
    anchorage: { color: '#138d90', label: 'anchorage' },
    berth: { color: '#6c3483', label: 'berth' },
    speed_limit: { color: '#d64545', label: 'speed limit' },
    other: { color: '#5b6b79', label: 'other zone' }
  };

  function matches(p, machine, state) {
    return (!p.machine || p.machine === machine) && p.states.indexOf(state) >= 0;
  }

  function paletteFor(states) {
    const machines = Object.keys(states || {});
    for (const p of PALETTE) {
      if (machines.some(function (m) { return matches(p, m, String(states[m])); })) {
        return p;
      }
    }
    return PALETTE[PALETTE.length - 1];
  }

  function colorForState(state, machine) {
    for (const p of PALETTE) {
      if (matches(p, machine, state)) {
        return p.color;
      }
    }
    return '#b7c2cc';
  }

  // ---------------------------------------------------------------- DOM helpers (text only, never HTML)
  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  const SVG_NS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) {
      return;
    }
    Object.keys(attrs).forEach(function (k) {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) {
        return;
      }
      if (k === 'text') {
        node.textContent = String(v);
      } else if (k === 'dataset') {
        Object.keys(v).forEach(function (d) { node.dataset[d] = String(v[d]); });
      } else {
        node.setAttribute(k, String(v));
      }
    });
  }

  function append(node, children) {
    if (children === null || children === undefined) {
      return;
    }
    (Array.isArray(children) ? children : [children]).forEach(function (c) {
      if (c === null || c === undefined || c === false) {
        return;
      }
      node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    });
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function $(id) {
    return document.getElementById(id);
  }

  function present(v) {
    return v !== null && v !== undefined && v !== '';
  }

  function orDash(v) {
    return present(v) ? String(v) : '—';
  }

  function fmtNumber(v, digits) {
    return typeof v === 'number' && isFinite(v) ? v.toFixed(digits) : null;
  }

  /** "HH:MM:SS" in UTC, from an ISO-8601 string. */
  function fmtTime(iso) {
    const d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso || '') : d.toISOString().substring(11, 19);
  }

  function fmtDateTime(iso) {
    const d = new Date(iso);
    return isNaN(d.getTime()) ? orDash(iso) : d.toISOString().replace('T', ' ').substring(0, 19) + ' UTC';
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) {
        const err = new Error(url + ': HTTP ' + r.status);
        err.status = r.status;
        throw err;
      }
      return r.json();
    });
  }

  // ---------------------------------------------------------------- map and basemap
  const map = L.map('map', { worldCopyJump: true, preferCanvas: false, zoomControl: true, minZoom: 2 })
    .setView([30, 0], 2);
  map.attributionControl.setPrefix('Leaflet');
  L.control.scale({ imperial: false, position: 'bottomright' }).addTo(map);
  const canvas = L.canvas({ padding: 0.3 });

  const tiles = new URLSearchParams(window.location.search).get('tiles');
  const tilesShown = Boolean(tiles && /^(https?:\/\/|\/)/i.test(tiles));
  if (tilesShown) {
    // The template comes from the address bar, so it is used as a URL only and never shown as HTML.
    L.tileLayer(tiles, { maxZoom: 19, attribution: 'custom tiles (?tiles=)' }).addTo(map);
  }

  // ---------------------------------------------------------------- land (offline, unless tiles)
  const LAND_URL = 'vendor/world-atlas/land-50m.json';
  map.createPane('land');
  map.getPane('land').style.zIndex = '250';   // above tiles (200), below zones, trails and vessels (400+)
  const css = getComputedStyle(document.documentElement);
  const LAND_STYLE = { color: css.getPropertyValue('--coast').trim(), weight: 0.8, opacity: 1,
    fillColor: css.getPropertyValue('--land').trim(), fillOpacity: 1, interactive: false };

  /** Natural Earth's land, decoded from TopoJSON: one canvas in its own pane, under everything else. */
  function drawLand(topology) {
    const land = topojson.feature(topology, topology.objects.land);
    const style = Object.assign({ renderer: L.canvas({ pane: 'land', padding: 0.3 }) }, LAND_STYLE);
    L.geoJSON(land, { pane: 'land', style: function () { return style; } }).addTo(map);
    map.attributionControl.addAttribution('land: Natural Earth');
    document.body.dataset.land = String(land.features.length);
  }

  if (!tilesShown) {
    getJson(LAND_URL).then(drawLand).catch(function (e) {
      document.body.dataset.land = 'failed';
      if (window.console) console.warn('land layer not drawn', e);
    });
  }

  const graticule = L.layerGroup().addTo(map);
  function graticuleStep(zoom) {
    if (zoom <= 3) return 10;
    if (zoom <= 4) return 5;
    if (zoom <= 5) return 2;
    if (zoom <= 6) return 1;
    if (zoom <= 8) return 0.5;
    if (zoom <= 9) return 0.25;
    if (zoom <= 11) return 0.1;
    if (zoom <= 13) return 0.05;
    return 0.01;
  }

  function fmtDegrees(v, pos, neg) {
    const a = Math.abs(v);
    const text = Number.isInteger(Math.round(a * 100) / 100) ? String(Math.round(a)) : String(Math.round(a * 100) / 100);
    return text + '°' + (v > 0 ? pos : v < 0 ? neg : '');
  }

  function drawGraticule() {
    graticule.clearLayers();
    const b = map.getBounds();
    const step = graticuleStep(map.getZoom());
    const south = Math.max(-85, Math.floor(b.getSouth() / step) * step);
    const north = Math.min(85, Math.ceil(b.getNorth() / step) * step);
    const west = Math.floor(b.getWest() / step) * step;
    const east = Math.ceil(b.getEast() / step) * step;
    if ((east - west) / step > 400 || (north - south) / step > 400) {
      return;
    }
    const round = function (v) { return Math.round(v * 1e6) / 1e6; };
    const style = function (v) {
      const major = Math.abs(v % 10) < 1e-9;
      return { color: major ? '#a9bccb' : '#c9d6e0', weight: major ? 1 : 0.7, interactive: false, renderer: canvas };
    };
    for (let lon = west; lon <= east + 1e-9; lon += step) {
      const x = round(lon);
      graticule.addLayer(L.polyline([[south, x], [north, x]], style(x)));
      const wrapped = ((x + 540) % 360) - 180;
      graticule.addLayer(L.marker([b.getSouth(), x], {
        interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'grid-label grid-label-lon', html: el('span', { text: fmtDegrees(wrapped, 'E', 'W') }),
          iconSize: null, iconAnchor: [-3, 16] })
      }));
    }
    for (let lat = south; lat <= north + 1e-9; lat += step) {
      const y = round(lat);
      graticule.addLayer(L.polyline([[y, west], [y, east]], style(y)));
      graticule.addLayer(L.marker([y, b.getEast()], {
        interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'grid-label grid-label-lat', html: el('span', { text: fmtDegrees(y, 'N', 'S') }),
          iconSize: null, iconAnchor: [4, 14] })
      }));
    }
  }

  // ---------------------------------------------------------------- zones
  const zoneLayer = L.geoJSON(null, {
    style: function (f) {
      const s = ZONE_STYLE[(f.properties || {}).kind] || ZONE_STYLE.other;
      return { color: s.color, weight: 1.2, opacity: 0.75, fillOpacity: 0.07, dashArray: '4 3', renderer: canvas };
    },
    pointToLayer: function (f, latlng) {
      const p = f.properties || {};
      const radius = typeof p.radius_m === 'number' && p.radius_m > 0 ? p.radius_m : 500;
      return L.circle(latlng, { radius: radius, renderer: canvas });
    },
    onEachFeature: function (f, layer) {
      layer.bindTooltip(function () {
        const p = f.properties || {};
        const s = ZONE_STYLE[p.kind] || ZONE_STYLE.other;
        const speed = typeof p.speed_limit_kn === 'number' ? ' · limit ' + p.speed_limit_kn + ' kn' : '';
        return el('span', { class: 'zone-label' }, [el('b', { text: orDash(p.name) }), ' ', s.label + speed]);
      }, { sticky: true });
    }
  }).addTo(map);

  let zonesMode = 'all';         // 'all': loaded once; 'bbox': the visible ones, from ZONES_MIN_ZOOM on
  let zonesRequest = 0;
  let zonesTimer = null;

  function loadZones(url) {
    const ticket = ++zonesRequest;
    return getJson(url).then(function (fc) {
      if (ticket !== zonesRequest) {
        return null;
      }
      zoneLayer.clearLayers();
      zoneLayer.addData(fc);
      return fc;
    });
  }

  function refreshZones() {
    if (zonesMode !== 'bbox') {
      return;
    }
    if (map.getZoom() < ZONES_MIN_ZOOM) {
      zonesRequest++;
      zoneLayer.clearLayers();
      return;
    }
    const b = map.getBounds().pad(0.25);
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(4); });
    loadZones('/api/zones?bbox=' + bbox.join(',')).catch(function () { /* the next move retries */ });
  }

  getJson('/api/zones').then(function (fc) {
    const features = (fc && fc.features) || [];
    if (features.length <= ZONES_ALL_MAX) {
      zoneLayer.addData(fc);
    } else {
      zonesMode = 'bbox';
      $('legend-zone-note').textContent = features.length + ' zones: zoom in to see them';
      refreshZones();
    }
  }).catch(function () { /* zones are optional */ });

  map.on('moveend', function () {
    drawGraticule();
    clearTimeout(zonesTimer);
    zonesTimer = setTimeout(refreshZones, 250);
  });

  // ---------------------------------------------------------------- weather stations
  // The latest report of each AIS weather station (type 8 met/hydro), from /api/weather; text only via
  // textContent, like everything else on the page.
  const WEATHER_MS = 10000;
  const WEATHER_COLOR = '#0b7285';
  const weatherLayer = L.layerGroup().addTo(map);

  function weatherRows(w) {
    const rows = [
      ['wind', present(w.windKnots) ? fmtNumber(w.windKnots, 0) + ' kn' +
        (present(w.gustKnots) ? ' (gust ' + fmtNumber(w.gustKnots, 0) + ')' : '') +
        (present(w.windFromDegrees) ? ' from ' + fmtNumber(w.windFromDegrees, 0) + '°' : '') : null],
      ['air', present(w.airCelsius) ? fmtNumber(w.airCelsius, 1) + ' °C' : null],
      ['pressure', present(w.pressureHpa) ? fmtNumber(w.pressureHpa, 0) + ' hPa' : null],
      ['visibility', present(w.visibilityNm) ? fmtNumber(w.visibilityNm, 1) + ' nm' : null],
      ['water level', present(w.waterLevelMetres) ? fmtNumber(w.waterLevelMetres, 2) + ' m' : null],
      ['waves', present(w.waveMetres) ? fmtNumber(w.waveMetres, 1) + ' m' : null],
      ['water', present(w.waterCelsius) ? fmtNumber(w.waterCelsius, 1) + ' °C' : null]
    ].filter(function (r) { return r[1] !== null; });
    return rows.length ? rows : [['', 'no values reported']];
  }

  function drawWeather(body) {
    weatherLayer.clearLayers();
    ((body && body.stations) || []).forEach(function (w) {
      if (!present(w.lat) || !present(w.lon)) return;
      const marker = L.circleMarker([w.lat, w.lon], { radius: 6, color: WEATHER_COLOR, weight: 2, fillColor: '#ffffff',
        fillOpacity: 0.9, renderer: canvas });
      marker.bindTooltip(function () {
        return el('div', { class: 'weather-label', dataset: { station: w.station } }, [
          el('b', { text: 'weather station ' + w.station }),
          el('div', { class: 'muted', text: fmtDateTime(w.receivedAt) })
        ].concat(weatherRows(w).map(function (r) { return el('div', { text: (r[0] ? r[0] + ': ' : '') + r[1] }); })));
      });
      weatherLayer.addLayer(marker);
    });
    $('legend-weather-note').textContent = weatherLayer.getLayers().length + ' heard';
  }

  function pollWeather() {
    getJson('/api/weather').then(drawWeather).catch(function () { /* the next poll retries */ })
      .then(function () { setTimeout(pollWeather, WEATHER_MS); });
  }

  // ---------------------------------------------------------------- legend
  const legend = L.control({ position: 'bottomleft' });
  legend.onAdd = function () {
    const rows = PALETTE.map(function (p) {
      return el('div', { class: 'row', dataset: { legend: p.key } },
        [el('span', { class: 'sw', style: 'background:' + p.color }), p.label]);
    });
    const zoneRows = ['port', 'anchorage', 'berth', 'speed_limit'].map(function (k) {
      return el('div', { class: 'row' },
        [el('span', { class: 'sw zone-sw', style: 'border-color:' + ZONE_STYLE[k].color }), ZONE_STYLE[k].label]);
    });
    const div = el('div', { id: 'legend' }, [
      el('h4', { text: 'Vessels' }), el('div', { class: 'grid' }, rows),
      el('div', { class: 'muted note', text: '▲ heading, else course · ● neither known' }),
      el('h4', { text: 'Zones' }), el('div', { class: 'grid' }, zoneRows),
      el('div', { id: 'legend-zone-note', class: 'muted note' }),
      el('div', { class: 'row' }, [el('span', { class: 'sw weather-sw', style: 'border-color:' + WEATHER_COLOR }),
        'weather station ', el('span', { id: 'legend-weather-note', class: 'muted' })])
    ]);
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  legend.addTo(map);
  pollWeather();

  drawGraticule();

  // ---------------------------------------------------------------- vessels
  /** id -> { data, marker, iconEl, arrow, dot, label, trail, trailPoints } */
  const vessels = new Map();
  let selectedId = null;
  let selectedTrack = null;
  let fitted = false;

  function makeIcon() {
    const arrow = svg('path', { d: 'M0,-10 L6.5,8 L0,4 L-6.5,8 Z', stroke: '#ffffff', 'stroke-width': '1.2',
      'stroke-linejoin': 'round' });
    const dot = svg('circle', { r: '5.5', stroke: '#ffffff', 'stroke-width': '1.5' });
    const g = svg('g', null, [arrow, dot]);
    const root = svg('svg', { width: '24', height: '24', viewBox: '-12 -12 24 24', 'aria-hidden': 'true' }, g);
    return { root: root, g: g, arrow: arrow, dot: dot };
  }

  function angleOf(v) {
    if (typeof v.headingDegrees === 'number' && isFinite(v.headingDegrees)) return v.headingDegrees;
    if (typeof v.cogDegrees === 'number' && isFinite(v.cogDegrees)) return v.cogDegrees;
    return null;
  }

  function displayName(v) {
    return v && present(v.name) ? String(v.name).trim() || String(v.id) : String(v && v.id);
  }

  function updateIcon(entry, v) {
    const p = paletteFor(v.states);
    const angle = angleOf(v);
    entry.arrow.setAttribute('fill', p.color);
    entry.dot.setAttribute('fill', p.color);
    entry.arrow.style.display = angle === null ? 'none' : '';
    entry.dot.style.display = angle === null ? '' : 'none';
    entry.g.setAttribute('transform', angle === null ? '' : 'rotate(' + angle.toFixed(1) + ')');
    const node = entry.marker.getElement();
    if (node) {
      node.dataset.state = p.key;
    }
    entry.label.textContent = displayName(v);
    entry.labelState.textContent = p.label + (present(v.sogKnots) ? ' · ' + fmtNumber(v.sogKnots, 1) + ' kn' : '');
    entry.trail.setStyle({ color: p.color });
  }

  // The original stations' boats report planar x/y, not positions. They are drawn in a square per
  // station south of the Isle of Wight (1 unit = 1 km), so that the plain demo shows them moving;
  // the panel gives their x/y as they were reported.
  const PLANAR_ORIGIN = [50.45, -1.60];
  const PLANAR_METRES_PER_UNIT = 1000;
  const planarSites = new Map();
  function positionOf(v) {
    if (typeof v.lat === 'number' && typeof v.lon === 'number') return [v.lat, v.lon];
    if (typeof v.x !== 'number' || typeof v.y !== 'number') return null;
    const site = String(v.site);
    if (!planarSites.has(site)) planarSites.set(site, planarSites.size);
    const lat = PLANAR_ORIGIN[0] + v.y * PLANAR_METRES_PER_UNIT / 111320;
    const lon = PLANAR_ORIGIN[1] + planarSites.get(site) * 0.12
      + v.x * PLANAR_METRES_PER_UNIT / (111320 * Math.cos(lat * Math.PI / 180));
    return [lat, lon];
  }

  function upsertVessel(v) {
    const pos = positionOf(v);
    if (!pos) {
      return;
    }
    const id = String(v.id);
    let entry = vessels.get(id);
    if (!entry) {
      const icon = makeIcon();
      const label = el('b');
      const labelState = el('span', { class: 'muted' });
      const marker = L.marker(pos, {
        icon: L.divIcon({ className: 'vessel-marker', html: icon.root, iconSize: [24, 24], iconAnchor: [12, 12] }),
        keyboard: false,
        riseOnHover: true
      });
      marker.bindTooltip(el('span', null, [label, el('br'), labelState]), { direction: 'top', offset: [0, -10] });
      marker.on('click', function () { selectVessel(id); });
      const trail = L.polyline([], { weight: 2, opacity: 0.55, interactive: false, renderer: canvas });
      entry = { marker: marker, label: label, labelState: labelState, trail: trail, trailPoints: [],
        g: icon.g, arrow: icon.arrow, dot: icon.dot, data: v };
      vessels.set(id, entry);
      trail.addTo(map);
      marker.addTo(map);
      const node = marker.getElement();
      node.dataset.vessel = id;
      node.setAttribute('role', 'button');
      node.setAttribute('aria-label', 'vessel ' + id);
    } else {
      entry.marker.setLatLng(pos);
    }
    entry.data = v;
    const last = entry.trailPoints[entry.trailPoints.length - 1];
    if (!last || last[0] !== pos[0] || last[1] !== pos[1]) {
      entry.trailPoints.push(pos);
      if (entry.trailPoints.length > TRAIL_POINTS) {
        entry.trailPoints.shift();
      }
      entry.trail.setLatLngs(entry.trailPoints);
    }
    updateIcon(entry, v);
    entry.marker.getElement().classList.toggle('selected', id === selectedId);
  }

  function removeVessel(id) {
    const entry = vessels.get(id);
    if (entry) {
      entry.marker.remove();
      entry.trail.remove();
      vessels.delete(id);
    }
  }

  function pollVessels() {
    getJson('/api/vessels').then(function (body) {
      $('poll-state').textContent = '';
      const list = (body && body.vessels) || [];
      const seen = new Set();
      list.forEach(function (v) {
        seen.add(String(v.id));
        upsertVessel(v);
      });
      Array.from(vessels.keys()).forEach(function (id) {
        if (!seen.has(id)) removeVessel(id);
      });
      $('vessel-count').textContent = String(typeof body.count === 'number' ? body.count : list.length);
      if (!fitted && vessels.size > 0) {
        fitted = true;
        // Ships with real positions first: the planar stations' square is a made-up place, and framing
        // both would show half of Europe when the demo runs the stations beside a real recording.
        const all = Array.from(vessels.values());
        const real = all.filter(function (e) { return typeof e.data.lat === 'number'; });
        const bounds = L.latLngBounds((real.length ? real : all).map(function (e) { return e.marker.getLatLng(); }));
        map.fitBounds(bounds.pad(0.1), { maxZoom: 12 });
      }
      if (selectedId !== null) {
        return refreshPanel();
      }
      return null;
    }).catch(function (e) {
      $('poll-state').textContent = 'API unreachable';
      if (window.console) console.warn('vessel poll failed', e);
    }).then(function () {
      setTimeout(pollVessels, POLL_MS);
    });
  }

  // ---------------------------------------------------------------- vessel panel
  function selectVessel(id) {
    const previous = selectedId;
    selectedId = String(id);
    if (previous && vessels.has(previous)) {
      const node = vessels.get(previous).marker.getElement();
      if (node) node.classList.remove('selected');
    }
    const entry = vessels.get(selectedId);
    if (entry) {
      entry.marker.getElement().classList.add('selected');
      if (!map.getBounds().pad(-0.1).contains(entry.marker.getLatLng())) {
        map.panTo(entry.marker.getLatLng());
      }
    }
    $('vessel-panel').hidden = false;
    $('vessel-panel').dataset.vessel = selectedId;
    if (previous !== selectedId) {
      clear($('vessel-timeline'));
      delete $('vessel-timeline').dataset.signature;
      clear($('vessel-states'));
    }
    fillStatic(entry ? entry.data : { id: selectedId, states: {} });
    refreshPanel();
  }

  function closePanel() {
    if (selectedId && vessels.has(selectedId)) {
      const node = vessels.get(selectedId).marker.getElement();
      if (node) node.classList.remove('selected');
    }
    selectedId = null;
    $('vessel-panel').hidden = true;
    if (selectedTrack) {
      selectedTrack.remove();
      selectedTrack = null;
    }
  }

  function fillStatic(v) {
    $('vessel-name').textContent = displayName(v);
    $('vessel-id').textContent = String(v.id);
    $('vessel-site').textContent = orDash(v.site);
    $('vessel-callsign').textContent = orDash(v.callSign);
    const type = present(v.shipTypeText) ? v.shipTypeText + (present(v.shipType) ? ' (' + v.shipType + ')' : '')
      : orDash(v.shipType);
    $('vessel-shiptype').textContent = type;
    $('vessel-destination').textContent = orDash(v.destination);
    $('vessel-time').textContent = present(v.time) ? fmtDateTime(v.time) : '—';
    const lat = fmtNumber(v.lat, 5);
    const lon = fmtNumber(v.lon, 5);
    $('vessel-position').textContent = lat && lon ? lat + ', ' + lon
      : present(v.x) && present(v.y) ? 'x ' + fmtNumber(v.x, 3) + ', y ' + fmtNumber(v.y, 3) + ' (planar station)' : '—';
    const parts = [];
    if (present(v.sogKnots)) parts.push(fmtNumber(v.sogKnots, 1) + ' kn');
    if (present(v.cogDegrees)) parts.push('COG ' + fmtNumber(v.cogDegrees, 0) + '°');
    if (present(v.headingDegrees)) parts.push('HDG ' + fmtNumber(v.headingDegrees, 0) + '°');
    $('vessel-motion').textContent = parts.length ? parts.join(' · ') : '—';
    const states = $('vessel-states');
    clear(states);
    const machines = Object.keys(v.states || {}).sort();
    if (machines.length === 0) {
      states.appendChild(el('li', { class: 'muted', text: 'no state yet' }));
    }
    machines.forEach(function (m) {
      const s = String(v.states[m]);
      states.appendChild(el('li', { dataset: { machine: m, state: s } }, [
        el('span', { class: 'swatch', style: 'background:' + colorForState(s, m) }),
        el('span', { class: 'chip-machine', text: m }), s
      ]));
    });
  }

  function describeDetails(details) {
    if (!details || typeof details !== 'object') return '';
    return Object.keys(details).map(function (k) {
      const v = details[k];
      return k + '=' + (typeof v === 'object' ? JSON.stringify(v) : String(v));
    }).join(', ');
  }

  function fillTimeline(events) {
    const list = $('vessel-timeline');
    const signature = events.map(function (env) { return eventFields(env).id; }).join('|');
    if (list.dataset.signature === signature && list.firstChild) {
      return;   // unchanged: keep the DOM (and the reader's scroll position)
    }
    list.dataset.signature = signature;
    clear(list);
    if (!events || events.length === 0) {
      list.appendChild(el('li', { class: 'muted', text: 'no events for this vessel yet' }));
      return;
    }
    events.forEach(function (env) {
      const e = eventFields(env);
      const details = describeDetails(e.details);
      list.appendChild(el('li', { dataset: { eventId: e.id, type: e.type } }, [
        el('time', { datetime: e.time, title: fmtDateTime(e.time), text: fmtTime(e.time) }),
        el('b', { text: e.type }), ' ',
        el('span', { text: e.machine + ': ' + e.from + ' → ' + e.to }),
        details ? el('div', { class: 'muted', text: details }) : null
      ]));
    });
  }

  function refreshPanel() {
    const id = selectedId;
    if (id === null) return Promise.resolve();
    return getJson('/api/vessels/' + encodeURIComponent(id)).then(function (v) {
      if (id !== selectedId) return;
      fillStatic(v);
      fillTimeline(v.events || []);
      const points = (v.track || []).filter(function (p) { return typeof p.lat === 'number' && typeof p.lon === 'number'; })
        .map(function (p) { return [p.lat, p.lon]; });
      if (typeof v.lat === 'number' && typeof v.lon === 'number') points.push([v.lat, v.lon]);
      if (!selectedTrack) {
        selectedTrack = L.polyline(points, { color: '#0b3d5c', weight: 3, opacity: 0.8, interactive: false }).addTo(map);
      } else {
        selectedTrack.setLatLngs(points);
      }
    }).catch(function (e) {
      if (e && e.status === 404 && id === selectedId) {
        $('vessel-time').textContent = 'no longer tracked';
      }
    });
  }

  $('vessel-close').addEventListener('click', closePanel);

  // ---------------------------------------------------------------- live event feed
  const feed = $('event-feed');
  const feedIds = new Map();          // eventId -> li, for de-duplication (at-least-once delivery)
  const typeSelect = $('filter-type');
  const vesselFilter = $('filter-vessel');
  const seenTypes = new Set();
  const arrivals = [];                // receive times (ms) of the last minute's live events

  /** The fields the page uses, from an EVENT envelope {"header":{type,ts,id},"body":{...}}. */
  function eventFields(env) {
    const h = (env && env.header) || {};
    const b = (env && env.body) || {};
    const headerType = String(h.type || '');
    const vessel = present(b.boat_id) ? b.boat_id : h.id;
    return {
      id: String(present(b.eventId) ? b.eventId : headerType + '/' + b.time + '/' + vessel),
      type: headerType.substring(headerType.lastIndexOf('/') + 1) || 'EVENT',
      site: String(present(b.site) ? b.site : headerType.split('/')[0]),
      vessel: String(vessel),
      time: String(b.time || ''),
      machine: String(present(b.machine) ? b.machine : ''),
      from: String(present(b.from) ? b.from : ''),
      to: String(present(b.to) ? b.to : (present(b.state) ? b.state : '')),
      details: b.details
    };
  }

  function matchesFilter(li) {
    const type = typeSelect.value;
    if (type && li.dataset.type !== type) return false;
    const q = vesselFilter.value.trim().toLowerCase();
    if (!q) return true;
    const entry = vessels.get(li.dataset.vessel);
    const name = entry ? displayName(entry.data).toLowerCase() : '';
    return li.dataset.vessel.toLowerCase().indexOf(q) >= 0 || name.indexOf(q) >= 0;
  }

  function applyFilters() {
    Array.prototype.forEach.call(feed.children, function (li) { li.hidden = !matchesFilter(li); });
  }

  function noteType(type) {
    if (seenTypes.has(type)) return;
    seenTypes.add(type);
    const options = Array.from(seenTypes).sort();
    const current = typeSelect.value;
    clear(typeSelect);
    typeSelect.appendChild(el('option', { value: '', text: 'all types' }));
    options.forEach(function (t) { typeSelect.appendChild(el('option', { value: t, text: t })); });
    typeSelect.value = current;
  }

  function addEvent(env, live) {
    const e = eventFields(env);
    if (feedIds.has(e.id)) return;
    noteType(e.type);
    const entry = vessels.get(e.vessel);
    const who = entry && present(entry.data.name) ? displayName(entry.data) + ' · ' + e.vessel : e.vessel;
    const li = el('li', {
      class: live ? 'fresh' : null,
      title: describeDetails(e.details) || null,
      dataset: { eventId: e.id, type: e.type, vessel: e.vessel },
      style: 'border-left: 3px solid ' + colorForState(e.to, e.machine)
    }, [
      el('time', { datetime: e.time, title: fmtDateTime(e.time), text: fmtTime(e.time) }),
      el('span', { class: 'who' }, [el('span', { class: 'type', text: e.type }), ' ', el('span', { class: 'vessel', text: who })]),
      el('span', { class: 'change', text: (e.machine ? e.machine + ': ' : '') + e.from + ' → ' + e.to })
    ].concat(e.details && typeof e.details.text === 'string'
      ? [el('span', { class: 'text', text: e.details.text })]   // a safety message's text, shown as text
      : []));
    li.addEventListener('click', function () { selectVessel(e.vessel); });
    li.hidden = !matchesFilter(li);
    if (live) {
      feed.insertBefore(li, feed.firstChild);
    } else {
      feed.appendChild(li);
    }
    feedIds.set(e.id, li);
    while (feed.children.length > FEED_MAX) {
      const old = feed.lastElementChild;   // the oldest
      feedIds.delete(old.dataset.eventId);
      feed.removeChild(old);
    }
    $('feed-empty').hidden = true;
  }

  function onStreamMessage(message) {
    let env;
    try {
      env = JSON.parse(message.data);
    } catch (err) {
      return;   // a malformed line is dropped, the stream goes on
    }
    arrivals.push(Date.now());
    showRate();
    addEvent(env, true);
  }

  function setStreamState(state, text) {
    $('sse-dot').dataset.state = state;
    $('sse-state').textContent = text;
    document.body.dataset.stream = state;
  }

  let source = null;
  function connectStream() {
    setStreamState('connecting', 'connecting');
    source = new EventSource('/api/events/stream');
    source.addEventListener('open', function () { setStreamState('open', 'live'); });
    source.addEventListener('event', onStreamMessage);
    source.addEventListener('message', onStreamMessage);
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED) {
        setStreamState('closed', 'disconnected, retrying');
        setTimeout(connectStream, 5000);
      } else {
        setStreamState('connecting', 'reconnecting');
      }
    });
  }

  typeSelect.addEventListener('change', applyFilters);
  vesselFilter.addEventListener('input', applyFilters);

  /** Live events received in the last minute: shown as each arrives, and every second as they age out. */
  function showRate() {
    const cutoff = Date.now() - 60000;
    while (arrivals.length && arrivals[0] < cutoff) arrivals.shift();
    $('event-rate').textContent = String(arrivals.length);
  }
  setInterval(showRate, 1000);

  // ---------------------------------------------------------------- machines view
  let machinesLoaded = false;

  function showView(name) {
    document.querySelectorAll('#tabs button').forEach(function (b) {
      b.setAttribute('aria-selected', String(b.dataset.view === name));
    });
    document.querySelectorAll('main.view').forEach(function (v) { v.hidden = v.dataset.view !== name; });
    if (name === 'map') {
      map.invalidateSize();
    } else if (name === 'machines' && !machinesLoaded) {
      machinesLoaded = true;
      getJson('/api/machines').then(renderMachines).catch(function (e) {
        machinesLoaded = false;
        $('machine-list').textContent = 'Cannot load /api/machines: ' + e.message;
      });
    }
  }

  function renderMachines(body) {
    const list = $('machine-list');
    clear(list);
    const diagrams = [];
    ((body && body.machines) || []).forEach(function (m) {
      const text = present(m.mermaid) ? String(m.mermaid) : null;
      const slot = el('div', { class: 'diagram' }, text ? null
        : el('p', { class: 'muted', text: 'No explicit states: this detector emits events from its rule.' }));
      list.appendChild(el('section', { class: 'machine', dataset: { machine: m.name } }, [
        el('h2', null, [String(m.name), el('span', { class: 'kind', text: orDash(m.kind) })]),
        slot,
        el('details', { open: text ? 'open' : null }, [
          el('summary', { text: 'Mermaid' }),
          el('pre', { class: 'mermaid-text', text: text || '(no Mermaid text for this machine)' })
        ])
      ]));
      if (text) diagrams.push({ slot: slot, text: text, name: String(m.name) });
    });
    if (diagrams.length === 0) return Promise.resolve();
    return loadMermaid().then(function (mermaid) {
      // One at a time: Mermaid measures text in a scratch element it shares between renders.
      return diagrams.reduce(function (done, d, i) {
        return done.then(function () { return renderDiagram(mermaid, d, i); });
      }, Promise.resolve());
    }).catch(function (e) {
      diagrams.forEach(function (d) {
        d.slot.appendChild(el('p', { class: 'diagram-error', text: 'Mermaid could not be loaded: ' + e.message }));
      });
    });
  }

  let mermaidLoading = null;

  /** Loads vendor/mermaid/mermaid.min.js once, on the first visit to the Machines tab (it is 3.5 MB). */
  function loadMermaid() {
    if (!mermaidLoading) {
      mermaidLoading = new Promise(function (resolve, reject) {
        const script = el('script', { src: 'vendor/mermaid/mermaid.min.js' });
        script.addEventListener('load', function () {
          window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral' });
          resolve(window.mermaid);
        });
        script.addEventListener('error', function () {
          mermaidLoading = null;
          reject(new Error('vendor/mermaid/mermaid.min.js did not load'));
        });
        document.head.appendChild(script);
      });
    }
    return mermaidLoading;
  }

  /** One machine's diagram: Mermaid's SVG text, parsed as XML and imported (see SECURITY at the top). */
  function renderDiagram(mermaid, d, index) {
    return mermaid.render('wk-machine-' + index, d.text).then(function (out) {
      const doc = new DOMParser().parseFromString(out.svg, 'image/svg+xml');
      const root = doc.documentElement;
      if (root.nodeName !== 'svg') {
        throw new Error('Mermaid returned no SVG');
      }
      root.setAttribute('role', 'img');
      root.setAttribute('aria-label', 'state diagram of ' + d.name);
      d.slot.appendChild(document.importNode(root, true));
      d.slot.dataset.rendered = 'mermaid';
    }).catch(function (e) {
      d.slot.appendChild(el('p', { class: 'diagram-error', text: 'Mermaid could not draw this machine: ' + e.message }));
      if (window.console) console.warn('Mermaid could not draw', d.name, e);
    });
  }

  // ---------------------------------------------------------------- header: tabs, help
  document.querySelectorAll('#tabs button').forEach(function (b) {
    b.addEventListener('click', function () { showView(b.dataset.view); });
  });
  $('help-button').addEventListener('click', function () { $('help').hidden = !$('help').hidden; });
  $('help-close').addEventListener('click', function () { $('help').hidden = true; });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      $('help').hidden = true;
    }
  });

  // ---------------------------------------------------------------- start
  // The recent past from the event store first (optional: 503 without a store), then live events.
  getJson('/api/events?limit=50').then(function (body) {
    ((body && body.events) || []).forEach(function (env) { addEvent(env, false); });
  }).catch(function () { /* no store: the live stream alone fills the feed */ });
  connectStream();
  pollVessels();
}());
