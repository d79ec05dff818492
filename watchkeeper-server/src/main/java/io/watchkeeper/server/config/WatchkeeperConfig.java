package io.watchkeeper.server.config;

import io.watchkeeper.core.detect.boat.SpeedProfile;
import io.watchkeeper.core.engine.DetectionSetup;
import io.watchkeeper.server.output.store.Retention;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.watchkeeper.core.engine.EngineConfig;
import io.watchkeeper.core.engine.StateLimits;
import io.watchkeeper.mqtt.client.ClientSettings;
import io.watchkeeper.mqtt.wire.FixDecoder;
import org.jetbrains.annotations.Nullable;

/**
 * The YAML configuration file ({@code --config FILE}). Every key is optional; see
 * {@code docs/configuration.md} for the full list. Unknown keys are refused, so a typo is an error
 * rather than a silently ignored setting.
 */
public record WatchkeeperConfig(Broker broker, Engine engine, Input input, Motion motion, List<String> inputs,
                                List<String> zones, @Nullable String rules, @Nullable JsonNode detectors, Store store,
                                Http http) {

    public static final WatchkeeperConfig DEFAULTS = new WatchkeeperConfig(null, null, null, null, null, null, null,
            null, null, null);

    /**
     * @param zones     zone sets ({@code builtin:NAME} or GeoJSON files), see docs/zones.md
     * @param rules     a YAML file of user-defined machines, see docs/rules.md
     * @param detectors one block of settings per detector, bound by {@link SettingsBinder}; see
     *                  docs/detectors.md
     */
    @JsonCreator
    public WatchkeeperConfig(@JsonProperty("broker") @Nullable Broker broker,
                             @JsonProperty("engine") @Nullable Engine engine,
                             @JsonProperty("input") @Nullable Input input,
                             @JsonProperty("motion") @Nullable Motion motion,
                             @JsonProperty("inputs") @Nullable List<String> inputs,
                             @JsonProperty("zones") @Nullable List<String> zones,
                             @JsonProperty("rules") @Nullable String rules,
                             @JsonProperty("detectors") @Nullable JsonNode detectors,
                             @JsonProperty("store") @Nullable Store store,
                             @JsonProperty("http") @Nullable Http http) {
        this.broker = broker != null ? broker : new Broker(null, null);
        this.engine = engine != null ? engine : new Engine(null, null, null, null, null, null);
        this.input = input != null ? input : new Input(null, null);
        this.motion = motion != null ? motion : new Motion(null, null, null);
        this.inputs = inputs != null ? List.copyOf(inputs) : List.of();
        this.zones = zones != null ? List.copyOf(zones) : List.of();
        this.rules = rules;
        this.detectors = detectors;
        this.store = store != null ? store : new Store(null, null);
        this.http = http != null ? http : new Http(null, null);
    }

    /** {@code store:} where events are kept (docs/store.md). */
    public record Store(@Nullable String url, @Nullable String retention) {
        @JsonCreator
        public Store(@JsonProperty("url") @Nullable String url, @JsonProperty("retention") @Nullable String retention) {
            this.url = url;
            this.retention = retention;
        }

        /** @throws ConfigException for a duration that does not parse or is negative */
        public Duration retentionOrDefault() {
            if (retention == null) {
                return Retention.DEFAULT_KEEP;
            }
            try {
                Duration d = Durations.parse(retention);
                if (d.isNegative()) {
                    throw new IllegalArgumentException("retention must not be negative");
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw new ConfigException("store.retention: " + e.getMessage());
            }
        }
    }

    /** {@code http:} the REST API and dashboard. */
    public record Http(@Nullable String host, @Nullable Integer port) {
        @JsonCreator
        public Http(@JsonProperty("host") @Nullable String host, @JsonProperty("port") @Nullable Integer port) {
            this.host = host;
            this.port = port;
        }
    }

    /** {@code motion:} the speed band of the MOVING/RESTING machine for ships reporting lat/lon. */
    public record Motion(@Nullable Double restBelowKnots, @Nullable Double moveAboveKnots, @Nullable String minDwell) {
        @JsonCreator
        public Motion(@JsonProperty("restBelowKnots") @Nullable Double restBelowKnots,
                      @JsonProperty("moveAboveKnots") @Nullable Double moveAboveKnots,
                      @JsonProperty("minDwell") @Nullable String minDwell) {
            this.restBelowKnots = restBelowKnots;
            this.moveAboveKnots = moveAboveKnots;
            this.minDwell = minDwell;
        }

        /** @throws ConfigException when the band is impossible (rest above move, zero, negative) */
        public SpeedProfile toSpeedProfile() {
            SpeedProfile d = SpeedProfile.DEFAULT;
            try {
                return new SpeedProfile(restBelowKnots != null ? restBelowKnots : d.restBelowKnots(),
                        moveAboveKnots != null ? moveAboveKnots : d.moveAboveKnots(),
                        minDwell != null ? Durations.parse(minDwell) : d.minDwell());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("motion: " + e.getMessage());
            }
        }
    }

    /**
     * {@code broker:} the MQTT broker to use, and as whom (docs/security.md). Passwords are never written
     * here, only the files that hold them.
     */
    public record Broker(@Nullable String url, @Nullable String clientId, @Nullable String username,
                         @Nullable String passwordFile, @Nullable String trustStore,
                         @Nullable String trustStorePasswordFile, @Nullable Integer maxPacketBytes) {
        @JsonCreator
        public Broker(@JsonProperty("url") @Nullable String url, @JsonProperty("clientId") @Nullable String clientId,
                      @JsonProperty("username") @Nullable String username,
                      @JsonProperty("passwordFile") @Nullable String passwordFile,
                      @JsonProperty("trustStore") @Nullable String trustStore,
                      @JsonProperty("trustStorePasswordFile") @Nullable String trustStorePasswordFile,
                      @JsonProperty("maxPacketBytes") @Nullable Integer maxPacketBytes) {
            this.url = url;
            this.clientId = clientId;
            this.username = username;
            this.passwordFile = passwordFile;
            this.trustStore = trustStore;
            this.trustStorePasswordFile = trustStorePasswordFile;
            this.maxPacketBytes = maxPacketBytes;
        }

        /** Without a packet size limit of its own: the default. */
        public Broker(@Nullable String url, @Nullable String clientId, @Nullable String username,
                      @Nullable String passwordFile, @Nullable String trustStore,
                      @Nullable String trustStorePasswordFile) {
            this(url, clientId, username, passwordFile, trustStore, trustStorePasswordFile, null);
        }

        /** Address and client id only, as before logins existed. */
        public Broker(@Nullable String url, @Nullable String clientId) {
            this(url, clientId, null, null, null, null, null);
        }

        /**
         * The largest MQTT packet, in bytes, a client accepts from the broker; default 128 KiB.
         *
         * @throws ConfigException outside 1024..268435460
         */
        public int maxPacketBytesOrDefault() {
            if (maxPacketBytes == null) {
                return ClientSettings.DEFAULT_MAXIMUM_PACKET_SIZE;
            }
            if (maxPacketBytes < 1024 || maxPacketBytes > 268_435_460) {
                throw new ConfigException("broker.maxPacketBytes must be 1024..268435460, got " + maxPacketBytes);
            }
            return maxPacketBytes;
        }
    }

    /**
     * {@code engine:} worker threads, queue bound, and bounds on the state it keeps (docs/configuration.md).
     *
     * @param evictAfter        a duration ({@code 7d}); {@code 0s} never forgets a vessel
     * @param vesselsPerStation vessels one station may have in the engine
     * @param stations          stations the engine keeps
     * @param vessels           vessels the engine keeps over all stations
     */
    public record Engine(@Nullable Integer workers, @Nullable Integer queueCapacity, @Nullable String evictAfter,
                         @Nullable Integer vesselsPerStation, @Nullable Integer stations, @Nullable Integer vessels) {
        @JsonCreator
        public Engine(@JsonProperty("workers") @Nullable Integer workers,
                      @JsonProperty("queueCapacity") @Nullable Integer queueCapacity,
                      @JsonProperty("evictAfter") @Nullable String evictAfter,
                      @JsonProperty("vesselsPerStation") @Nullable Integer vesselsPerStation,
                      @JsonProperty("stations") @Nullable Integer stations,
                      @JsonProperty("vessels") @Nullable Integer vessels) {
            this.workers = workers;
            this.queueCapacity = queueCapacity;
            this.evictAfter = evictAfter;
            this.vesselsPerStation = vesselsPerStation;
            this.stations = stations;
            this.vessels = vessels;
        }

        /** Workers and queue bound only; the state bounds at their defaults. */
        public Engine(@Nullable Integer workers, @Nullable Integer queueCapacity) {
            this(workers, queueCapacity, null, null, null, null);
        }

        /**
         * The state bounds, each at its default ({@link StateLimits#DEFAULTS}) unless set.
         *
         * @throws ConfigException for a duration that does not parse or is negative, or a count below 1
         */
        public StateLimits limits() {
            StateLimits d = StateLimits.DEFAULTS;
            Duration evict = d.evictAfter();
            if (evictAfter != null) {
                try {
                    evict = Durations.parse(evictAfter);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("engine.evictAfter: " + e.getMessage());
                }
            }
            try {
                return new StateLimits(evict, vesselsPerStation != null ? vesselsPerStation : d.vesselsPerStation(),
                        stations != null ? stations : d.stations(), vessels != null ? vessels : d.vessels());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("engine: " + e.getMessage());
            }
        }

        public EngineConfig toEngineConfig() {
            EngineConfig d = EngineConfig.defaults();
            return new EngineConfig(workers != null ? workers : d.workers(),
                    queueCapacity != null ? queueCapacity : d.queueCapacity());
        }
    }

    /** {@code input:} limits on what the engine accepts. */
    public record Input(@Nullable Integer maxPayloadBytes, @Nullable String maxAhead) {
        @JsonCreator
        public Input(@JsonProperty("maxPayloadBytes") @Nullable Integer maxPayloadBytes,
                     @JsonProperty("maxAhead") @Nullable String maxAhead) {
            this.maxPayloadBytes = maxPayloadBytes;
            this.maxAhead = maxAhead;
        }

        public int maxPayloadBytesOrDefault() {
            return maxPayloadBytes != null ? maxPayloadBytes : FixDecoder.DEFAULT_MAX_PAYLOAD_BYTES;
        }

        /**
         * How far ahead of the clock a fix's time may be ({@code 5m} unless set).
         *
         * @throws ConfigException if it is not a duration
         */
        public Duration maxAheadOrDefault() {
            if (maxAhead == null) {
                return DetectionSetup.DEFAULT_MAX_AHEAD;
            }
            try {
                return Durations.parse(maxAhead);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("input.maxAhead: " + e.getMessage());
            }
        }
    }
}
