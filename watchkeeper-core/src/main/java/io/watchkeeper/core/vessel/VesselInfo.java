package io.watchkeeper.core.vessel;

import io.watchkeeper.core.fix.VesselId;
import java.time.Instant;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * What a vessel says about itself (AIS static and voyage data: types 5, 19 and 24), merged per vessel.
 * Reports arrive in pieces (type 24 part A has the name, part B the call sign and dimensions), so
 * every field may be absent: null for text, {@code 0} for the IMO number, {@code -1} for the ship type
 * and the dimensions, NaN for the draught.
 *
 * @param vessel             the vessel (for AIS, its MMSI)
 * @param name               vessel name, trimmed
 * @param callSign           radio call sign, trimmed
 * @param imo                IMO number, or 0
 * @param shipType           AIS ship-and-cargo type 0..99 (see {@link ShipType}), or -1
 * @param toBowMetres        GNSS antenna to bow, or -1
 * @param toSternMetres      antenna to stern, or -1
 * @param toPortMetres       antenna to port side, or -1
 * @param toStarboardMetres  antenna to starboard side, or -1
 * @param draughtMetres      maximum present static draught, or NaN
 * @param destination        voyage destination as typed by the crew, trimmed
 * @param eta                estimated arrival as AIS gives it, {@code MM-DDTHH:MMZ} (AIS has no year)
 * @param updatedAt          receive time of the newest report merged in
 */
public record VesselInfo(
        VesselId vessel,
        @Nullable String name,
        @Nullable String callSign,
        int imo,
        int shipType,
        int toBowMetres,
        int toSternMetres,
        int toPortMetres,
        int toStarboardMetres,
        double draughtMetres,
        @Nullable String destination,
        @Nullable String eta,
        Instant updatedAt) {

    public VesselInfo {
        Objects.requireNonNull(vessel, "vessel");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Nothing known yet but the id. */
    public static VesselInfo unknown(VesselId vessel, Instant at) {
        return new VesselInfo(vessel, null, null, 0, -1, -1, -1, -1, -1, Double.NaN, null, null, at);
    }

    /** This info updated by a newer, possibly partial report: fields the newer one has win. */
    public VesselInfo mergedWith(VesselInfo newer) {
        if (!newer.vessel.equals(vessel)) {
            throw new IllegalArgumentException("cannot merge " + newer.vessel + " into " + vessel);
        }
        return new VesselInfo(vessel,
                pick(newer.name, name), pick(newer.callSign, callSign),
                newer.imo != 0 ? newer.imo : imo,
                newer.shipType >= 0 ? newer.shipType : shipType,
                newer.toBowMetres >= 0 ? newer.toBowMetres : toBowMetres,
                newer.toSternMetres >= 0 ? newer.toSternMetres : toSternMetres,
                newer.toPortMetres >= 0 ? newer.toPortMetres : toPortMetres,
                newer.toStarboardMetres >= 0 ? newer.toStarboardMetres : toStarboardMetres,
                Double.isNaN(newer.draughtMetres) ? draughtMetres : newer.draughtMetres,
                pick(newer.destination, destination), pick(newer.eta, eta),
                newer.updatedAt.isAfter(updatedAt) ? newer.updatedAt : updatedAt);
    }

    /** Overall length from the antenna offsets, or -1 when either is unknown. */
    public int lengthMetres() {
        return toBowMetres >= 0 && toSternMetres >= 0 ? toBowMetres + toSternMetres : -1;
    }

    /** Overall beam from the antenna offsets, or -1 when either is unknown. */
    public int beamMetres() {
        return toPortMetres >= 0 && toStarboardMetres >= 0 ? toPortMetres + toStarboardMetres : -1;
    }

    /** The ship type in words, or empty text when unknown. */
    public String shipTypeText() {
        return shipType < 0 ? "" : ShipType.text(shipType);
    }

    private static @Nullable String pick(@Nullable String newer, @Nullable String older) {
        return newer != null && !newer.isEmpty() ? newer : older;
    }
}
