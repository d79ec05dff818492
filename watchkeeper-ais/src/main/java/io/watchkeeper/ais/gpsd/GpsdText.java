package io.watchkeeper.ais.gpsd;

/**
 * The {@code *_text} strings gpsdecode prints next to coded fields, as it spells them (ITU-R M.1371
 * tables, with gpsd's wording and its out-of-range texts). Collected by running gpsdecode on one
 * message per code; kept verbatim because the JSON must match byte for byte.
 */
final class GpsdText {

    /** Navigation status 0..15. */
    private static final String[] NAV_STATUS = {
        "Under way using engine",
        "At anchor",
        "Not under command",
        "Restricted manoeuverability",
        "Constrained by her draught",
        "Moored",
        "Aground",
        "Engaged in fishing",
        "Under way sailing",
        "Reserved for HSC",
        "Reserved for WIG",
        "Reserved",
        "Reserved",
        "Reserved",
        "Reserved",
        "Not defined",
    };

    /** Position fixing device 0..8; 9..15 are "INVALID EPFD". */
    private static final String[] EPFD = {
        "Undefined",
        "GPS",
        "GLONASS",
        "Combined GPS/GLONASS",
        "Loran-C",
        "Chayka",
        "Integrated navigation system",
        "Surveyed",
        "Galileo",
    };

    /** Ship and cargo type 0..99; 100..255 are "INVALID SHIP TYPE". */
    private static final String[] SHIP_TYPE = {
        "Not available",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Wing in ground (WIG) - all ships of this type",
        "Wing in ground (WIG) - Hazardous category A",
        "Wing in ground (WIG) - Hazardous category B",
        "Wing in ground (WIG) - Hazardous category C",
        "Wing in ground (WIG) - Hazardous category D",
        "Wing in ground (WIG) - Reserved for future use",
        "Wing in ground (WIG) - Reserved for future use",
        "Wing in ground (WIG) - Reserved for future use",
        "Wing in ground (WIG) - Reserved for future use",
        "Wing in ground (WIG) - Reserved for future use",
        "Fishing",
        "Towing",
        "Towing: length exceeds 200m or breadth exceeds 25m",
        "Dredging or underwater ops",
        "Diving ops",
        "Military ops",
        "Sailing",
        "Pleasure Craft",
        "Reserved",
        "Reserved",
        "High speed craft (HSC) - all ships of this type",
        "High speed craft (HSC) - Hazardous category A",
        "High speed craft (HSC) - Hazardous category B",
        "High speed craft (HSC) - Hazardous category C",
        "High speed craft (HSC) - Hazardous category D",
        "High speed craft (HSC) - Reserved for future use",
        "High speed craft (HSC) - Reserved for future use",
        "High speed craft (HSC) - Reserved for future use",
        "High speed craft (HSC) - Reserved for future use",
        "High speed craft (HSC) - No additional information",
        "Pilot Vessel",
        "Search and Rescue vessel",
        "Tug",
        "Port Tender",
        "Anti-pollution equipment",
        "Law Enforcement",
        "Spare - Local Vessel",
        "Spare - Local Vessel",
        "Medical Transport",
        "Ship according to RR Resolution No. 18",
        "Passenger - all ships of this type",
        "Passenger - Hazardous category A",
        "Passenger - Hazardous category B",
        "Passenger - Hazardous category C",
        "Passenger - Hazardous category D",
        "Passenger - Reserved for future use",
        "Passenger - Reserved for future use",
        "Passenger - Reserved for future use",
        "Passenger - Reserved for future use",
        "Passenger - No additional information",
        "Cargo - all ships of this type",
        "Cargo - Hazardous category A",
        "Cargo - Hazardous category B",
        "Cargo - Hazardous category C",
        "Cargo - Hazardous category D",
        "Cargo - Reserved for future use",
        "Cargo - Reserved for future use",
        "Cargo - Reserved for future use",
        "Cargo - Reserved for future use",
        "Cargo - No additional information",
        "Tanker - all ships of this type",
        "Tanker - Hazardous category A",
        "Tanker - Hazardous category B",
        "Tanker - Hazardous category C",
        "Tanker - Hazardous category D",
        "Tanker - Reserved for future use",
        "Tanker - Reserved for future use",
        "Tanker - Reserved for future use",
        "Tanker - Reserved for future use",
        "Tanker - No additional information",
        "Other Type - all ships of this type",
        "Other Type - Hazardous category A",
        "Other Type - Hazardous category B",
        "Other Type - Hazardous category C",
        "Other Type - Hazardous category D",
        "Other Type - Reserved for future use",
        "Other Type - Reserved for future use",
        "Other Type - Reserved for future use",
        "Other Type - Reserved for future use",
        "Other Type - no additional information",
    };

    /** Aid-to-navigation type 0..31. */
    private static final String[] AID_TYPE = {
        "Unspecified",
        "Reference point",
        "RACON",
        "Fixed offshore structure",
        "Spare, Reserved for future use.",
        "Light, without sectors",
        "Light, with sectors",
        "Leading Light Front",
        "Leading Light Rear",
        "Beacon, Cardinal N",
        "Beacon, Cardinal E",
        "Beacon, Cardinal S",
        "Beacon, Cardinal W",
        "Beacon, Port hand",
        "Beacon, Starboard hand",
        "Beacon, Preferred Channel port hand",
        "Beacon, Preferred Channel starboard hand",
        "Beacon, Isolated danger",
        "Beacon, Safe water",
        "Beacon, Special mark",
        "Cardinal Mark N",
        "Cardinal Mark E",
        "Cardinal Mark S",
        "Cardinal Mark W",
        "Port hand Mark",
        "Starboard hand Mark",
        "Preferred Channel Port hand",
        "Preferred Channel Starboard hand",
        "Isolated danger",
        "Safe Water",
        "Special Mark",
        "Light Vessel / LANBY / Rigs",
    };

    /** Station type of a type 23 group assignment, 0..15. */
    private static final String[] STATION_TYPE = {
        "All types of mobiles",
        "Reserved for future use",
        "All types of Class B mobile stations",
        "SAR airborne mobile station",
        "Aid to Navigation station",
        "Class B shipborne mobile station",
        "Regional use and inland waterways",
        "Regional use and inland waterways",
        "Regional use and inland waterways",
        "Regional use and inland waterways",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
        "Reserved for future use",
    };

    /** RACON status of an AtoN monitoring report (DAC 235/250 FI 10), 0..3. */
    private static final String[] RACON = {"No RACON installed", "RACON not monitored", "RACON operational", "RACON ERROR"};

    /** Light status of an AtoN monitoring report, 0..3. */
    private static final String[] LIGHT = {"No light or no monitoring", "Light ON", "Light OFF", "Light ERROR"};

    /** Precipitation type of a DAC 1 FI 11 met/hydro report (WMO 306 code table 4.201), 0..7. */
    private static final String[] PRECIPITATION = {
        "reserved", "rain", "thunderstorm", "freezing rain", "mixed/ice", "snow", "reserved", "N/A",
    };

    /** Ice of a DAC 1 FI 11 met/hydro report, 0..3. */
    private static final String[] ICE = {"no", "yes", "reserved", "N/A"};

    /** Hazard of an Inland AIS ship (DAC 200 FI 10), 0..5. */
    private static final String[] INLAND_HAZARD = {
        "0 blue cones/lights", "1 blue cone/light", "2 blue cones/lights", "3 blue cones/lights", "4 B-Flag", "Unknown",
    };

    /** Load status of an Inland AIS ship, 0..2. */
    private static final String[] INLAND_LOADED = {"N/A (default)", "Unloaded", "Loaded"};

    /**
     * Inland AIS ship types (ERI code, the matching AIS ship type, legend). gpsd matches a code against
     * either column, first row first, and gives the last row's legend when nothing matches.
     */
    private static final InlandShipType[] INLAND_SHIP_TYPE = {
        new InlandShipType(8000, 99, "Vessel, type unknown"),
        new InlandShipType(8010, 79, "Motor freighter"),
        new InlandShipType(8020, 89, "Motor tanker"),
        new InlandShipType(8021, 80, "Motor tanker, liquid cargo, type N"),
        new InlandShipType(8022, 80, "Motor tanker, liquid cargo, type C"),
        new InlandShipType(8023, 89, "Motor tanker, dry cargo as if liquid (e.g. cement)"),
        new InlandShipType(8030, 79, "Container vessel"),
        new InlandShipType(8040, 80, "Gas tanker"),
        new InlandShipType(8050, 79, "Motor freighter, tug"),
        new InlandShipType(8060, 89, "Motor tanker, tug"),
        new InlandShipType(8070, 79, "Motor freighter with one or more ships alongside"),
        new InlandShipType(8080, 89, "Motor freighter with tanker"),
        new InlandShipType(8090, 79, "Motor freighter pushing one or more freighters"),
        new InlandShipType(8100, 89, "Motor freighter pushing at least one tank-ship"),
        new InlandShipType(8110, 79, "Tug, freighter"),
        new InlandShipType(8120, 89, "Tug, tanker"),
        new InlandShipType(8130, 31, "Tug freighter, coupled"),
        new InlandShipType(8140, 31, "Tug, freighter/tanker, coupled"),
        new InlandShipType(8150, 99, "Freightbarge"),
        new InlandShipType(8160, 99, "Tankbarge"),
        new InlandShipType(8161, 90, "Tankbarge, liquid cargo, type N"),
        new InlandShipType(8162, 90, "Tankbarge, liquid cargo, type C"),
        new InlandShipType(8163, 99, "Tankbarge, dry cargo as if liquid (e.g. cement)"),
        new InlandShipType(8170, 99, "Freightbarge with containers"),
        new InlandShipType(8180, 90, "Tankbarge, gas"),
        new InlandShipType(8210, 79, "Pushtow, one cargo barge"),
        new InlandShipType(8220, 79, "Pushtow, two cargo barges"),
        new InlandShipType(8230, 79, "Pushtow, three cargo barges"),
        new InlandShipType(8240, 79, "Pushtow, four cargo barges"),
        new InlandShipType(8250, 79, "Pushtow, five cargo barges"),
        new InlandShipType(8260, 79, "Pushtow, six cargo barges"),
        new InlandShipType(8270, 79, "Pushtow, seven cargo barges"),
        new InlandShipType(8280, 79, "Pushtow, eigth cargo barges"),
        new InlandShipType(8290, 79, "Pushtow, nine or more barges"),
        new InlandShipType(8310, 80, "Pushtow, one tank/gas barge"),
        new InlandShipType(8320, 80, "Pushtow, two barges at least one tanker or gas barge"),
        new InlandShipType(8330, 80, "Pushtow, three barges at least one tanker or gas barge"),
        new InlandShipType(8340, 80, "Pushtow, four barges at least one tanker or gas barge"),
        new InlandShipType(8350, 80, "Pushtow, five barges at least one tanker or gas barge"),
        new InlandShipType(8360, 80, "Pushtow, six barges at least one tanker or gas barge"),
        new InlandShipType(8370, 80, "Pushtow, seven barges at least one tanker or gas barg"),
    };
    private record InlandShipType(int code, int aisType, String legend) {
    }

    private static final String INLAND_SHIP_TYPE_UNKNOWN = "Illegal ship type value.";

    private GpsdText() {
    }

    static String navStatus(int code) {
        return NAV_STATUS[code & 0xF];
    }

    static String epfd(int code) {
        return code >= 0 && code < EPFD.length ? EPFD[code] : "INVALID EPFD";
    }

    static String shipType(int code) {
        return code >= 0 && code < SHIP_TYPE.length ? SHIP_TYPE[code] : "INVALID SHIP TYPE";
    }

    static String aidType(int code) {
        return AID_TYPE[code & 0x1F];
    }

    static String stationType(int code) {
        return STATION_TYPE[code & 0xF];
    }

    static String racon(int code) {
        return RACON[code & 0x3];
    }

    static String light(int code) {
        return LIGHT[code & 0x3];
    }

    static String precipitation(int code) {
        return PRECIPITATION[code & 0x7];
    }

    static String ice(int code) {
        return ICE[code & 0x3];
    }

    static String inlandHazard(int code) {
        return code >= 0 && code < INLAND_HAZARD.length ? INLAND_HAZARD[code] : "INVALID HAZARD TYPE";
    }

    static String inlandLoaded(int code) {
        return code >= 0 && code < INLAND_LOADED.length ? INLAND_LOADED[code] : "INVALID LOAD STATUS";
    }

    static String inlandShipType(int code) {
        for (InlandShipType row : INLAND_SHIP_TYPE) {
            if (row.code() == code || row.aisType() == code) {
                return row.legend();
            }
        }
        return INLAND_SHIP_TYPE_UNKNOWN;
    }
}
