package io.watchkeeper.ais.gpsd;

import static io.watchkeeper.ais.gpsd.JsonFields.bool;
import static io.watchkeeper.ais.gpsd.JsonFields.data;
import static io.watchkeeper.ais.gpsd.JsonFields.monthDayTime;
import static io.watchkeeper.ais.gpsd.JsonFields.number;
import static io.watchkeeper.ais.gpsd.JsonFields.pad;
import static io.watchkeeper.ais.gpsd.JsonFields.string;

import io.watchkeeper.ais.message.AddressedBinaryMessage;
import io.watchkeeper.ais.message.ApplicationData;
import io.watchkeeper.ais.message.AtonMonitoring;
import io.watchkeeper.ais.message.BinaryData;
import io.watchkeeper.ais.message.BroadcastBinaryMessage;
import io.watchkeeper.ais.message.ClearanceTime;
import io.watchkeeper.ais.message.DangerousCargoIndication;
import io.watchkeeper.ais.message.DgnssBroadcast;
import io.watchkeeper.ais.message.InlandPersonsOnBoard;
import io.watchkeeper.ais.message.InlandStaticVoyageData;
import io.watchkeeper.ais.message.InlandWaterLevels;
import io.watchkeeper.ais.message.MetHydroReport;
import io.watchkeeper.ais.message.PersonsOnBoard;
import io.watchkeeper.ais.message.SlotBinaryMessage;
import io.watchkeeper.ais.message.TextDescription;
import io.watchkeeper.ais.message.TidalWindow;

/**
 * The members gpsdecode -u -j prints after the header for the messages that carry binary data (types 6,
 * 8, 17, 25, 26) and for the application data it decodes, in its names and order, unscaled.
 */
final class GpsdBinaryJson {

    private GpsdBinaryJson() {
    }

    static void addressed(AddressedBinaryMessage m, StringBuilder out) {
        number(out, "seqno", m.seqno());
        number(out, "dest_mmsi", m.destMmsi());
        bool(out, "retransmit", m.retransmit());
        number(out, "dac", m.dac());
        number(out, "fid", m.fid());
        application(m.data(), out);
    }

    static void broadcast(BroadcastBinaryMessage m, StringBuilder out) {
        number(out, "dac", m.dac());
        number(out, "fid", m.fid());
        application(m.data(), out);
    }

    static void dgnss(DgnssBroadcast m, StringBuilder out) {
        number(out, "lon", m.lonRaw());
        number(out, "lat", m.latRaw());
        data(out, m.data());
    }

    /** Types 25 and 26; gpsd 3.22 does not decode the type 26 radio status and prints 0. */
    static void slot(SlotBinaryMessage m, StringBuilder out) {
        bool(out, "addressed", m.addressed());
        bool(out, "structured", m.structured());
        number(out, "dest_mmsi", m.destMmsi());
        number(out, "app_id", m.appId());
        data(out, m.data());
        if (m.type() == 26) {
            number(out, "radio", 0);
        }
    }

    private static void application(ApplicationData data, StringBuilder out) {
        if (data instanceof BinaryData d) {
            data(out, d);
        } else if (data instanceof MetHydroReport d) {
            metHydro(d, out);
        } else if (data instanceof DangerousCargoIndication d) {
            dangerousCargo(d, out);
        } else if (data instanceof TidalWindow d) {
            tidalWindow(d, out);
        } else if (data instanceof ClearanceTime d) {
            clearanceTime(d, out);
        } else if (data instanceof TextDescription d) {
            number(out, "linkage", d.linkage());
            string(out, "text", d.text());
        } else if (data instanceof PersonsOnBoard d) {
            number(out, "persons", d.persons());
        } else if (data instanceof InlandPersonsOnBoard d) {
            number(out, "crew", d.crew());
            number(out, "passengers", d.passengers());
            number(out, "personnel", d.personnel());
        } else if (data instanceof AtonMonitoring d) {
            atonMonitoring(d, out);
        } else if (data instanceof InlandStaticVoyageData d) {
            inlandStaticVoyage(d, out);
        } else if (data instanceof InlandWaterLevels d) {
            inlandWaterLevels(d, out);
        }
    }

    /** FI 11 and FI 31 share most names; FI 31 adds accuracy and visgreater and has no *_text members. */
    private static void metHydro(MetHydroReport d, StringBuilder out) {
        boolean imo289 = d.fid() == MetHydroReport.FID_IMO289;
        number(out, "lat", d.latRaw());
        number(out, "lon", d.lonRaw());
        if (imo289) {
            bool(out, "accuracy", d.accuracy());
        }
        out.append(",\"timestamp\":\"");
        pad(out, d.day(), 2).append('T');
        pad(out, d.hour(), 2).append(':');
        pad(out, d.minute(), 2).append("Z\"");
        number(out, "wspeed", d.windSpeed());
        number(out, "wgust", d.windGust());
        number(out, "wdir", d.windDirection());
        number(out, "wgustdir", d.windGustDirection());
        number(out, "humidity", d.humidity());
        number(out, "airtemp", d.airTemperatureRaw());
        number(out, "dewpoint", d.dewPointRaw());
        number(out, "pressure", d.pressureRaw());
        number(out, "pressuretend", d.pressureTendency());
        if (imo289) {
            bool(out, "visgreater", d.visibilityGreater());
        }
        number(out, "visibility", d.visibilityRaw());
        number(out, "waterlevel", d.waterLevelRaw());
        number(out, "leveltrend", d.waterLevelTrend());
        number(out, "cspeed", d.currentSpeedRaw());
        number(out, "cdir", d.currentDirection());
        number(out, "cspeed2", d.currentSpeed2Raw());
        number(out, "cdir2", d.currentDirection2());
        number(out, "cdepth2", d.currentDepth2());
        number(out, "cspeed3", d.currentSpeed3Raw());
        number(out, "cdir3", d.currentDirection3());
        number(out, "cdepth3", d.currentDepth3());
        number(out, "waveheight", d.waveHeightRaw());
        number(out, "waveperiod", d.wavePeriod());
        number(out, "wavedir", d.waveDirection());
        number(out, "swellheight", d.swellHeightRaw());
        number(out, "swellperiod", d.swellPeriod());
        number(out, "swelldir", d.swellDirection());
        number(out, "seastate", d.seaState());
        number(out, "watertemp", d.waterTemperatureRaw());
        number(out, "preciptype", d.precipitationType());
        if (!imo289) {
            string(out, "preciptype_text", GpsdText.precipitation(d.precipitationType()));
        }
        number(out, "salinity", d.salinityRaw());
        number(out, "ice", d.ice());
        if (!imo289) {
            string(out, "ice_text", GpsdText.ice(d.ice()));
        }
    }

    private static void dangerousCargo(DangerousCargoIndication d, StringBuilder out) {
        string(out, "lastport", d.lastPort());
        monthDayTime(out, "departure", d.lastMonth(), d.lastDay(), d.lastHour(), d.lastMinute());
        string(out, "nextport", d.nextPort());
        monthDayTime(out, "eta", d.nextMonth(), d.nextDay(), d.nextHour(), d.nextMinute());
        string(out, "dangerous", d.dangerous());
        string(out, "imdcat", d.imdCategory());
        number(out, "unid", d.unid());
        number(out, "amount", d.amount());
        number(out, "unit", d.unit());
    }

    private static void tidalWindow(TidalWindow d, StringBuilder out) {
        number(out, "month", d.month());
        number(out, "day", d.day());
        out.append(",\"tidals\":[");
        String separator = "";
        for (TidalWindow.Window w : d.windows()) {
            out.append(separator).append("{\"lon\":").append(w.lonRaw()).append(",\"lat\":").append(w.latRaw());
            number(out, "from_hour", w.fromHour());
            number(out, "from_min", w.fromMinute());
            number(out, "to_hour", w.toHour());
            number(out, "to_min", w.toMinute());
            number(out, "cdir", w.currentDirection());
            number(out, "cspeed", w.currentSpeed());
            out.append('}');
            separator = ",";
        }
        out.append(']');
    }

    private static void clearanceTime(ClearanceTime d, StringBuilder out) {
        number(out, "linkage", d.linkage());
        monthDayTime(out, "arrival", d.month(), d.day(), d.hour(), d.minute());
        string(out, "portname", d.portName());
        string(out, "destination", d.destination());
        number(out, "lon", d.lonRaw());
        number(out, "lat", d.latRaw());
    }

    private static void atonMonitoring(AtonMonitoring d, StringBuilder out) {
        bool(out, "off_pos", d.offPosition());
        bool(out, "alarm", d.alarm());
        number(out, "stat_ext", d.statusExternal());
        number(out, "ana_int", d.analogueInternal());
        number(out, "ana_ext1", d.analogueExternal1());
        number(out, "ana_ext2", d.analogueExternal2());
        number(out, "racon", d.racon());
        string(out, "racon_text", GpsdText.racon(d.racon()));
        number(out, "light", d.light());
        string(out, "light_text", GpsdText.light(d.light()));
    }

    private static void inlandStaticVoyage(InlandStaticVoyageData d, StringBuilder out) {
        string(out, "vin", d.vin());
        number(out, "length", d.length());
        number(out, "beam", d.beam());
        number(out, "shiptype", d.shipType());
        string(out, "shiptype_text", GpsdText.inlandShipType(d.shipType()));
        number(out, "hazard", d.hazard());
        string(out, "hazard_text", GpsdText.inlandHazard(d.hazard()));
        number(out, "draught", d.draught());
        number(out, "loaded", d.loaded());
        string(out, "loaded_text", GpsdText.inlandLoaded(d.loaded()));
        bool(out, "speed_q", d.speedQuality());
        bool(out, "course_q", d.courseQuality());
        bool(out, "heading_q", d.headingQuality());
    }

    private static void inlandWaterLevels(InlandWaterLevels d, StringBuilder out) {
        string(out, "country", d.country());
        out.append(",\"gauges\":[");
        String separator = "";
        for (InlandWaterLevels.Gauge g : d.gauges()) {
            out.append(separator).append("{\"id\":").append(g.id()).append(",\"level\":").append(g.level()).append('}');
            separator = ",";
        }
        out.append(']');
    }
}
