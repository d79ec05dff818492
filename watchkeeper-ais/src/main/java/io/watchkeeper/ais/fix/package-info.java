/**
 * AIS in the engine's terms: position reports become fixes, static reports become vessel info, and
 * {@link io.watchkeeper.ais.fix.AisIngest} runs one input from raw lines to the engine. The AIS
 * "not available" values stop here.
 */
package io.watchkeeper.ais.fix;
