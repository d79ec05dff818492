package io.watchkeeper.ais.message;

/**
 * DAC 200 FI 10 (Inland AIS): inland ship static and voyage data. {@code vin} the European vessel
 * number; length, beam and draught in 1/10 m (1/100 m for draught); {@code shipType} the ERI code;
 * {@code hazard} blue cones 0..3, 4 B-flag, 5 unknown; {@code loaded} 0 n/a, 1 unloaded, 2 loaded;
 * the three flags say whether speed, course and heading come from a certified sensor.
 */
public record InlandStaticVoyageData(String vin, int length, int beam, int shipType, int hazard, int draught,
        int loaded, boolean speedQuality, boolean courseQuality, boolean headingQuality) implements ApplicationData {
}
