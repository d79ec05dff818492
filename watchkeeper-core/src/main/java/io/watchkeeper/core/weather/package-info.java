/** Weather and sea-state observations that stations broadcast, kept for the map. */
package io.watchkeeper.core.weather;
