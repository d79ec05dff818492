package io.watchkeeper.ais.message;

/**
 * The application content of a binary message (type 6 or 8), chosen by its DAC (designated area code)
 * and FI (function identifier). Kinds decoded field by field have their own record; everything else,
 * and any message whose length does not fit its kind, stays {@link BinaryData}.
 */
public sealed interface ApplicationData
        permits BinaryData, MetHydroReport, DangerousCargoIndication, TidalWindow, ClearanceTime,
        TextDescription, PersonsOnBoard, InlandPersonsOnBoard, AtonMonitoring, InlandStaticVoyageData,
        InlandWaterLevels {
}
